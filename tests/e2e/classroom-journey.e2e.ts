import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./accessibility.ts";

test.describe.configure({ mode: "serial" });

/**
 * Journeys 1 and 3: an instructor teaches a Camp David session to three students in
 * separate browsers, injects an event while they negotiate to an agreement, then replays
 * the table, scrubs, switches seats and branches a "what if" game.
 */
let instructor: BrowserContext;
let dashboard: Page;
let sessionUrl = "";
const students = new Map<string, Page>();

async function newPage(browser: Browser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  return { context, page: await context.newPage() };
}

test.afterAll(async () => {
  await instructor?.close();
  for (const page of students.values()) await page.context().close();
});

test("journey 1: three students join with the code and negotiate to an agreement while the instructor watches and injects an event", async ({
  browser,
}) => {
  ({ context: instructor, page: dashboard } = await newPage(browser, { width: 1366, height: 900 }));
  await dashboard.goto("/teach");
  await dashboard.getByLabel("Scenario").selectOption("camp-david-1978");
  await dashboard.getByLabel(/Title shown to students/).fill("IR 210, Tuesday");
  await dashboard.getByLabel("Minutes per round").fill("10");
  await dashboard.getByRole("button", { name: "Create the session" }).click();
  const code = (await dashboard.getByTestId("join-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  sessionUrl = dashboard.url();
  await expectNoSeriousA11yViolations(dashboard, "dashboard");

  // The projector view shows the code large.
  await dashboard.getByRole("button", { name: "Show on the projector" }).click();
  await expect(dashboard.getByTestId("projector-code")).toHaveText(code);
  await dashboard.getByRole("button", { name: "Close the projector view" }).click();

  // Three students, each in a browser of their own (one on a tablet).
  for (const [name, viewport] of [
    ["Amira", { width: 1280, height: 900 }],
    ["Benny", { width: 820, height: 1180 }],
    ["Cyrus", { width: 1280, height: 900 }],
  ] as const) {
    const { page } = await newPage(browser, viewport);
    await page.goto("/");
    await page.getByRole("link", { name: "Join with a code" }).click();
    await page.getByLabel("Join code").fill(code.toLowerCase());
    await page.getByLabel(/Your name/).fill(name);
    await page.getByRole("button", { name: "Take my seat" }).click();
    await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();
    await expect(page.getByText("The negotiation has not started yet")).toBeVisible();
    students.set(name, page);
  }
  const card = dashboard.getByTestId("table-card-1");
  for (const name of students.keys()) await expect(card).toContainText(name);
  await expect(card.getByText("online")).toHaveCount(3);

  // Who sits where: the seat is on each student's screen.
  const seatOf = async (page: Page) => (await page.locator(".table-head strong").first().textContent()) ?? "";
  const bySeat = new Map<string, Page>();
  for (const page of students.values()) bySeat.set((await seatOf(page)).replace(/ \(.*\)$/, ""), page);
  const egypt = bySeat.get("Egypt");
  const israel = bySeat.get("Israel");
  const mediator = bySeat.get("United States");
  if (!egypt || !israel || !mediator) throw new Error(`Unexpected seating: ${[...bySeat.keys()].join(", ")}`);

  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  await expect(egypt.getByText("Round 1 of 8", { exact: true })).toBeVisible();
  await expect(egypt.getByRole("timer")).toBeVisible();
  await expectNoSeriousA11yViolations(egypt, "table (class)");

  // The instructor injects a scenario event; every student is told.
  await dashboard.getByRole("button", { name: "Inject the event" }).click();
  await expect(dashboard.getByTestId("control-results")).toContainText("Inject an event: done at 1 table");
  for (const page of students.values()) await expect(page.getByText(/^Notice: News:/)).toBeVisible();

  // The mediator speaks to the table; Egypt proposes; Israel accepts.
  await mediator.getByLabel("Message").fill("Welcome to Camp David. Let us look for a package.");
  await mediator.getByRole("button", { name: "Send" }).click();
  await expect(egypt.getByRole("region", { name: "Chat" }).getByText(/Welcome to Camp David\./)).toBeVisible();
  await egypt.getByRole("button", { name: "Propose this package" }).click();
  const accept = israel.getByRole("button", { name: /^Accept proposal/ });
  await expect(accept).toBeVisible();
  await accept.click();
  for (const page of students.values())
    await expect(page.getByRole("heading", { name: "Agreement reached" })).toBeVisible();
  await expect(card).toContainText("Agreement in round 1");
  await expectNoSeriousA11yViolations(egypt, "end of game (class)");
});

test("journey 3: the instructor replays the table, scrubs, switches seats and branches a what-if game", async () => {
  await dashboard.goto(sessionUrl);
  await dashboard.getByRole("link", { name: "Debrief the session" }).click();
  await expect(dashboard.getByRole("heading", { name: /Debrief: IR 210, Tuesday/ })).toBeVisible();
  await expect(dashboard.getByRole("cell", { name: "agreement, round 1" })).toBeVisible();
  await expectNoSeriousA11yViolations(dashboard, "session debrief");

  await dashboard.getByRole("link", { name: "Table 1", exact: true }).click();
  const slider = dashboard.getByRole("slider");
  await expect(slider).toBeVisible();
  const last = Number(await dashboard.getByTestId("step").textContent());
  expect(last).toBeGreaterThan(3);
  await expectNoSeriousA11yViolations(dashboard, "table replay");

  // Scrub with the keyboard: to the start, one move on, then a round on.
  await slider.focus();
  await dashboard.keyboard.press("Home");
  await expect(dashboard.getByTestId("step")).toHaveText("0");
  await expect(dashboard.getByTestId("step-text")).toHaveText("The opening position.");
  await dashboard.keyboard.press("ArrowRight");
  await expect(dashboard.getByTestId("step")).toHaveText("1");
  await dashboard.getByRole("button", { name: "Go to the end" }).click();
  await expect(dashboard.getByTestId("step")).toHaveText(String(last));

  // As Egypt saw it: Egypt's view, not everyone's.
  await dashboard.getByLabel("View as").selectOption("egypt");
  await expect(dashboard.getByRole("heading", { name: "The log as Egypt saw it" })).toBeVisible();
  await dashboard.getByLabel("View as").selectOption("instructor");

  // What if Israel had not accepted? Continue from just before the end as Israel, bots elsewhere.
  await slider.focus();
  await dashboard.keyboard.press("ArrowLeft");
  const at = Number(await dashboard.getByTestId("step").textContent());
  await dashboard.getByLabel("Play as").selectOption("israel");
  await dashboard.getByRole("button", { name: `Play on from step ${at}` }).click();
  await expect(dashboard.getByRole("heading", { name: "Your brief" })).toBeVisible();
  await expect(dashboard.locator(".table-head")).toContainText("You are Israel");
  await expect(dashboard.getByRole("button", { name: /^Accept proposal/ })).toBeVisible();
});
