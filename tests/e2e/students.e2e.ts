import { expect, type Page, test } from "@playwright/test";
import { joinWithCode, teachSession } from "./classroom.ts";

/** The party a student's page says they play. */
const partyOf = async (page: Page) => ((await page.locator(".table-head strong").first().textContent()) ?? "").trim();

/**
 * The instructor moves students from the dashboard's students list: to a seat another
 * student holds (the two swap), and back to the seat a bot was given. The move-student API
 * had existed with no control on the dashboard, so a student's request for another seat, or
 * one unseated by mistake, could not be acted on there.
 */
test("the instructor moves students between seats from the students list, and seats a replaced student again", async ({
  browser,
}) => {
  const { dashboard, code } = await teachSession(browser, { tables: "2" });
  const ada = await joinWithCode(browser, code, "Ada");
  const bo = await joinWithCode(browser, code, "Bo");
  const cy = await joinWithCode(browser, code, "Cy");
  const students = dashboard.getByRole("region", { name: /^Students/ });
  const rowOf = (name: string) => students.getByRole("row").filter({ has: dashboard.getByRole("rowheader", { name }) });
  const tableOf = async (name: string) => (await rowOf(name).getByRole("cell").first().textContent())?.trim();
  await expect(rowOf("Cy").getByRole("cell").first()).not.toHaveText("");
  // Two of them at different tables (the class is spread over the two).
  const seated = { Ada: await tableOf("Ada"), Bo: await tableOf("Bo"), Cy: await tableOf("Cy") };
  const [one, other] = (["Ada", "Bo", "Cy"] as const).flatMap((a) =>
    (["Ada", "Bo", "Cy"] as const).filter((b) => b > a && seated[a] !== seated[b]).map((b) => [a, b] as const),
  )[0] ?? ["", ""];
  expect(one && other).toBeTruthy();
  const pages = { Ada: ada, Bo: bo, Cy: cy } as Record<string, Page>;
  const [x, y] = [one, other] as [keyof typeof seated, keyof typeof seated];
  // Each student's page says which table to sit at.
  for (const [name, page] of Object.entries(pages)) {
    await expect(page.getByTestId("table-number")).toHaveText(`Table ${seated[name as keyof typeof seated]}`);
    await expect(page.getByText(`You are at table ${seated[name as keyof typeof seated]}.`)).toBeVisible();
  }
  const xParty = await partyOf(pages[x] as Page);
  const yParty = await partyOf(pages[y] as Page);

  // y takes x's seat; x takes y's old seat at the other table. Both pages follow by themselves.
  await rowOf(y)
    .getByRole("button", { name: `Move ${y}…` })
    .click();
  await students.getByLabel(`Move ${y} to`).selectOption({ label: `Table ${seated[x]} · ${xParty} (now: ${x})` });
  await students.getByRole("button", { name: "Move", exact: true }).click();
  await expect(students.getByTestId("move-result")).toContainText(`${y} now sits at table ${seated[x]} as ${xParty}.`);
  await expect(students.getByTestId("move-result")).toContainText(
    `${x} takes ${y}'s old seat (table ${seated[y]}, ${yParty}).`,
  );
  await expect(rowOf(y).getByRole("cell").first()).toHaveText(String(seated[x]));
  await expect(rowOf(x).getByRole("cell").first()).toHaveText(String(seated[y]));
  await expect.poll(() => partyOf(pages[y] as Page)).toBe(xParty);
  await expect.poll(() => partyOf(pages[x] as Page)).toBe(yParty);
  await expect((pages[y] as Page).getByTestId("table-number")).toHaveText(`Table ${seated[x]}`);
  await expect((pages[x] as Page).getByTestId("table-number")).toHaveText(`Table ${seated[y]}`);

  // Bo's seat goes to a bot; the list says where Bo last sat, and Bo is seated there again.
  const boParty = await partyOf(bo);
  const boTable = await tableOf("Bo");
  const table1 = dashboard.getByTestId(`table-card-${boTable}`);
  await table1.getByLabel(/Seat to give to a bot/).selectOption({ label: boParty });
  await table1.getByRole("button", { name: "Replace", exact: true }).click();
  await expect(rowOf("Bo")).toContainText(`not seated (last at table ${boTable} as ${boParty})`);
  await expect(bo.getByRole("heading", { name: "Waiting for a seat" })).toBeVisible();
  // The page says why (it had said only "You have no seat right now").
  await expect(bo.getByRole("status")).toContainText(
    `Your instructor gave your seat, ${boParty} at table ${boTable}, to a bot, which plays it now.`,
  );
  await rowOf("Bo").getByRole("button", { name: "Move Bo…" }).click();
  const back = `Table ${boTable} · ${boParty} (now: a bot)`;
  await expect(students.getByLabel("Move Bo to")).toContainText(back);
  await students.getByLabel("Move Bo to").selectOption({ label: back });
  await students.getByRole("button", { name: "Move", exact: true }).click();
  await expect(students.getByTestId("move-result")).toContainText(`Bo now sits at table ${boTable} as ${boParty}.`);
  await expect(rowOf("Bo").getByRole("cell").first()).toHaveText(String(boTable));
  // Bo's page, which said it was waiting for a seat, takes it by itself.
  await expect(bo.getByRole("heading", { name: "Your brief" })).toBeVisible({ timeout: 15_000 });
  expect(await partyOf(bo)).toBe(boParty);
});

