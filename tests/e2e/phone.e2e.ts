import { expect, test } from "@playwright/test";
import { joinWithCode, teachSession } from "./classroom.ts";

/** A phone's screen, as the class walk-through used (an iPhone 12 to 15). */
const phone = { width: 390, height: 844 };

/**
 * Two notices stacked at the top of a phone's play page covered the moves beneath until they
 * went. On a phone the newest shows alone, with a button for the others.
 */
test("on a phone, the newest notice shows alone with a count of the others, and each can still be dismissed", async ({
  browser,
}) => {
  const { dashboard, code } = await teachSession(browser, { tables: "1" });
  const page = await joinWithCode(browser, code, "Asha");
  await page.setViewportSize(phone);
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  await expect(page.getByText(/^Round 1 of/)).toBeVisible();
  const notices = page.locator(".notices");
  await expect(notices.getByText(/The negotiation has begun/)).toBeVisible();
  for (const text of ["Ten minutes left.", "Agree on the agenda first."]) {
    await dashboard.getByLabel("Message to students").fill(text);
    await dashboard.getByRole("button", { name: "Broadcast" }).click();
    await expect(notices.getByText(text)).toBeVisible();
  }

  // The newest alone: the older ones wait behind a button saying how many there are.
  await expect(notices.getByText("Ten minutes left.")).toBeHidden();
  await expect(notices.getByText(/The negotiation has begun/)).toBeHidden();
  const more = notices.getByRole("button", { name: /more notices?$/ });
  await expect(more).toHaveText("2 more notices");
  await expect(more).toHaveAttribute("aria-expanded", "false");
  // The stack takes a notice's room, not the page's.
  expect((await notices.boundingBox())?.height ?? phone.height).toBeLessThan(phone.height / 5);

  // Opened, every notice shows; closed, the newest alone again.
  await more.click();
  await expect(notices.getByText("Ten minutes left.")).toBeVisible();
  await expect(notices.getByText(/The negotiation has begun/)).toBeVisible();
  await notices.getByRole("button", { name: "Show the newest notice only" }).click();
  await expect(notices.getByText("Ten minutes left.")).toBeHidden();

  // Dismissing the newest shows the one before it.
  await notices.getByRole("button", { name: /^Dismiss: .*Agree on the agenda first/ }).click();
  await expect(notices.getByText("Agree on the agenda first.")).toHaveCount(0);
  await expect(notices.getByText("Ten minutes left.")).toBeVisible();
  await expect(more).toHaveText("1 more notice");

  // A wider screen has room for every notice, as before.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(notices.getByText(/The negotiation has begun/)).toBeVisible();
  await expect(more).toBeHidden();
});

/**
 * The framing of a package was a select whose long options a phone cut off ("Package offer
 * across issues (mutual g…"). Each is a radio now, its whole label on the screen.
 */
test("on a phone, every framing of a package reads in full, and one is chosen with the keyboard", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ viewport: phone })).newPage();
  await page.goto("/solo");
  await page.getByLabel("Scenario").selectOption("us-china-tariffs");
  await page.getByRole("radio", { name: /United States/ }).check();
  await page.getByLabel("Your name").fill("Asha");
  await page.getByRole("button", { name: "Start the negotiation" }).click();
  const framing = page.getByRole("group", { name: "Framing" });
  await expect(framing).toBeVisible();

  const labels = [
    "Plain proposal",
    "Package offer across issues (mutual gains: trust +1)",
    "Anchor: a demanding opening (competitive: trust −3)",
    "Ultimatum: take it or leave it (competitive, open one round)",
  ];
  await expect(framing.getByRole("radio")).toHaveCount(labels.length);
  for (const text of labels) {
    const label = framing.locator("label").filter({ hasText: text });
    await expect(label).toHaveText(text);
    await label.scrollIntoViewIfNeeded();
    // Inside the screen's width, and nothing of it clipped.
    const box = await label.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= phone.width).toBe(true);
    expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }

  // A radio group: the arrow keys move the choice, and the proposal goes with it.
  await expect(framing.getByRole("radio", { name: "Plain proposal" })).toBeChecked();
  await framing.getByRole("radio", { name: "Plain proposal" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(framing.getByRole("radio", { name: /^Package offer across issues/ })).toBeChecked();
  await page.getByRole("button", { name: "Propose this package" }).press("Enter");
  await expect(page.getByText(/United States offers a package across issues to China/).first()).toBeVisible();
});
