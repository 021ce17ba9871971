import { type APIRequestContext, expect, test } from "@playwright/test";
import { joinWithCode, teachSession, walkAway } from "./classroom.ts";

/** An instructor's session made through the HTTP API, and a way to send it controls. */
async function createSession(request: APIRequestContext, tables: number) {
  const created = await request.post("/api/sessions", {
    data: { scenarioId: "us-china-tariffs", tables, timing: { mode: "live", roundSeconds: 600 } },
  });
  expect(created.status()).toBe(201);
  const { session, instructorToken } = (await created.json()) as {
    session: { id: string; joinCode: string };
    instructorToken: string;
  };
  const headers = { authorization: `Bearer ${instructorToken}` };
  return {
    ...session,
    token: instructorToken,
    control: async (body: Record<string, unknown>) => {
      const response = await request.post(`/api/sessions/${session.id}/control`, { headers, data: body });
      expect(response.status()).toBe(200);
    },
    participants: async () =>
      (await (await request.get(`/api/sessions/${session.id}/participants`, { headers })).json()) as {
        name: string;
        tableId: string;
      }[],
  };
}

/**
 * A table that ends while another table of the class still plays the same parties shows
 * its students the outcome and their own score; every party's score and who the bots were
 * appear, on the same screen, once every table has finished.
 */