/**
 * After moves and a seat given to a bot, each student's debrief is of the seat they played:
 * the moved student's browser had kept the party it joined as (the debrief and home page
 * named the wrong one), and the student whose seat went to a bot waited for a seat forever,
 * with no way to their results.
 */
test("after a move and a seat given to a bot, each student's results are of the seat they played", async ({
  browser,
}) => {
  const { dashboard, code } = await teachSession(browser, { tables: "1" });
  const ada = await joinWithCode(browser, code, "Ada");
  const bo = await joinWithCode(browser, code, "Bo");
  const [adaFirst, boFirst] = [await partyOf(ada), await partyOf(bo)];
  const refused: string[] = [];
  for (const page of [ada, bo])
    page.on("response", (r) => {
      if (r.status() >= 400) refused.push(`${r.status()} ${r.url()}`);
    });
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  await expect(ada.getByText(/^Round 1 of/)).toBeVisible();

  // Ada and Bo swap seats; then Bo's new seat (Ada's first) goes to a bot.
  const students = dashboard.getByRole("region", { name: /^Students/ });
  await students.getByRole("button", { name: "Move Ada…" }).click();
  await students.getByLabel("Move Ada to").selectOption({ label: `Table 1 · ${boFirst} (now: Bo)` });
  await students.getByRole("button", { name: "Move", exact: true }).click();
  await expect.poll(() => partyOf(ada)).toBe(boFirst);
  await expect.poll(() => partyOf(bo)).toBe(adaFirst);
  const card = dashboard.getByTestId("table-card-1");
  await card.getByLabel(/Seat to give to a bot/).selectOption({ label: adaFirst });
  await card.getByRole("button", { name: "Replace", exact: true }).click();
  await expect(bo.getByRole("heading", { name: "Waiting for a seat" })).toBeVisible();

  await dashboard.getByRole("button", { name: "End…" }).click();
  await dashboard.getByRole("button", { name: "Yes, end it" }).click();

  // Bo's page says the session is over and opens the debrief of the seat he last played.
  await expect(bo.getByRole("heading", { name: "The session is over" })).toBeVisible({ timeout: 15_000 });
  await bo.getByRole("link", { name: "Open the debrief" }).click();
  await expect(bo.getByRole("heading", { name: `Your table, as ${adaFirst}` })).toBeVisible();
  // Ada's debrief and home page name the seat she played after the move.
  await ada.getByRole("link", { name: "Open the debrief" }).click();
  await expect(ada.getByRole("heading", { name: `Your table, as ${boFirst}` })).toBeVisible();
  await ada.goto("/");
  await expect(ada.getByText(`as ${boFirst}`)).toBeVisible();
  expect(refused).toEqual([]);
});

/**
 * A student asks for another seat from her own page: the API and the dashboard's side had
 * existed, with no way for a student to ask. The request shows on the dashboard, Move… is
 * set to it, and the instructor's move takes the student there; a refusal says why.
 */
