import { expect, test } from "@playwright/test";
import { joinWithCode, teachSession } from "./classroom.ts";

/**
 * The dashboard's heading and the line under the controls while the instructor pauses and
 * resumes: with every table paused the heading said "status running", and a control pressed
 * where it had nothing left to do (Pause twice, Resume for every table after pausing one)
 * read as a refusal ("refused at table 1 (This table is not paused.)").
 */
test("pausing and resuming: the heading says the tables are paused, and nothing to do is not a refusal", async ({
  browser,
}) => {
  const { dashboard, code } = await teachSession(browser, { tables: "2" });
  const ada = await joinWithCode(browser, code, "Ada");
  const heading = dashboard.locator(".dash-head .muted").first();
  const report = dashboard.getByTestId("control-results");
  const resume = dashboard.getByRole("button", { name: "Resume", exact: true });
  // Before the start nobody has a move to make: no "0 of 4 seats have made their main move".
  await expect(heading).toContainText("status lobby · 1 student · 2 tables");
  await expect(heading).not.toContainText("main move");
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  await expect(report).toHaveText("Start: done at 2 tables.");
  await expect(heading).toContainText("status running ·");
  await expect(heading).toContainText(/of 4 seats have made their main move/);

  await dashboard.getByLabel("Select Table 2 for the controls").check();
  await dashboard.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(report).toHaveText("Pause: done at 1 table.");
  await expect(heading).toContainText("status running (table 2 paused)");
  await expect(resume).toHaveClass(/primary/);
  await dashboard.getByRole("button", { name: "Apply to every table instead" }).click();
  await resume.click();
  await expect(report).toHaveText("Resume: done at 1 table (table 1 was already running).");
  await expect(resume).not.toHaveClass(/primary/);

  await dashboard.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(report).toHaveText("Pause: done at 2 tables.");
  await expect(heading).toContainText("status paused ·");
  await expect(ada.getByText("Your instructor has paused the table.")).toBeVisible();
  await dashboard.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(report).toHaveText("Pause: nothing changed (tables 1, 2 were already paused).");
  // Said once, by the page's banner, not again by a notice (which stayed after the resume).
  await expect(ada.getByText("Your instructor has paused the table.")).toHaveCount(1);
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  await expect(report).toHaveText("Start: nothing changed (tables 1, 2 had already started).");
  await resume.click();
  await expect(report).toHaveText("Resume: done at 2 tables.");
  await expect(heading).toContainText("status running ·");
});

