import { type Browser, expect, type Page } from "@playwright/test";

/** An instructor's new session set up on the Teach page, in a browser of its own; its dashboard and join code. */
export async function teachSession(
  browser: Browser,
  options: { tables?: string; title?: string; origin?: string } = {},
): Promise<{ dashboard: Page; code: string }> {
  const dashboard = await (await browser.newContext()).newPage();
  await dashboard.goto(`${options.origin ?? ""}/teach`);
  await dashboard.getByLabel("Scenario").selectOption("us-china-tariffs");
  if (options.title) await dashboard.getByLabel(/Title shown to students/).fill(options.title);
  if (options.tables) await dashboard.getByLabel("Tables").selectOption(options.tables);
  await dashboard.getByRole("button", { name: "Create the session" }).click();
  const code = ((await dashboard.getByTestId("join-code").textContent()) ?? "").trim();
  return { dashboard, code };
}

/** A student who joins with the code, in a browser of their own, seated and waiting for the start. */
export async function joinWithCode(browser: Browser, code: string, name: string, url = "/join"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.getByLabel("Join code").fill(code);
  await page.getByLabel(/Your name/).fill(name);
  await page.getByRole("button", { name: "Take my seat" }).click();
  await expect(page.getByText("The negotiation has not started yet")).toBeVisible();
  return page;
}

/** Walks away from the table for good (the move, then its confirmation). */
export async function walkAway(page: Page): Promise<void> {
  const move = page.getByTestId("move-walkAway");
  await move.locator("button.move-toggle").click();
  await move.getByRole("button", { name: "Walk away", exact: true }).click();
  await move.getByRole("button", { name: "Yes: walk away" }).click();
}
