import { expect, test } from "@playwright/test";
import { joinWithCode, teachSession } from "./classroom.ts";
import { passIfAble } from "./moves.ts";

/**
 * What a student who cannot see the screen is told, and where their focus is: each page has
 * its own title, a link followed lands on the new page, the bot's moves and the end are said
 * in a polite live region (and only what is new), and a figure said changes with its words.
 */
test("a solo game as a screen reader hears it: page titles, focus, the bot's moves and the end", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Parley: negotiation simulator");
  await page.getByRole("link", { name: "Play against bots" }).click();
  await expect(page).toHaveTitle("Play solo · Parley");
  await expect(page.locator("main")).toBeFocused();

  await page.getByLabel("Scenario").selectOption("us-china-tariffs");
  await page.getByRole("radio", { name: /^United States/ }).check();
  await page.getByLabel("Bot playing China").selectOption("integrator");
  await page.getByLabel("Your name").fill("Ada");
  await page.getByRole("button", { name: "Start the negotiation" }).click();
  await expect(page).toHaveTitle("At the table · Parley");
  await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();

  // The package's worth is read whole when it changes, not as a bare number.
  const total = page.locator(".total[aria-live]");
  await expect(total).toHaveAttribute("aria-atomic", "true");

  // The bot's move is said once made.
  const news = page.getByTestId("table-news");
  await expect(news).toHaveAttribute("aria-live", "polite");
  await page.getByRole("button", { name: "Propose this package" }).click();
  await expect(news).toContainText(/China (offers|proposes|shares)/);
  // The student's own move is the move-effects line's to say, not the news's.
  await expect(news).not.toContainText("United States offers");
  await expect(page.getByTestId("move-effects").locator("xpath=..")).toHaveAttribute("aria-atomic", "true");
  // An option's points told by China and the student's own are read apart, not as "China: 0 20".
  await expect(
    page
      .getByRole("group", { name: "Tariffs" })
      .getByRole("radio", { name: /^Keep current tariffs \(status quo\) · China: \d+ points, \d+ points for you$/ }),
  ).toBeVisible();
  // The log on opening the table is not news: a reload reads none of it again.
  await expect(page.getByText("Your main move is due")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Round 2", level: 3 })).toBeVisible();
  await expect(news).toHaveText("");

  const over = page.getByRole("heading", { name: /^(Agreement reached|No agreement)$/ });
  for (let step = 0; step < 80 && !(await over.isVisible()); step++) {
    try {
      await passIfAble(page);
    } catch {
      // The table moved on while we looked: look again.
    }
    await page.waitForTimeout(150);
  }
  // The moves went with the end: the focus is on the outcome, and the end was said.
  await expect(over).toBeFocused();
  await expect(news).toContainText(/round limit|agree/i);
});

/**
 * A class as a screen reader meets it: the pause is said by a region that was there before
 * (one added with its words is not said by every screen reader), and the instructor's End…
 * question takes the focus to Cancel and gives it back once answered (the focus had been left
 * on nothing, twice).
 */
test("a class as a screen reader meets it: the pause said, and the focus through the End question", async ({
  browser,
}) => {
  const { dashboard, code } = await teachSession(browser);
  await expect(dashboard).toHaveTitle("Session dashboard · Parley");
  const student = await joinWithCode(browser, code, "Ada");
  const status = student.getByTestId("table-status");
  await expect(status).toHaveAttribute("role", "status");
  await expect(status).toContainText("The negotiation has not started yet");
  // A table card's heading says its number and its state apart, not "Table 1waiting".
  await expect(dashboard.getByTestId("table-card-1").getByRole("heading", { level: 3 })).toHaveText("Table 1 waiting");

  // A classmate at the other seat, so the table waits for them.
  await joinWithCode(browser, code, "Ben");
  // The instructor hears who joined, as a sighted one sees the name appear.
  await expect(dashboard.getByTestId("class-news")).toContainText(/Ben joined \(table 1, (United States|China)\)\./);
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  await expect(status).toHaveText("");
  // Whom the table waits for is not said again after every seat's move (the news says the moves).
  await student.getByRole("button", { name: "Propose this package" }).click();
  await expect(student.getByText(/· waiting for/)).toHaveAttribute("aria-live", "off");
  await dashboard.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(status).toHaveText("Your instructor has paused the table. Moves are on hold until it resumes.");
  await dashboard.getByRole("button", { name: "Resume", exact: true }).click();
  await expect(status).toHaveText("");
  // The instructor's news is said once, without the Dismiss button's words (it was read twice).
  await dashboard.getByLabel("Message to students").fill("Five minutes left");
  await dashboard.getByRole("button", { name: "Broadcast" }).click();
  await expect(student.getByTestId("notice-said")).toHaveText("Message from your instructor: Five minutes left");
  await expect(student.getByTestId("notice-said")).toHaveAttribute("aria-live", "polite");
  await expect(student.locator(".notices").getByRole("status")).toHaveCount(0);

  const end = dashboard.getByRole("button", { name: "End…" });
  await end.click();
  await expect(dashboard.getByRole("alert").getByRole("button", { name: "Cancel" })).toBeFocused();
  await dashboard.keyboard.press("Enter");
  await expect(end).toBeFocused();
  await end.press("Enter");
  await dashboard.getByRole("button", { name: "Yes, end it" }).click();
  await expect(student.getByRole("heading", { name: "No agreement" })).toBeFocused();
  // The End button went with the controls: the focus is on the line saying the session is over.
  await expect(dashboard.getByTestId("session-ended")).toBeFocused();
  await expect(dashboard.getByTestId("class-news")).toContainText("Table 1 has ended: no agreement");
});

/**
 * The words drawn in a chart (an axis's title, the "now" line's name) are as readable as the
 * page's text: Recharts drew them in #808080, 3.9:1 on white.
 */
test("a chart's titles are drawn with the contrast text needs", async ({ page }) => {
  await page.goto("/solo");
  await page.getByLabel("Scenario").selectOption("us-china-tariffs");
  await page.getByRole("radio", { name: /^United States/ }).check();
  await page.getByLabel("Your name").fill("Ada");
  await page.getByRole("button", { name: "Start the negotiation" }).click();
  await page.getByRole("button", { name: "Propose this package" }).click();
  const chart = page.getByRole("figure", { name: /Indicators by round/ });
  const title = chart.locator("text", { hasText: /^round$/ });
  await expect(title).toBeVisible();
  const ratio = await title.evaluate((el) => {
    const linear = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    const [r = 0, g = 0, b = 0] = (getComputedStyle(el).fill.match(/\d+/g) ?? []).map((v) => linear(Number(v)));
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
  });
  expect(ratio, "contrast of the axis title on white").toBeGreaterThanOrEqual(4.5);
});
