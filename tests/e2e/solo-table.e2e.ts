import { expect, type Page, test } from "@playwright/test";

/** The package that trades the U.S.'s priorities (purchases, minerals) for China's (tariffs, chips). */
const logroll: Record<string, string> = {
  Tariffs: "Lift the 2018–19 tariffs only",
  "Purchase commitments": "Large purchases",
  "Semiconductor export controls": "Licensing window for most chips",
  "Critical minerals": "Full resumption",
  "Intellectual property": "Written commitments",
  "Consultation mechanism": "Standing working group",
};

async function buildLogroll(page: Page) {
  for (const [issue, option] of Object.entries(logroll)) {
    await page.getByRole("group", { name: issue }).getByRole("radio", { name: option }).check();
  }
}

test("a person plays the U.S.–China table against the bot to an agreement and sees both scores", async ({ page }) => {
  await page.goto("/solo");
  await page.getByLabel("Scenario").selectOption("us-china-tariffs");
  await page.getByRole("radio", { name: /United States/ }).check();
  // A surprise persona is drawn at random, and a hardliner may hold out past the test's patience:
  // this test is about playing to an agreement, so it chooses the bot that seeks one.
  await page.getByLabel("Bot playing China").selectOption("conceder");
  await page.getByLabel("Your name").fill("Ada");
  await page.getByRole("button", { name: "Start the negotiation" }).click();

  await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();
  await expect(page.getByText("Your farm and manufacturing lobbies")).toBeVisible();
  // China's confidential brief is not on the page.
  await expect(page.getByText("Relief from tariffs and from the semiconductor controls")).toHaveCount(0);

  await buildLogroll(page);
  await expect(page.getByTestId("package-points")).toHaveText("70");

  const agreement = page.getByRole("heading", { name: "Agreement reached" });
  const noAgreement = page.getByRole("heading", { name: "No agreement" });
  for (let step = 0; step < 60 && !(await agreement.isVisible()); step++) {
    expect(await noAgreement.isVisible(), "the game ended without an agreement").toBe(false);
    const accept = page.getByRole("button", { name: /^Accept proposal/ }).first();
    if (await accept.isVisible()) {
      // The table moves on while we look, so act on one proposal by its id, briefly.
      try {
        const id = ((await accept.textContent({ timeout: 1000 })) ?? "").replace("Accept proposal ", "").trim();
        const card = page.locator(".proposal.open").filter({ hasText: `Accept proposal ${id}` });
        const worth = Number(await card.getByTestId("proposal-points").textContent({ timeout: 1000 }));
        const answer = worth >= 55 ? `Accept proposal ${id}` : `Reject proposal ${id}`;
        await card.getByRole("button", { name: answer, exact: true }).click({ timeout: 1000 });
      } catch {
        // The proposal was answered or expired meanwhile: look again.
      }
      continue;
    }
    const propose = page.getByRole("button", { name: "Propose this package" });
    // The button goes when the game ends (the bot may accept at any moment): never wait for it.
    if (await propose.isEnabled({ timeout: 1000 }).catch(() => false)) {
      await buildLogroll(page);
      await propose.click();
    }
    await page.waitForTimeout(250);
  }
  await expect(agreement).toBeVisible();

  // Both scores are shown; the United States scored the points of the agreed package.
  const usa = page.getByTestId("score-usa");
  const china = page.getByTestId("score-china");
  await expect(usa).toBeVisible();
  await expect(china).toBeVisible();
  const usaPoints = Number(await usa.locator("td").nth(1).textContent());
  expect(usaPoints).toBeGreaterThanOrEqual(55);
  expect(Number(await china.locator("td").nth(1).textContent())).toBeGreaterThan(0);
});