/** An instructor walking round the class with a phone: the scenario events' menu had widened the page past the screen. */
test("on a phone, the dashboard fits the screen's width", async ({ browser }) => {
  const { dashboard } = await teachSession(browser);
  await dashboard.setViewportSize({ width: 390, height: 844 });
  await expect(dashboard.getByLabel("Scenario event")).toBeVisible();
  const wider = await dashboard.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${e.className}`),
  );
  expect(wider).toEqual([]);
  expect(await dashboard.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

/** "Advance the round" in a table's last round ends its negotiation: it asks first, as End… does (it had ended the tables at once). */
test("advancing a table's last round asks first, since it ends the negotiation", async ({ browser }) => {
  const { dashboard, code } = await teachSession(browser, { tables: "1" });
  const ada = await joinWithCode(browser, code, "Ada");
  const card = dashboard.getByTestId("table-card-1");
  const advance = dashboard.getByRole("button", { name: "Advance the round", exact: true });
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  for (let round = 2; round <= 8; round++) {
    await advance.click();
    await expect(card).toContainText(`Round ${round} of 8`);
  }
  await advance.click();
  const ask = dashboard.getByRole("alert").filter({ hasText: "Table 1 is in the last round" });
  await expect(ask).toContainText("advancing ends its negotiation, and scores become final.");
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(card).toContainText("Round 8 of 8");
  await expect(card.locator(".badge").first()).toHaveText("running");
  await advance.click();
  await dashboard.getByRole("button", { name: "Yes, advance" }).click();
  await expect(card.locator(".badge").first()).toHaveText("ended");
  await expect(ada.getByRole("heading", { name: "No agreement" })).toBeVisible();
});

/** With a class list, the instructor sees who has not joined yet (the list of students showed only those who had). */
test("with a class list, the students list says who has not joined yet", async ({ browser }) => {
  const dashboard = await (await browser.newContext()).newPage();
  await dashboard.goto("/teach");
  await dashboard.getByLabel("Scenario").selectOption("us-china-tariffs");
  await dashboard.getByLabel(/Class list/).fill("Zoë Ångström\nJosé Ñúñez\nLi Wei\n");
  await dashboard.getByRole("button", { name: "Create the session" }).click();
  const code = ((await dashboard.getByTestId("join-code").textContent()) ?? "").trim();
  const notJoined = dashboard.getByTestId("not-joined");
  await expect(notJoined).toHaveText("Not joined yet (3 of 3 on the class list): Zoë Ångström, José Ñúñez, Li Wei");
  // Joined as the list spells it, whatever the case the student typed.
  await joinWithCode(browser, code, "zoë ångström");
  await expect(notJoined).toHaveText("Not joined yet (2 of 3 on the class list): José Ñúñez, Li Wei");
  await joinWithCode(browser, code, "José Ñúñez");
  await joinWithCode(browser, code, "Li Wei");
  await expect(notJoined).toHaveCount(0);
});

/**
 * The instructor opens the dashboard on a second device with the session's id and token,
 * which the dashboard now shows on request (the token had been in the first browser only,
 * so "Open a session from another device" asked for something nobody could find).
 */
test("the dashboard gives what opens it on another device, and that opens it", async ({ browser }) => {
  const { dashboard, code } = await teachSession(browser);
  const other = dashboard.getByTestId("other-device");
  // Closed at first: the dashboard may be on the projector.
  await expect(other.getByLabel("Instructor token")).toBeHidden();
  await other.getByText("Open this dashboard on another device").click();
  const id = await other.getByLabel("Session id").inputValue();
  const token = await other.getByLabel("Instructor token").inputValue();
  expect(dashboard.url()).toContain(`/teach/${id}`);
  expect(token.length).toBeGreaterThan(16);

  const tablet = await (await browser.newContext()).newPage();
  await tablet.goto("/teach");
  await tablet.getByLabel("Session id").fill(id);
  await tablet.getByLabel("Instructor token").fill(token);
  await tablet.getByRole("button", { name: "Open the dashboard" }).click();
  await expect(tablet.getByTestId("join-code")).toHaveText(code);
  await expect(tablet.getByRole("button", { name: "Start", exact: true })).toBeVisible();
});

/**
 * A broadcast's answer came back after the instructor had typed the next message, and
 * cleared it (the box emptied, Broadcast greyed out): what was typed was lost. Seen under
 * load in the phone test; here the answer is held back on purpose.
 */
test("a message typed while the last broadcast is on its way is kept", async ({ browser }) => {
  const { dashboard, code } = await teachSession(browser, { tables: "1" });
  const asha = await joinWithCode(browser, code, "Asha");
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await dashboard.route("**/api/sessions/*/control", async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  const box = dashboard.getByLabel("Message to students");
  await box.fill("Ten minutes left.");
  await dashboard.getByRole("button", { name: "Broadcast" }).click();
  await expect(asha.getByText("Ten minutes left.").first()).toBeVisible();
  await box.fill("Agree on the agenda first.");
  release();
  await expect(dashboard.getByTestId("control-results")).toHaveText("Broadcast: done at 1 table.");
  await expect(box).toHaveValue("Agree on the agenda first.");
  await dashboard.unroute("**/api/sessions/*/control");
  await dashboard.getByRole("button", { name: "Broadcast" }).click();
  await expect(asha.getByText("Agree on the agenda first.").first()).toBeVisible();
  await expect(box).toHaveValue("");
});

/**
 * A class bigger than the tables set up for it: the student who found every seat taken had
 * only "tell your instructor", and the instructor no way to seat them but a new session.
 */
test("a student turned away from a full session is named on the dashboard, and an added table seats them", async ({
  browser,
}) => {
  const { dashboard, code } = await teachSession(browser, { tables: "1" });
  const ada = await joinWithCode(browser, code, "Ada");
  await joinWithCode(browser, code, "Ben");
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  await expect(ada.getByText(/^Round 1 of/)).toBeVisible();

  const cy = await (await browser.newContext()).newPage();
  await cy.goto("/join");
  await cy.getByLabel("Join code").fill(code);
  await cy.getByLabel(/Your name/).fill("Cy");
  await cy.getByRole("button", { name: "Take my seat" }).click();
  await expect(cy.getByRole("alert")).toContainText("Every seat of this session is taken");
  await expect(dashboard.getByTestId("turned-away")).toContainText("Every seat is taken: Cy could not join.");
  // The server keeps the name: a reload, or the dashboard on a second device, still shows it.
  await dashboard.reload();
  await expect(dashboard.getByTestId("turned-away")).toContainText("Every seat is taken: Cy could not join.");
  const other = dashboard.getByTestId("other-device");
  await other.getByText("Open this dashboard on another device").click();
  const tablet = await (await browser.newContext()).newPage();
  await tablet.goto("/teach");
  await tablet.getByLabel("Session id").fill(await other.getByLabel("Session id").inputValue());
  await tablet.getByLabel("Instructor token").fill(await other.getByLabel("Instructor token").inputValue());
  await tablet.getByRole("button", { name: "Open the dashboard" }).click();
  await expect(tablet.getByTestId("turned-away")).toContainText("Every seat is taken: Cy could not join.");

  await dashboard.getByRole("button", { name: "Add a table" }).click();
  await expect(dashboard.getByTestId("control-results")).toContainText("Table 2 added");
  // Named until seated: the list now says to ask them again.
  await expect(dashboard.getByTestId("turned-away")).toHaveText(
    "Cy found every seat taken and has not joined since: seats are free now, so ask them to join again.",
  );
  const card = dashboard.getByTestId("table-card-2");
  await expect(card).toContainText("waiting");

  // Cy tries again and sits at the new table, which waits for Start while table 1 plays on.
  await cy.getByRole("button", { name: "Take my seat" }).click();
  await expect(cy.getByText("The negotiation has not started yet")).toBeVisible();
  await expect(card).toContainText("Cy");
  await expect(dashboard.getByTestId("turned-away")).toHaveCount(0);
  await expect(tablet.getByTestId("turned-away")).toHaveCount(0);
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  await expect(dashboard.getByTestId("control-results")).toHaveText(
    "Start: done at 1 table (table 1 had already started).",
  );
  await expect(cy.getByText(/^Round 1 of/)).toBeVisible();
});

/**
 * The line under the controls said what the last control did for the rest of the class:
 * "Start: done at 2 tables" stayed while the instructor ticked tables and moved students,
 * and an answer that came back late could replace a later control's.
 */
test("the line under the controls describes the latest action only", async ({ browser }) => {
  const { dashboard, code } = await teachSession(browser, { tables: "2" });
  await joinWithCode(browser, code, "Ada");
  const report = dashboard.getByTestId("control-results");
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  await expect(report).toHaveText("Start: done at 2 tables.");
  // Ticking a table starts another action: the line about Start for every table goes.
  await dashboard.getByLabel("Select Table 1 for the controls").check();
  await expect(report).toHaveText("");
  await dashboard.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(report).toHaveText("Pause: done at 1 table.");
  await dashboard.getByRole("button", { name: "Move Ada…" }).click();
  await expect(report).toHaveText("");
  await dashboard.getByRole("button", { name: "Apply to every table instead" }).click();

  // Resume's answer comes back after Extend's: the line still says what Extend did.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let first = true;
  await dashboard.route("**/api/sessions/*/control", async (route) => {
    const response = await route.fetch();
    if (first) {
      first = false;
      await held;
    }
    await route.fulfill({ response });
  });
  await dashboard.getByRole("button", { name: "Resume", exact: true }).click();
  await dashboard.getByRole("button", { name: "Extend", exact: true }).click();
  await expect(report).toHaveText("Extend the deadline: done at 2 tables.");
  // Resume's answer, then the overview it loads afresh once answered.
  const resumed = dashboard.waitForResponse((r) => /\/api\/sessions\/[^/]+$/.test(new URL(r.url()).pathname));
  release();
  await resumed;
  await expect(dashboard.getByTestId("table-card-1")).toContainText("running");
  await expect(report).toHaveText("Extend the deadline: done at 2 tables.");
});

test("a download or a control the network drops says the server could not be reached, not nothing or 'Failed to fetch'", async ({
  browser,
}) => {
  const { dashboard } = await teachSession(browser, { tables: "1" });
  await dashboard.context().setOffline(true);
  await dashboard.getByRole("button", { name: "Download results (CSV)" }).click();
  const line = dashboard.getByTestId("control-results");
  await expect(line).toHaveText(/The server could not be reached/);
  await dashboard.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(line).toHaveText(/The server could not be reached/);
  await expect(line).not.toContainText("Failed to fetch");
  await dashboard.context().setOffline(false);
  const downloaded = dashboard.waitForEvent("download");
  await dashboard.getByRole("button", { name: "Download results (CSV)" }).click();
  expect((await downloaded).suggestedFilename()).toMatch(/-results\.csv$/);
  await dashboard.context().close();
});

test("a student's Wi-Fi drops: the card counts down to the bot that takes the seat over, and says online again when she is back", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const { dashboard, code } = await teachSession(browser, { tables: "1" });
  const ada = await joinWithCode(browser, code, "Ada");
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  const card = dashboard.getByTestId("table-card-1");
  await expect(card).toContainText("Ada · online");
  await ada.context().setOffline(true);
  const countdown = card.getByTestId("bot-covers");
  await expect(card).toContainText("Ada · offline", { timeout: 15_000 });
  await expect(countdown).toHaveText(/^A bot takes the seat over in \d+:\d\d unless Ada is back\.$/);
  // It ticks: the card does not wait for the server's next summary.
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first ?? "", { timeout: 3_000 });
  await ada.context().setOffline(false);
  await expect(card).toContainText("Ada · online", { timeout: 15_000 });
  await expect(countdown).toHaveCount(0);
  await ada.context().close();
  await dashboard.context().close();
});
