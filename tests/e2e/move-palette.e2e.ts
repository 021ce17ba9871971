import { expect, test } from "@playwright/test";

test("the move palette plays a threat from the keyboard and explains an unavailable move", async ({ page }) => {
  await page.goto("/solo");
  await page.getByLabel("Scenario").selectOption("us-china-tariffs");
  await page.getByRole("radio", { name: /United States/ }).check();
  await page.getByLabel("Your name").fill("Ada");
  await page.getByRole("button", { name: "Start the negotiation" }).click();
  await expect(page.getByRole("heading", { name: "Moves", exact: true })).toBeVisible();

  // Moves are grouped by approach.
  for (const group of [
    "Competitive bargaining",
    "Mediation and arbitration",
    "Mutual gains",
    "Judicial settlement",
    "Track II",
  ]) {
    await expect(page.getByRole("heading", { name: group })).toBeVisible();
  }

  // An unavailable move says why.
  const lift = page.getByTestId("move-liftMeasure");
  await lift.getByRole("button", { name: /^Lift a measure/ }).click();
  await expect(lift.getByText("Not now: None of your measures is in force.")).toBeVisible();
  await expect(lift.getByRole("button", { name: "Lift a measure", exact: true })).toBeDisabled();

  // Open "Threaten a measure" and send it with the keyboard only.
  const threaten = page.getByTestId("move-threaten");
  await threaten.getByRole("button", { name: /^Threaten a measure/ }).focus();
  await page.keyboard.press("Enter");
  await threaten.getByLabel("Measure").focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(
    page.getByText(/United States threatens China with a measure unless it moves: Raise U\.S\. tariffs/),
  ).toBeVisible();
});
