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
  // What the threat did, said to the one who made it (it lowers trust and raises tension).
  const effects = page.getByTestId("move-effects");
  await expect(effects).toContainText(/^Your last move \(round 1\):/);
  await expect(effects).toContainText(/tension \+\d+ \(now \d+\)/);
  await expect(effects).toContainText(/trust with China −\d+ \(now \d+\)/);
  // The keyboard stays at the move: its form starts afresh, and had taken the focus with it
  // (to the top of the page).
  await expect(threaten.locator("button.move-toggle")).toBeFocused();
});

/**
 * A move form open across rounds still showed the boxes ticked in the last one. Its choices
 * start afresh with the round, and stay through an update of the table in the meantime
 * (a chat line, the bot's move) so that nothing a student is typing is lost.
 */
test("a move form starts afresh in a new round, and keeps its choices through a chat line", async ({ page }) => {
  await page.goto("/solo");
  await page.getByLabel("Scenario").selectOption("us-china-tariffs");
  await page.getByRole("radio", { name: /United States/ }).check();
  await page.getByLabel("Your name").fill("Ada");
  await page.getByRole("button", { name: "Start the negotiation" }).click();
  await expect(page.getByText(/^Round 1 of/)).toBeVisible();

  const share = page.getByTestId("move-shareInterests");
  await share.locator("button.move-toggle").click();
  const withChina = share.getByRole("group", { name: "Share with" }).getByRole("checkbox", { name: "China" });
  const tariffs = share.getByRole("group", { name: "Issues" }).getByRole("checkbox", { name: "Tariffs" });
  await withChina.check();
  await tariffs.check();
  const channel = page.getByTestId("move-backChannel");
  await channel.locator("button.move-toggle").click();
  const words = channel.getByLabel("Message");
  await words.fill("Off the record: we can move on tariffs");

  // A chat line changes the table's view: the choices and the words stay.
  const chat = page.getByRole("region", { name: "Chat" });
  await chat.getByLabel("Message").fill("Shall we start with purchases?");
  await chat.getByRole("button", { name: "Send", exact: true }).click();
  await expect(chat.getByText("Shall we start with purchases?")).toBeVisible();
  await expect(withChina).toBeChecked();
  await expect(tariffs).toBeChecked();
  await expect(words).toHaveValue("Off the record: we can move on tariffs");

  // The round's main move, then round 2: both forms start afresh.
  const pass = page.getByTestId("move-pass");
  await pass.locator("button.move-toggle").click();
  await pass.locator(".move-form").getByRole("button", { name: "Pass this round", exact: true }).click();
  await expect(page.getByText(/^Round 2 of/)).toBeVisible({ timeout: 15_000 });
  await expect(withChina).not.toBeChecked();
  await expect(tariffs).not.toBeChecked();
  await expect(words).toHaveValue("");
  // The form still works: the choices are the student's again.
  await withChina.check();
  await expect(withChina).toBeChecked();
});