test("a table that finishes early holds the class's secrets until every table has finished", async ({
  page,
  request,
}) => {
  const session = await createSession(request, 2);
  // Through the home page's link, as a student finds it.
  await page.goto("/");
  await page.getByRole("link", { name: "Join with a code" }).click();
  await page.getByLabel("Join code").fill(session.joinCode);
  await page.getByLabel(/Your name/).fill("Elif");
  await page.getByRole("button", { name: "Take my seat" }).click();
  await expect(page.getByText("The negotiation has not started yet")).toBeVisible();

  // Only Elif's table starts; the other table waits, so the class is not done.
  const elif = (await session.participants()).find((p) => p.name === "Elif");
  await session.control({ action: "start", tables: [elif?.tableId] });
  await expect(page.getByText(/^Round 1 of/)).toBeVisible();

  await walkAway(page);
  await expect(page.getByRole("heading", { name: "No agreement" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your result" })).toBeVisible();
  await expect(page.getByTestId("results-held")).toBeVisible();
  await expect(page.getByRole("table", { name: "Every party's score" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Who the bots were" })).toHaveCount(0);

  // Her debrief, opened now, is her seat's replay and says when the rest opens, with no
  // refused request on the way (the page had asked for the full log first: a 409 in the console).
  const refused: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") refused.push(message.text());
  });
  await page.getByRole("link", { name: "Open the debrief" }).click();
  await expect(page.getByText("The full debrief opens once your whole session is over.")).toBeVisible();
  expect(refused).toEqual([]);
  await page.goBack();

  // The instructor ends the session: the results open where Elif is, without a reload.
  await session.control({ action: "end" });
  await expect(page.getByRole("table", { name: "Every party's score" })).toBeVisible();
  await expect(page.getByTestId("results-held")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Who the bots were" })).toBeVisible();
  // Now the debrief is the full one.
  await page.getByRole("link", { name: "Open the debrief" }).click();
  await expect(
    page
      .getByRole("heading", { name: "Your table, as United States" })
      .or(page.getByRole("heading", { name: "Your table, as China" })),
  ).toBeVisible();
  expect(refused).toEqual([]);
});

/**
 * A session whose tables fill as students come can still seat a latecomer at a new table, so
 * a table that finishes keeps the class's secrets until the instructor ends the session, even
 * when it is the only table; the dashboard says that ending it opens the results.
 */
test("in a session whose tables fill as students come, the results open when the instructor ends it", async ({
  browser,
}) => {
  const { dashboard, code } = await teachSession(browser, { title: "Tables as the class fills" });
  const page = await joinWithCode(browser, code, "Ana");
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  await expect(page.getByText(/^Round 1 of/)).toBeVisible();

  await walkAway(page);
  // Her table, the only one, has ended: her own result, and nothing of the others'.
  await expect(page.getByTestId("results-held")).toBeVisible();
  await expect(page.getByRole("table", { name: "Every party's score" })).toHaveCount(0);
  await expect(dashboard.getByTestId("end-to-open-results")).toBeVisible();

  await dashboard.getByRole("button", { name: "End…" }).click();
  await dashboard.getByRole("button", { name: "Yes, end it" }).click();
  await expect(page.getByRole("table", { name: "Every party's score" })).toBeVisible();
  await expect(page.getByTestId("results-held")).toHaveCount(0);
  await expect(dashboard.getByTestId("end-to-open-results")).toHaveCount(0);
});

/**
 * With a set number of tables no latecomer can open another, so the session is over when its
 * last table ends: the dashboard says so and offers no more controls (it had said "status
 * running" and offered Start and End, whose End was refused at the ended table).
 */
test("a session of one table is over when that table ends, without the instructor's End", async ({ browser }) => {
  const { dashboard, code } = await teachSession(browser, { tables: "1" });
  const page = await joinWithCode(browser, code, "Noor");
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  await expect(page.getByText(/^Round 1 of/)).toBeVisible();
  await expect(dashboard.getByTestId("session-ended")).toHaveCount(0);

  await walkAway(page);
  await expect(page.getByRole("table", { name: "Every party's score" })).toBeVisible();

  await expect(dashboard.getByTestId("session-ended")).toBeVisible();
  await expect(dashboard.getByText(/status ended/)).toBeVisible();
  await expect(dashboard.getByText(/made their main move/)).toHaveCount(0);
  await expect(dashboard.getByRole("button", { name: "End…" })).toHaveCount(0);
  await expect(dashboard.getByRole("button", { name: "Start", exact: true })).toHaveCount(0);
  await expect(dashboard.getByRole("button", { name: "Show on the projector" })).toHaveCount(0);
  await expect(dashboard.getByTestId("join-code")).toHaveCount(0);
  // Nothing left to select tables for.
  await expect(dashboard.getByTestId("table-card-1")).toBeVisible();
  await expect(dashboard.getByLabel("Select Table 1 for the controls")).toHaveCount(0);

  // Large text chosen for the projector carries to the debrief, opened afresh in a new tab.
  await dashboard.getByLabel("Large text").check();
  const debrief = await dashboard.context().newPage();
  await debrief.goto(
    new URL(
      (await dashboard.getByRole("link", { name: "Debrief the session" }).getAttribute("href")) ?? "",
      dashboard.url(),
    ).toString(),
  );
  await expect(debrief.locator("html")).toHaveClass(/large-text/);
  // The charts' text grows with the page's (Recharts sizes it in pixels: 12 to 15).
  const tick = debrief.locator(".chart .recharts-cartesian-axis-tick-value").first();
  await expect(tick).toHaveAttribute("font-size", "15");
  // High contrast chosen on the dashboard applies at once to the debrief open in the other
  // tab, its charts redrawn in light colours.
  const grid = debrief.locator(".chart .recharts-cartesian-grid line").first();
  await expect(grid).toHaveAttribute("stroke", "#e3e7ee");
  await dashboard.getByLabel("High contrast").check();
  await expect(debrief.locator("html")).toHaveClass(/high-contrast/);
  await expect(grid).toHaveAttribute("stroke", "#3d3d3d");
  await expect(dashboard.getByText(/Instructor dashboard · session over/i)).toBeVisible();
  await expect(dashboard.getByTestId("end-to-open-results")).toHaveCount(0);
});

/**
 * Accepting a package worth less than one's BATNA asks once more: an agreement on it scores
 * below walking away, and a student who clicked too fast could not take it back.
 */
test("accepting a proposal below one's BATNA asks once more before it is sent", async ({ browser, request }) => {
  const session = await createSession(request, 1);
  const first = await joinWithCode(browser, session.joinCode, "Ines");
  const second = await joinWithCode(browser, session.joinCode, "Jun");
  const seats = (await session.participants()) as unknown as { name: string; seat: string }[];
  const [usa, china] = seats.find((p) => p.name === "Ines")?.seat === "usa" ? [first, second] : [second, first];
  await session.control({ action: "start" });
  await expect(usa.getByText(/^Round 1 of/)).toBeVisible();

  // The United States proposes everything its own way: worth almost nothing to China.
  const choose = async (issue: string, option: RegExp) =>
    usa.getByRole("group", { name: issue }).getByRole("radio", { name: option }).check();
  await choose("Tariffs", /Keep current tariffs/);
  await choose("Purchase commitments", /Large purchases/);
  await choose("Semiconductor export controls", /Broad controls stay/);
  await choose("Critical minerals", /Full resumption/);
  await choose("Intellectual property", /Enforcement mechanism/);
  await choose("Consultation mechanism", /None/);
  await usa.getByRole("button", { name: "Propose this package" }).click();

  const card = china.locator(".proposal.open");
  await expect(card.getByText("below your BATNA")).toBeVisible();
  await card.getByRole("button", { name: /^Accept proposal/ }).click();
  await expect(card.getByRole("alert")).toContainText(/worth 0 points to you, below your BATNA of [\d.]+/);
  // Nothing was sent: the proposal is still open, and Cancel takes the question back.
  await expect(card.getByRole("button", { name: /^Reject proposal/ })).toBeVisible();
  await card.getByRole("button", { name: "Cancel" }).click();
  await expect(card.getByRole("alert")).toHaveCount(0);
  await expect(china.getByRole("heading", { name: "Agreement reached" })).toHaveCount(0);

  await card.getByRole("button", { name: /^Accept proposal/ }).click();
  await card.getByRole("button", { name: /^Yes: accept proposal/ }).click();
  await expect(china.getByRole("heading", { name: "Agreement reached" })).toBeVisible();

  // The session's results say it under China's points: an agreement worse than no deal.
  const instructor = await (await browser.newContext()).newPage();
  await instructor.goto("/teach");
  await instructor.getByLabel("Session id").fill(session.id);
  await instructor.getByLabel("Instructor token").fill(session.token);
  await instructor.getByRole("button", { name: "Open the dashboard" }).click();
  await instructor.getByRole("link", { name: "Debrief the session" }).click();
  const below = instructor.getByTestId("below-batna");
  await expect(below).toHaveCount(1);
  await expect(below).toHaveText(/^[\d.]+ below its BATNA of [\d.]+$/);
  // In China's column (the fifth: table, replay, outcome, United States, China).
  await expect(instructor.getByRole("row").nth(1).getByRole("cell").nth(3)).toContainText("below its BATNA");
});

/**
 * A student on another device (or whose browser forgot the seat) gets back to it with a new
 * link the instructor makes on the dashboard; the old page says its link was replaced.
 * The name-taken message had told her to ask for a link the instructor had no way to give.
 */
test("the instructor gives a student a new link to her seat, which opens it on another device", async ({ browser }) => {
  const { dashboard, code } = await teachSession(browser, { tables: "1" });
  const first = await joinWithCode(browser, code, "Noor");
  const party = (await first.locator(".table-head h1, .table-head").first().textContent()) ?? "";

  // On a second device the name is taken, and the message says what to ask for.
  const second = await (await browser.newContext()).newPage();
  await second.goto("/join");
  await second.getByLabel("Join code").fill(code);
  await second.getByLabel(/Your name/).fill("Noor");
  await second.getByRole("button", { name: "Take my seat" }).click();
  await expect(second.getByRole("alert")).toContainText("ask your instructor for a new link to your seat");

  // Her first page is open: the dashboard asks before closing it (a misclick would have).
  await dashboard.getByRole("button", { name: "New link for Noor" }).click();
  await expect(dashboard.getByRole("alert")).toContainText("Noor's page is open now: a new link closes it");
  await dashboard.getByRole("button", { name: "Cancel" }).click();
  await expect(dashboard.getByLabel("Link to Noor's seat")).toHaveCount(0);
  await expect(first.getByText("The negotiation has not started yet")).toBeVisible();
  await dashboard.getByRole("button", { name: "New link for Noor" }).click();
  await dashboard.getByRole("button", { name: "Make a new link for Noor" }).click();
  const link = await dashboard.getByLabel("Link to Noor's seat").inputValue();
  expect(link).toMatch(/\/join#seat=/);
  // The whole link shows, to read out or copy (its box had shown "http://127.0.0.1:2811/join" and no more).
  expect(await dashboard.getByLabel("Link to Noor's seat").evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(
    true,
  );
  await second.goto(link);
  await expect(second).toHaveURL(/\/play\//);
  await expect(second.getByText("The negotiation has not started yet")).toBeVisible();
  expect((await second.locator(".table-head h1, .table-head").first().textContent()) ?? "").toBe(party);
  await expect(first.getByRole("heading", { name: "This link was replaced" })).toBeVisible();

  // The link works once per renewal: a new one makes the old one fail, with a way forward.
  await dashboard.getByRole("button", { name: "New link for Noor" }).click();
  await dashboard.getByRole("button", { name: "Make a new link for Noor" }).click();
  await expect(dashboard.getByLabel("Link to Noor's seat")).not.toHaveValue(link);
  const third = await (await browser.newContext()).newPage();
  await third.goto(link);
  await expect(third.getByRole("alert")).toContainText("That link to a seat no longer works");
});

/**
 * BATNAs shrink every round, so a table the instructor ends early without an agreement keeps
 * larger BATNAs than a table that played on: the session debrief flags it (it could rank
 * above the tables that negotiated through the erosion, with nothing to say why).
 */
test("the session debrief flags a table that ended without agreement before the others", async ({ browser }) => {
  const { dashboard, code } = await teachSession(browser, { tables: "2" });
  // Four students fill both tables, so no bot moves and the rounds are the instructor's.
  for (const name of ["Ola", "Pia", "Quin", "Rui"]) await joinWithCode(browser, code, name);
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  const card = (n: number) => dashboard.getByTestId(`table-card-${n}`);
  await expect(card(1)).toContainText("Round 1 of");
  // Table 1 ends now, in round 1; table 2 goes on to round 3 first.
  await card(1).getByRole("checkbox").check();
  await dashboard.getByRole("button", { name: "End…" }).click();
  await dashboard.getByRole("button", { name: "Yes, end it" }).click();
  await expect(card(1)).toContainText("No agreement");
  await card(1).getByRole("checkbox").uncheck();
  // The session debrief meanwhile, in another tab: table 1 on the plot under its number;
  // table 2, with no outcome yet, named apart, not drawn at its BATNAs like a failed table.
  const meanwhile = await dashboard.context().newPage();
  await meanwhile.goto(dashboard.url().replace("/teach/", "/replay/"));
  const tags = meanwhile.getByRole("figure", { name: /All tables/ }).locator(".recharts-label-list text");
  await expect(tags).toHaveText(["1"]);
  await expect(meanwhile.getByTestId("still-playing")).toHaveText("Not on the plot, still playing: table 2.");
  const playingRow = meanwhile.getByRole("row").filter({ has: meanwhile.getByRole("rowheader", { name: "2" }) });
  // Its efficiency: none yet.
  await expect(playingRow.getByRole("cell").nth(-2)).toHaveText("–");
  await meanwhile.close();
  for (const round of [2, 3]) {
    await dashboard.getByRole("button", { name: "Advance the round" }).click();
    await expect(card(2)).toContainText(`Round ${round} of`);
  }
  // A table added for latecomers nobody comes to: it waits, then the same End stops it.
  await dashboard.getByRole("button", { name: "Add a table" }).click();
  await expect(dashboard.getByTestId("control-results")).toContainText("Table 3 added");
  await dashboard.getByRole("button", { name: "End…" }).click();
  await dashboard.getByRole("button", { name: "Yes, end it" }).click();
  await expect(card(2)).toContainText("No agreement");
  // The table already over is said apart, not as a refusal.
  await expect(dashboard.getByTestId("control-results")).toHaveText(
    "End: done at 2 tables (table 1 had already ended).",
  );
  // The card of the table nobody played says so, with no points (they would be its BATNAs at
  // the start); it had read "No agreement: the instructor ended it" with each party's points.
  await expect(card(3)).toContainText("Not played: no student sat at it and no move was made");
  await expect(card(3)).not.toContainText("pts");

  await dashboard.getByRole("link", { name: "Debrief the session" }).click();
  const note = dashboard.getByTestId("early-ends");
  // Said as what happened ("ended early" had read as if the table failed).
  await expect(note).toContainText("Table 1: stopped by the instructor in round 1 of 8");
  await expect(note).toContainText("the last table to end did so in round 3");
  // The table nobody played is neither early nor the last to end.
  await expect(note).not.toContainText("Table 3");
  const rows = dashboard.getByRole("table").last().getByRole("row");
  // The replay's link right after the table's number (last, it was off screen with a council's
  // eight parties), and each party's column named by the party alone (the cells are said once).
  await expect(dashboard.getByRole("table").last().getByRole("columnheader")).toHaveText([
    "Table",
    "Replay",
    "Outcome",
    "United States",
    "China",
    "Students",
    "Efficiency",
    "From the frontier (scale points)",
  ]);
  await expect(dashboard.getByTestId("results-cells")).toHaveText(
    "Each party's cell: its points, then its score under the realist and the liberal lens (0–100).",
  );
  const row = (n: string) => rows.filter({ has: dashboard.getByRole("rowheader", { name: n }) });
  await expect(row("1")).toContainText("no agreement: stopped by the instructor in round 1 of 8");
  await expect(row("1")).toContainText("scored at round 1's BATNAs");
  await expect(row("1")).not.toContainText("ended early");
  await expect(row("1").getByRole("cell").first().getByRole("link")).toHaveText("Table 1");
  await expect(row("2")).toContainText("no agreement: stopped by the instructor in round 3 of 8");
  await expect(row("2")).not.toContainText("BATNAs");
  // Table 3, added for latecomers nobody came to: listed as not played, with no result, off the plot
  // (it had read "the instructor ended it", scored at the BATNAs of the start like a table that failed).
  await expect(row("3")).toContainText("not played: no student sat at it and no move was made");
  await expect(row("3")).not.toContainText(/\d \(|%/);
  await expect(dashboard.getByTestId("not-played")).toHaveText(
    "Not on the plot, not played (no student sat at it, no move was made): table 3.",
  );
  await expect(dashboard.getByRole("figure", { name: /All tables/ }).locator(".recharts-label-list text")).toHaveText([
    "1",
    "2",
  ]);
  await expect(dashboard.getByTestId("still-playing")).toHaveCount(0);
  // Each table's row names its students and their parties, two at each.
  for (const n of ["1", "2"]) {
    const row = rows.filter({ has: dashboard.getByRole("rowheader", { name: n }) });
    await expect(row).toContainText(
      /(Ola|Pia|Quin|Rui) \((United States|China)\), (Ola|Pia|Quin|Rui) \((United States|China)\)/,
    );
  }
  // Each table's replay says its outcome in the same words.
  await row("2").getByRole("link", { name: "Table 2" }).click();
  await expect(
    dashboard.getByText(/ · no agreement: stopped by the instructor in round 3 of 8 · \d+ events$/),
  ).toBeVisible();
  await dashboard.goBack();
  await row("3").getByRole("link", { name: "Table 3" }).click();
  await expect(
    dashboard.getByText(/ · not played: no student sat at it and no move was made · 1 event$/),
  ).toBeVisible();
});

/**
 * The end screen's "Played by" names everyone who played a seat, in order: it named only the
 * bot at a seat a student had played until the instructor gave it to a bot. The session
 * debrief names them by the same rule.
 */
test("the end screen names everyone who played a seat: the student, then the bot that took it over", async ({
  browser,
}) => {
  const { dashboard, code } = await teachSession(browser, { tables: "1" });
  const ada = await joinWithCode(browser, code, "Ada");
  const bo = await joinWithCode(browser, code, "Bo");
  const boParty = ((await bo.locator(".table-head strong").first().textContent()) ?? "").trim();
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  await expect(ada.getByText(/^Round 1 of/)).toBeVisible();

  // Bo's seat goes to a bot, which makes a move there (a line of Bo's party in Ada's log).
  const card = dashboard.getByTestId("table-card-1");
  await card.getByLabel(/Seat to give to a bot/).selectOption({ label: boParty });
  await card.getByRole("button", { name: "Replace", exact: true }).click();
  await expect(ada.getByText(`A bot now plays ${boParty}.`).first()).toBeVisible();
  await expect(ada.locator(".log li.log-move").filter({ hasText: boParty }).first()).toBeVisible({ timeout: 15_000 });

  await walkAway(ada);
  const scores = ada.getByRole("table", { name: "Every party's score" });
  await expect(scores).toBeVisible();
  await expect(scores.getByRole("row").filter({ hasText: boParty })).toContainText(/Bo, then a bot \(\w/);
  await expect(scores.getByRole("row").filter({ hasText: "Ada" })).not.toContainText("bot");

  // The session debrief says the same of the table's students.
  await dashboard.getByRole("link", { name: "Debrief the session" }).click();
  const row = dashboard
    .getByRole("table")
    .last()
    .getByRole("row")
    .filter({ has: dashboard.getByRole("rowheader") });
  await expect(row).toContainText(`Bo, then a bot (${boParty})`);
  await expect(row).toContainText(/Ada \((United States|China)\)/);

  // And so does the table's replay at its last step (it had named the bot alone).
  await row.getByRole("link", { name: "Table 1" }).click();
  const atThisStep = dashboard.getByRole("region", { name: "At this step" });
  const boLine = atThisStep.getByRole("listitem").filter({ hasText: new RegExp(`^${boParty}:`) });
  await expect(boLine).toHaveText(new RegExp(`^${boParty}: Bo, then a bot \\(\\w`));
});
