import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./accessibility.ts";
import { passIfAble } from "./moves.ts";

test("journey 2: a solo game against a bot, played to the end, and its debrief", async ({ page }) => {
  await page.goto("/");
  await expectNoSeriousA11yViolations(page, "home");
  await page.getByRole("link", { name: "Play against bots" }).click();
  await page.getByLabel("Scenario").selectOption("us-china-tariffs");
  await page.getByRole("radio", { name: /^United States/ }).check();
  await page.getByLabel("Bot playing China").selectOption("surprise");
  // A pasted name past the limit is cut there, and the field says so.
  await page.getByLabel("Your name").fill("Ada ".repeat(20));
  await expect(page.getByLabel("Your name")).toHaveValue("Ada ".repeat(15));
  await expect(page.getByLabel("Your name")).toHaveAccessibleDescription("That is the limit: 60 characters.");
  await page.getByLabel("Your name").fill("Ada");
  await expect(page.getByLabel("Your name")).toHaveAccessibleDescription("");
  await expectNoSeriousA11yViolations(page, "solo setup");
  await page.getByRole("button", { name: "Start the negotiation" }).click();
  await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();
  // The bot's persona stays secret while the game runs.
  await page.getByText("The other parties").click();
  await expect(page.getByText("(state, bot)")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "table");

  // A reload keeps the game: the seat comes back from this browser's saved token.
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();

  // Left for the home page, the game is there to pick up, and its link leads back to it.
  await page.goto("/");
  const resume = page.getByRole("region", { name: "Pick up where you left off" });
  await expect(resume.getByRole("listitem")).toHaveCount(1);
  await expect(resume).toContainText(/as United States · started /);
  await expect(page.getByRole("region", { name: "Your finished games" })).toHaveCount(0);
  await resume.getByRole("link", { name: /as United States/ }).click();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();

  // Play with the keyboard: a package offer in round 1, then answer or pass until the end.
  const over = page.getByRole("heading", { name: /^(Agreement reached|No agreement)$/ });
  await page
    .getByRole("group", { name: "Tariffs" })
    .getByRole("radio", { name: /2018–19 tariffs only/ })
    .check();
  await page
    .getByRole("group", { name: "Purchase commitments" })
    .getByRole("radio", { name: /Large purchases/ })
    .check();
  await page.getByRole("radio", { name: /^Package offer across issues/ }).check();
  await page.getByRole("button", { name: "Propose this package" }).press("Enter");
  for (let step = 0; step < 80 && !(await over.isVisible()); step++) {
    try {
      const accept = page.getByRole("button", { name: /^Accept proposal/ }).first();
      if (await accept.isVisible({ timeout: 200 })) {
        const card = page.locator(".proposal.open").filter({ has: accept });
        const worth = Number(await card.getByTestId("proposal-points").textContent({ timeout: 500 }));
        await card
          .getByRole("button", { name: worth >= 50 ? /^Accept proposal/ : /^Reject proposal/ })
          .click({ timeout: 500 });
        continue;
      }
      await passIfAble(page);
    } catch {
      // The table moved on while we looked: look again.
    }
    await page.waitForTimeout(150);
  }
  await expect(over).toBeVisible();

  // The end: scores under both lenses, and the bot's persona revealed.
  await expect(page.getByRole("heading", { name: "Realist lens" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Liberal lens" })).toBeVisible();
  // A surprise persona: any of them, named and described ("Track II builder", "Tit-for-tat"…).
  await expect(page.getByTestId("persona-china")).toContainText(/China was played by the [A-Z][\w -]+ bot: \S/);
  const ending = (await page.getByRole("heading", { name: /^(Agreement reached|No agreement)$/ }).textContent()) ?? "";

  // The home page no longer offers the finished game to pick up: it lists it with how it ended.
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Pick up where you left off" })).toHaveCount(0);
  const finished = page.getByRole("region", { name: "Your finished games" });
  await expect(finished).toContainText(`as United States · ${ending.toLowerCase()}`);
  await finished.getByRole("link", { name: /as United States/ }).click();
  await expect(page).toHaveURL(url);
  await expect(over).toBeVisible();
  await expectNoSeriousA11yViolations(page, "end of game");

  // The debrief: everything revealed, the outcome space and the charts.
  await page.getByRole("link", { name: "Open the debrief" }).click();
  await expect(page.getByRole("heading", { name: /Your solo game as United States/ })).toBeVisible();
  await expect(page.getByRole("figure", { name: /what was possible, offered and agreed/ })).toBeVisible();
  await expect(page.getByRole("figure", { name: /Approach mix/ })).toBeVisible();
  await expect(page.getByText(/China: A bot \(/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, "solo debrief");

  // On a phone, every chart's numbers opened, the page stays as wide as the screen (the
  // tables had widened it to 884 px on a 390 px phone).
  await page.setViewportSize({ width: 390, height: 844 });
  for (const summary of await page.getByText("Show the numbers").all()) await summary.click();
  await expect(page.locator("details.chart-data[open]").first()).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
