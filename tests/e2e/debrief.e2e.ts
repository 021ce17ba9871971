import { expect, type Page, test } from "@playwright/test";
import { walkAway } from "./classroom.ts";

/** A solo game at a table of four (Russia–Ukraine, as Ukraine), ended at once by walking away, and its debrief open. */
async function debriefOfFour(page: Page): Promise<void> {
  await page.goto("/solo");
  await page.getByLabel("Scenario").selectOption("russia-ukraine-mediation");
  await page.getByRole("radio", { name: /^Ukraine/ }).check();
  await page.getByRole("button", { name: "Start the negotiation" }).click();
  await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();
  await walkAway(page);
  await page.getByRole("link", { name: "Open the debrief" }).click();
  await expect(page.getByRole("heading", { name: /Your solo game as Ukraine/ })).toBeVisible();
}

/** The height of the plotting area (the grid) of the chart captioned `name`. */
async function plotHeight(page: Page, name: RegExp): Promise<number> {
  const grid = page.getByRole("figure", { name }).locator(".recharts-cartesian-grid");
  await expect(grid).toBeVisible();
  return (await grid.boundingBox())?.height ?? 0;
}

test("the debrief's charts keep their plots whole however long their legends are", async ({ page }) => {
  // The projector's large text and high contrast: the trust chart of a table of four has
  // eight series, whose legend had taken the whole chart (a plot 0 px high).
  await page.addInitScript(() => {
    localStorage.setItem("parley.display.large-text", "1");
    localStorage.setItem("parley.display.high-contrast", "1");
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await debriefOfFour(page);
  expect(await plotHeight(page, /^Trust and tension by round/)).toBeGreaterThan(150);
  expect(await plotHeight(page, /^Each party's points/)).toBeGreaterThan(150);
  // The legend lists the lines as the numbers do (and as they are coloured and dashed), where
  // Recharts had sorted it by label.
  const trust = page.getByRole("figure", { name: /^Trust and tension by round/ });
  const legend = await trust.locator(".recharts-legend-item-text").allTextContents();
  const columns = (await trust.locator("thead th").allTextContents()).slice(1);
  expect(legend.length).toBeGreaterThan(2);
  expect(legend).toEqual(columns.slice(0, legend.length));
  expect(legend).not.toEqual([...legend].sort());
  // The table of scores at this step shows every column: in two columns the projector's text
  // had cut off its last ("Liberal"), to be found by scrolling sideways.
  const scores = page.getByRole("table", { name: "The table at this step" });
  await expect(scores.getByRole("columnheader", { name: "Liberal" })).toBeVisible();
  const box = await scores.evaluate((t) => ({ wide: t.scrollWidth, room: t.parentElement?.clientWidth ?? 0 }));
  expect(box.wide).toBeLessThanOrEqual(box.room);
  // The outcome space's upright axis is named along its middle: written from the middle
  // upwards, a long name ran off the top ("United Kingdom (poin").
  const space = page.getByRole("figure", { name: /what was possible, offered and agreed/ });
  const plot = await space.locator(".recharts-cartesian-grid").boundingBox();
  const upright = await space
    .locator(".recharts-label", { hasText: /\(points\)$/ })
    .last()
    .boundingBox();
  const middle = (box: { y: number; height: number } | null) => (box ? box.y + box.height / 2 : 0);
  expect(Math.abs(middle(upright) - middle(plot))).toBeLessThan(12);
  // On a phone, the outcome space's legend of six series had taken a third of its plot.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await plotHeight(page, /what was possible, offered and agreed/)).toBeGreaterThan(240);
  expect(await plotHeight(page, /^Trust and tension by round/)).toBeGreaterThan(150);
  // The table of scores had scrolled sideways in its box, its lenses out of sight: each party's
  // cells stack under their column's name, and it is still a table to a screen reader.
  const phoneBox = await scores.evaluate((t) => ({
    wide: t.parentElement?.scrollWidth ?? 0,
    room: t.parentElement?.clientWidth ?? 0,
  }));
  expect(phoneBox.wide).toBeLessThanOrEqual(phoneBox.room);
  const ukraine = scores.getByRole("row", { name: /^Ukraine/ });
  await expect(ukraine.getByRole("cell")).toHaveCount(5);
  const named = await ukraine
    .getByRole("cell")
    .evaluateAll((cells) => cells.map((c) => getComputedStyle(c, "::before").content));
  expect(named).toEqual(['"Points"', '"Score (0–100)"', '"Over BATNA"', '"Realist"', '"Liberal"']);
  const liberal = await ukraine.getByRole("cell").last().boundingBox();
  expect((liberal?.x ?? 0) + (liberal?.width ?? 0)).toBeLessThanOrEqual(390);
});
