import { type Browser, type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, expectPageEndsWithContent } from "./accessibility.ts";
import { readQrCode } from "./qr.ts";

test.describe.configure({ mode: "serial" });

/**
 * Journeys 1 and 3: an instructor teaches the Russia–Ukraine mediation to three students in
 * separate browsers, who take the three state seats of one table while the mediator bot
 * holds India's seat; the instructor watches and injects an event while the students win
 * the mediator's consent, confide their interests and accept its proposal. Then the
 * instructor replays the table, scrubs, switches seats and branches a "what if" game.
 */
let instructor: BrowserContext;
let dashboard: Page;
let sessionUrl = "";
const students = new Map<string, Page>();

async function newPage(browser: Browser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  return { context, page: await context.newPage() };
}

/** Opens a move in the move palette, lets `fill` choose its details, and sends it. */
async function makeMove(page: Page, kind: string, send: string, fill?: (form: Locator) => Promise<void>) {
  const entry = page.getByTestId(`move-${kind}`);
  const toggle = entry.locator("button.move-toggle");
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  const form = entry.locator(".move-form");
  await fill?.(form);
  // The button is enabled once the move is available: clicking waits for it.
  await form.getByRole("button", { name: send, exact: true }).click();
}

/** Confides the seat's points on every issue to the mediator alone. */
async function confideToMediator(page: Page) {
  await makeMove(page, "shareInterests", "Share interests", async (form) => {
    await form.getByRole("group", { name: "Share with" }).getByRole("checkbox", { name: "India (mediator)" }).check();
    const issues = form.getByRole("group", { name: "Issues" }).getByRole("checkbox");
    for (const issue of await issues.all()) await issue.check();
  });
}

/** The mediator's open proposal to the three states, as a seat's page shows it. */
const mediatorsProposal = (page: Page) =>
  page
    .locator(".proposal.open")
    .filter({ hasText: "India (mediator)’s mediator's proposal to Russia, Ukraine and United States" });

const roundOf = (page: Page, round: number) => page.getByText(`Round ${round} of 8`, { exact: true });

test.afterAll(async () => {
  await instructor?.close();
  for (const page of students.values()) await page.context().close();
});