test("a student asks to switch seat from her page, and the instructor sees the request and grants it", async ({
  browser,
}) => {
  const { dashboard, code } = await teachSession(browser, { tables: "1" });
  const ada = await joinWithCode(browser, code, "Ada");
  const bo = await joinWithCode(browser, code, "Bo");
  const [adaParty, boParty] = [await partyOf(ada), await partyOf(bo)];

  // Ada asks for Bo's party. The form offers the other parties only, by name.
  const ask = ada.getByRole("button", { name: "Ask to switch seat" });
  await expect(ask).toHaveAttribute("aria-expanded", "false");
  await ask.click();
  const choice = ada.getByLabel("Party you would rather play at table 1");
  await expect(choice.getByRole("option")).toHaveText([boParty]);
  await ada.getByRole("button", { name: "Send the request" }).click();
  await expect(ada.getByTestId("seat-request-result")).toHaveText(
    `Request sent: you asked to play ${boParty}. Your instructor will decide.`,
  );
  await expect(ask).toHaveAttribute("aria-expanded", "false");
  // A reload still says so: the request waits on the server, not in the page.
  await ada.reload();
  await expect(ada.getByTestId("seat-request-result")).toHaveText(
    `Request sent: you asked to play ${boParty}. Your instructor will decide.`,
  );

  // The dashboard shows it at once, and Move… is set to it.
  const students = dashboard.getByRole("region", { name: /^Students/ });
  const adaRow = students.getByRole("row").filter({ has: dashboard.getByRole("rowheader", { name: "Ada" }) });
  await expect(adaRow).toContainText(`${boParty} at table 1`);
  await adaRow.getByRole("button", { name: "Move Ada…" }).click();
  await expect(students.getByLabel("Move Ada to").locator("option:checked")).toHaveText(
    `Table 1 · ${boParty} (now: Bo)`,
  );
  await students.getByRole("button", { name: "Move", exact: true }).click();
  await expect.poll(() => partyOf(ada)).toBe(boParty);
  await expect.poll(() => partyOf(bo)).toBe(adaParty);
  // The new seat starts with no request of its own.
  await expect(ada.getByTestId("seat-request-result")).toHaveCount(0);

  // A refusal says why, and nothing is said to have been sent.
  await bo.route("**/api/me/seat-request", (route) =>
    route.fulfill({
      status: 404,
      contentType: "application/json",
      body: JSON.stringify({ error: "Your session no longer exists.", code: "UnknownSession" }),
    }),
  );
  await bo.getByRole("button", { name: "Ask to switch seat" }).click();
  await bo.getByRole("button", { name: "Send the request" }).click();
  await expect(bo.getByRole("alert").filter({ hasText: "Your request was not sent" })).toHaveText(
    "Your request was not sent. Your session no longer exists.",
  );
});

/**
 * A student whose table has ended can be moved to a seat a bot plays, never into another
 * student's seat: the swap sent that student, mid-game, to the finished table (their game
 * over for them), and the form offered "a bot plays" a seat whose negotiation was over.
 */
