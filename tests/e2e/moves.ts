import type { Page } from "@playwright/test";

/**
 * Passes the round if the seat can: opens the Pass move and sends it. The table may move on
 * while this looks (a bot's move, a new round), so a step that does not hold throws, and the
 * caller's loop looks again.
 */
export async function passIfAble(page: Page): Promise<void> {
  const pass = page.getByTestId("move-pass");
  const toggle = pass.locator("button.move-toggle");
  if ((await toggle.getAttribute("aria-expanded", { timeout: 500 })) !== "true") await toggle.click({ timeout: 500 });
  const send = pass.locator(".move-form").getByRole("button", { name: "Pass this round", exact: true });
  if (await send.isEnabled({ timeout: 500 })) await send.click({ timeout: 500 });
}
