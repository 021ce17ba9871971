import { expect, test } from "@playwright/test";

/**
 * A student's laptop whose clock is 90 minutes slow still shows the round's real time
 * left: the countdown runs on the server's clock, as the client measured it. Its last minute
 * is said to a screen reader, once.
 */
test("the round clock counts down by the server's time on a browser whose clock is wrong", async ({
  browser,
  request,
}) => {
  const created = await request.post("/api/sessions", {
    data: { scenarioId: "us-china-tariffs", tables: 1, timing: { mode: "live", roundSeconds: 600 } },
  });
  expect(created.status()).toBe(201);
  const { session, instructorToken } = (await created.json()) as {
    session: { id: string; joinCode: string };
    instructorToken: string;
  };

  const context = await browser.newContext();
  await context.clock.install({ time: Date.now() - 90 * 60_000 });
  const page = await context.newPage();
  await page.goto("/");
  expect(await page.evaluate(() => Date.now())).toBeLessThan(Date.now() - 80 * 60_000);
  await page.getByRole("link", { name: "Join with a code" }).click();
  await page.getByLabel("Join code").fill(session.joinCode);
  await page.getByLabel(/Your name/).fill("Dana");
  await page.getByRole("button", { name: "Take my seat" }).click();
  await expect(page.getByText("The negotiation has not started yet")).toBeVisible();

  const started = await request.post(`/api/sessions/${session.id}/control`, {
    headers: { authorization: `Bearer ${instructorToken}` },
    data: { action: "start" },
  });
  expect(started.status()).toBe(200);
  // Ten minutes, give or take the seconds this test takes; by the browser's own clock it
  // would read "1 h 40 min".
  await expect(page.getByRole("timer")).toHaveText(/^Time left in this round: (10:00|9:[0-5]\d)$/);
  // The last minute, shown by the clock turning red, is said once to a screen reader.
  const lastMinute = page.getByTestId("last-minute");
  await expect(lastMinute).toHaveText("");
  await context.clock.fastForward("09:30");
  await expect(lastMinute).toHaveText("Less than a minute left in this round.");
  await expect(lastMinute.locator("xpath=ancestor::*[@aria-live][1]")).toHaveAttribute("aria-live", "polite");
  await context.close();
});