test("journey 1: three students join with the code and play a table with a mediator bot to an agreement while the instructor watches and injects an event", async ({
  browser,
}) => {
  ({ context: instructor, page: dashboard } = await newPage(browser, { width: 1366, height: 900 }));
  await dashboard.goto("/teach");
  await dashboard.getByLabel("Scenario").selectOption("russia-ukraine-mediation");
  await dashboard.getByLabel(/Title shown to students/).fill("IR 210, Tuesday");
  await dashboard.getByLabel("Minutes per round").fill("10");
  // One table, so the three students sit together; the empty seat (India's) gets the mediator bot.
  await dashboard.getByLabel("Tables").selectOption("1");
  await dashboard.getByRole("checkbox", { name: /^Default/ }).uncheck();
  await dashboard.getByRole("checkbox", { name: /^Mediator/ }).check();
  await dashboard.getByRole("button", { name: "Create the session" }).click();
  const code = (await dashboard.getByTestId("join-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  // This server listens on 127.0.0.1 only: the dashboard says its address is this computer's.
  await expect(dashboard.getByTestId("join-unreachable")).toContainText("works on this computer only");
  sessionUrl = dashboard.url();
  await expectNoSeriousA11yViolations(dashboard, "dashboard");
  // The projector's high contrast keeps every control readable (the End button's white on light red was not).
  await dashboard.getByLabel("High contrast").check();
  await expectNoSeriousA11yViolations(dashboard, "dashboard, high contrast");
  await dashboard.getByLabel("High contrast").uncheck();

  // The projector view shows the code large. It is a modal dialog: Tab stays inside it,
  // Escape closes it and focus returns to the button that opened it.
  const show = dashboard.getByRole("button", { name: "Show on the projector" });
  await show.click();
  const projector = dashboard.getByRole("dialog", { name: "Join code for the projector" });
  await expect(dashboard.getByTestId("projector-code")).toHaveText(code);
  // Its QR code, read as a phone's camera would, opens the join page with the code filled in.
  // This server listens on 127.0.0.1 only, so the page is told no address that other devices
  // can use, and says so.
  const joinLink = `${new URL(dashboard.url()).origin}/join#code=${code}`;
  await expect.poll(() => readQrCode(projector.locator(".join-qr"))).toBe(joinLink);
  await expect(dashboard.getByTestId("projector-address")).toHaveText(`${new URL(dashboard.url()).origin}/join`);
  await expect(projector.getByRole("status")).toContainText("works on this computer only");
  // It opens at its top, the QR code whole on the screen (it had opened scrolled to its
  // button at the bottom, the code's top cut off).
  const qr = await projector.locator(".join-qr").boundingBox();
  expect(qr?.y).toBeGreaterThanOrEqual(0);
  expect((qr?.y ?? 0) + (qr?.height ?? 0)).toBeLessThanOrEqual(900);
  await expect(projector.getByText(/^Scan the QR code/)).toBeInViewport();
  // (Past its one button, Tab may leave for the browser's own controls: never for the page.)
  for (let i = 0; i < 4; i++) {
    await dashboard.keyboard.press("Tab");
    const inside = await projector.evaluate(
      (d) => document.activeElement === document.body || d.contains(document.activeElement),
    );
    expect(inside).toBe(true);
  }
  await dashboard.keyboard.press("Escape");
  await expect(projector).toHaveCount(0);
  await expect(show).toBeFocused();
  await show.click();
  await dashboard.getByRole("button", { name: "Close the projector view" }).click();
  await expect(projector).toHaveCount(0);

  // Three students, each in a browser of their own (one on a tablet).
  for (const [name, viewport] of [
    ["Amira", { width: 1280, height: 900 }],
    ["Benny", { width: 820, height: 1180 }],
    ["Cyrus", { width: 1280, height: 900 }],
  ] as const) {
    const { page } = await newPage(browser, viewport);
    if (name === "Amira") {
      // Amira scans the projector's QR code: the code is there, her name is all she types.
      await page.goto(joinLink);
      await expect(page.getByLabel("Join code")).toHaveValue(code);
    } else {
      await page.goto("/");
      await page.getByRole("link", { name: "Join with a code" }).click();
      await page.getByLabel("Join code").fill(code.toLowerCase());
    }
    await page.getByLabel(/Your name/).fill(name);
    await page.getByRole("button", { name: "Take my seat" }).click();
    await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();
    await expect(page.getByText("The negotiation has not started yet")).toBeVisible();
    students.set(name, page);
  }
  const card = dashboard.getByTestId("table-card-1");
  for (const name of students.keys()) await expect(card).toContainText(name);
  await expect(card.getByText("online")).toHaveCount(3);
  await expect(card.getByRole("listitem").filter({ hasText: "India (mediator)" })).toContainText("Bot (Mediator)");

  // Who sits where: the seat is on each student's screen. The students hold the three states.
  const seatOf = async (page: Page) => (await page.locator(".table-head strong").first().textContent()) ?? "";
  const bySeat = new Map<string, Page>();
  for (const page of students.values()) bySeat.set(await seatOf(page), page);
  const russia = bySeat.get("Russia");
  const ukraine = bySeat.get("Ukraine");
  const usa = bySeat.get("United States");
  if (!russia || !ukraine || !usa) throw new Error(`Unexpected seating: ${[...bySeat.keys()].join(", ")}`);
  const states = [russia, ukraine, usa];

  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  for (const page of states) await expect(roundOf(page, 1)).toBeVisible();
  await expect(russia.getByRole("timer")).toBeVisible();
  await expectNoSeriousA11yViolations(russia, "table (class)");

  // The instructor injects a scenario event; every student is told.
  await dashboard.getByLabel("Scenario event").selectOption({ label: "The mediator visits both capitals" });
  await dashboard.getByRole("button", { name: "Inject the event" }).click();
  await expect(dashboard.getByTestId("control-results")).toContainText("Inject an event: done at 1 table");
  for (const page of states) await expect(page.getByText(/^Notice: News:/)).toBeVisible();

  // Round 1: Russia invites the mediator; Ukraine and the United States consent, which
  // makes the mediation active, and confide their interests to India.
  await ukraine.getByLabel("Message").fill("We will talk, but only with guarantees that hold.");
  await ukraine.getByRole("button", { name: "Send" }).click();
  await expect(russia.getByRole("region", { name: "Chat" }).getByText(/guarantees that hold/)).toBeVisible();
  await makeMove(russia, "inviteMediator", "Invite the mediator");
  await makeMove(ukraine, "acceptMediation", "Accept mediation");
  await makeMove(usa, "acceptMediation", "Accept mediation");
  for (const page of states)
    await expect(
      page.getByRole("region", { name: "Event log" }).getByText(/India \(mediator\) now mediates/),
    ).toBeVisible();
  await confideToMediator(ukraine);
  await confideToMediator(usa);

  // Round 2 begins once every seat, the bot's included, has moved. Russia confides too; the others pass.
  for (const page of states) await expect(roundOf(page, 2)).toBeVisible();
  await confideToMediator(russia);
  await makeMove(ukraine, "pass", "Pass this round");
  await makeMove(usa, "pass", "Pass this round");

  // The mediator bot puts its package to all three (in round 2, or in round 3 if it met Russia first).
  // Confided interests let it find a package that clears every state's BATNA.
  for (const page of states) {
    await expect(mediatorsProposal(page)).toBeVisible({ timeout: 20_000 });
    await expect(mediatorsProposal(page).getByText("below your BATNA")).toHaveCount(0);
  }
  await expect(card).toContainText("India (mediator): Bot (Mediator)");

  // Russia and Ukraine accept; the United States, seeing both acceptances, accepts last.
  await mediatorsProposal(russia)
    .getByRole("button", { name: /^Accept proposal/ })
    .click();
  await mediatorsProposal(ukraine)
    .getByRole("button", { name: /^Accept proposal/ })
    .click();
  await expect(mediatorsProposal(usa)).toContainText("accepted by Russia and Ukraine");
  await mediatorsProposal(usa)
    .getByRole("button", { name: /^Accept proposal/ })
    .click();
  for (const page of states) await expect(page.getByRole("heading", { name: "Agreement reached" })).toBeVisible();
  await expect(card).toContainText(/Agreement in round [23]/);
  await expectNoSeriousA11yViolations(russia, "end of game (class)");
  await expectPageEndsWithContent(russia, "end of game (class)");
});

test("journey 3: the instructor replays the table, scrubs, switches seats and branches a what-if game", async () => {
  await dashboard.goto(sessionUrl);
  await dashboard.getByRole("link", { name: "Debrief the session" }).click();
  await expect(dashboard.getByRole("heading", { name: /Debrief: IR 210, Tuesday/ })).toBeVisible();
  await expect(dashboard.getByRole("cell", { name: /^agreement in round [23]$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(dashboard, "session debrief");

  await dashboard.getByRole("link", { name: "Table 1", exact: true }).click();
  const slider = dashboard.getByRole("slider");
  await expect(slider).toBeVisible();
  const last = Number(await dashboard.getByTestId("step").textContent());
  expect(last).toBeGreaterThan(3);
  await expectNoSeriousA11yViolations(dashboard, "table replay");
  await expectPageEndsWithContent(dashboard, "table replay");

  // Scrub with the keyboard: to the start, one move on, then a round on.
  await slider.focus();
  await dashboard.keyboard.press("Home");
  await expect(dashboard.getByTestId("step")).toHaveText("0");
  await expect(dashboard.getByTestId("step-text")).toHaveText("The opening position.");
  await dashboard.keyboard.press("ArrowRight");
  await expect(dashboard.getByTestId("step")).toHaveText("1");
  await dashboard.getByRole("button", { name: "Go to the end" }).click();
  await expect(dashboard.getByTestId("step")).toHaveText(String(last));
  // The game is over there: nothing to play on from, and the page says where to go.
  await expect(dashboard.getByRole("button", { name: `Play on from step ${last}` })).toBeDisabled();
  await expect(dashboard.getByText(/The game is over at this step: go back/)).toBeVisible();

  // The log is one Tab stop (the step on screen), arrows move within it, Enter goes there.
  const stop = dashboard.locator(".step-list button[tabindex='0']");
  await expect(stop).toHaveCount(1);
  await stop.focus();
  await dashboard.keyboard.press("Home");
  await dashboard.keyboard.press("ArrowDown");
  await dashboard.keyboard.press("Enter");
  await expect(dashboard.getByTestId("step")).not.toHaveText(String(last));
  await dashboard.getByRole("button", { name: "Go to the end" }).click();
  await expect(dashboard.getByTestId("step")).toHaveText(String(last));

  // Chat lines in the replay's log name their speaker, as in the table's log.
  await expect(
    dashboard.locator(".step-list").getByText("Ukraine: “We will talk, but only with guarantees that hold.”"),
  ).toBeVisible();

  // As Russia saw it: Russia's view, not everyone's.
  await dashboard.getByLabel("View as").selectOption("russia");
  await expect(dashboard.getByRole("heading", { name: "The log as Russia saw it" })).toBeVisible();
  // The charts below still show every party's numbers, and say so.
  await expect(dashboard.getByTestId("charts-reveal-all")).toContainText("whatever Russia could see then");
  // As an observer (the public record only) too: the charts go beyond it, which a class shown
  // "public only" must not take for public.
  await dashboard.getByLabel("View as").selectOption("observer");
  await expect(dashboard.getByTestId("charts-reveal-all")).toContainText("whatever an observer could see then");
  await dashboard.getByLabel("View as").selectOption("instructor");
  await expect(dashboard.getByTestId("charts-reveal-all")).toHaveCount(0);

  // What if the United States had not accepted? Continue from just before the end in its seat, bots elsewhere.
  await slider.focus();
  await dashboard.keyboard.press("ArrowLeft");
  const at = Number(await dashboard.getByTestId("step").textContent());
  await dashboard.getByLabel("Play as").selectOption("usa");
  await dashboard.getByRole("button", { name: `Play on from step ${at}` }).click();
  await expect(dashboard.getByRole("heading", { name: "Your brief" })).toBeVisible();
  await expect(dashboard.locator(".table-head")).toContainText("You are United States");
  // The mediator's proposal waits for the United States' answer (the bots may add offers of their own).
  await expect(mediatorsProposal(dashboard).getByRole("button", { name: /^Accept proposal/ })).toBeVisible();
});