test("a student whose table has ended can take a bot's seat elsewhere, not a student's", async ({ browser }) => {
  const { dashboard, code } = await teachSession(browser, { tables: "2" });
  const pages = new Map<string, Page>();
  for (const name of ["Ada", "Bo", "Cy"]) pages.set(name, await joinWithCode(browser, code, name));
  const students = dashboard.getByRole("region", { name: /^Students/ });
  const rowOf = (name: string) => students.getByRole("row").filter({ has: dashboard.getByRole("rowheader", { name }) });
  const tableOf = async (name: string) => (await rowOf(name).getByRole("cell").first().textContent())?.trim() ?? "";
  await expect(rowOf("Cy").getByRole("cell").first()).not.toHaveText("");
  const tables = new Map<string, string>();
  for (const name of pages.keys()) tables.set(name, await tableOf(name));
  // The table two of them share ends; the other has one student and a bot.
  const shared = [...tables.values()].find((t, i, all) => all.indexOf(t) !== i) ?? "";
  const [mover] = [...tables].find(([, t]) => t === shared) ?? [""];
  const [alone] = [...tables].find(([, t]) => t !== shared) ?? [""];
  const other = shared === "1" ? "2" : "1";
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  await dashboard.getByLabel(`Select Table ${shared} for the controls`).check();
  await dashboard.getByRole("button", { name: "End…" }).click();
  await dashboard.getByRole("button", { name: "Yes, end it" }).click();
  await expect(dashboard.getByTestId(`table-card-${shared}`).locator(".badge").first()).toHaveText("ended");

  await rowOf(mover)
    .getByRole("button", { name: `Move ${mover}…` })
    .click();
  const menu = students.getByLabel(`Move ${mover} to`);
  const held = menu.getByRole("option", { name: new RegExp(`^Table ${other} · .*\\(now: ${alone}\\)`) });
  await expect(held).toBeDisabled();
  await expect(held).toContainText("its student would be sent to a finished table");
  await expect(menu.getByRole("option", { name: /^No seat/ })).toHaveCount(0);
  await expect(students.locator(".move-row")).toContainText(
    `${mover}'s table has ended: ${mover} can take a seat a bot plays, not a student's (that student would be sent to the finished table). A student moved`,
  );
  // The bot's seat at the other table is the one offered.
  await expect(menu).toHaveValue(/ /);
  expect(await menu.locator("option:checked").textContent()).toMatch(
    new RegExp(`^Table ${other} · .*\\(now: a bot\\)$`),
  );
  await students.getByRole("button", { name: "Move", exact: true }).click();
  await expect(students.getByTestId("move-result")).toContainText(`${mover} now sits at table ${other}`);
  // The student at the other table plays on there.
  await expect(rowOf(alone).getByRole("cell").first()).toHaveText(other);
  await expect((pages.get(alone) as Page).getByTestId("table-number")).toHaveText(`Table ${other}`);
});

/**
 * A student whose seat the instructor gave to a bot opens a new link on another device: the
 * page waits for a seat, and the home page notes the seat they last played. The note read
 * "Class: …, as null", the link's seat being a bot's.
 */
test("a new link opened while a bot holds the student's seat notes the seat last played on the home page", async ({
  browser,
}) => {
  const { dashboard, code } = await teachSession(browser, { tables: "1" });
  const ada = await joinWithCode(browser, code, "Ada");
  const party = await partyOf(ada);
  const card = dashboard.getByTestId("table-card-1");
  await card.getByLabel(/Seat to give to a bot/).selectOption({ label: party });
  await card.getByRole("button", { name: "Replace" }).click();
  await expect(card).toContainText(`${party}: Bot`);
  await dashboard.getByRole("button", { name: "New link for Ada" }).click();
  const confirm = dashboard.getByRole("button", { name: "Make a new link for Ada" });
  if (await confirm.isVisible()) await confirm.click();
  const link = await dashboard.getByLabel("Link to Ada's seat").inputValue();

  const phone = await (await browser.newContext()).newPage();
  await phone.goto(link);
  await expect(phone).toHaveURL(/\/play\//);
  await phone.goto("/");
  const resume = phone.getByRole("region", { name: "Pick up where you left off" });
  await expect(resume.getByRole("link")).toHaveText(`Class: ${await titleOf(dashboard)}, as ${party}`);
});

/** The session's title as the dashboard shows it. */
const titleOf = async (dashboard: Page) => ((await dashboard.locator("h1").first().textContent()) ?? "").trim();

test("a student whose tab closed opens the join link again and is offered her seat, not a name already taken", async ({
  browser,
}) => {
  const { code } = await teachSession(browser, { tables: "1" });
  const ada = await joinWithCode(browser, code, "Ada");
  const party = await partyOf(ada);
  const context = ada.context();
  await ada.close();
  // The QR code on the projector again, in the same browser.
  const again = await context.newPage();
  await again.goto(`/join#code=${code}`);
  const held = again.getByTestId("held-seats");
  await expect(held).toContainText("Already joined on this device?");
  await held.getByRole("link", { name: new RegExp(`Back to my seat: .*, as ${party}`) }).click();
  await expect(again).toHaveURL(/\/play\//);
  await expect(again.getByText("The negotiation has not started yet")).toBeVisible();
  // A classmate's own browser holds no seat: the join page is only the form.
  const ben = await (await browser.newContext()).newPage();
  await ben.goto(`/join#code=${code}`);
  await expect(ben.getByLabel(/Your name/)).toBeVisible();
  await expect(ben.getByTestId("held-seats")).toHaveCount(0);
});
