import { expect, type Page, test } from "@playwright/test";
import { joinWithCode, teachSession, walkAway } from "./classroom.ts";

/**
 * The instructor's replay review of a class: what the instructor did (a pause, added minutes,
 * a broadcast) was nowhere in a table's replay, so a debrief could not say why a round ran
 * long; a student's replay before the session's end counted its steps from 1, had no step
 * buttons and a slider that did not say its step; Page Up moved the slider one step; and
 * every chart was a Tab stop of its own.
 */

/** The elements Tab reaches on the page, in order (a few hundred at most). */
async function tabStops(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]")]
      .filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0)
      .map(
        (e) => `${e.tagName.toLowerCase()}.${typeof e.className === "string" ? e.className : e.getAttribute("class")}`,
      ),
  );
}

test("the replay shows the instructor's controls; a student's replay steps from 0 with its buttons", async ({
  browser,
}) => {
  const { dashboard, code } = await teachSession(browser, { tables: "2" });
  // Two students, one a table (each against a bot).
  const ana = await joinWithCode(browser, code, "Ana");
  const ben = await joinWithCode(browser, code, "Ben");
  const report = dashboard.getByTestId("control-results");
  await dashboard.getByRole("button", { name: "Start", exact: true }).click();
  await expect(report).toHaveText("Start: done at 2 tables.");
  await dashboard.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(report).toHaveText("Pause: done at 2 tables.");
  await dashboard.getByRole("button", { name: "Resume", exact: true }).click();
  await expect(report).toHaveText("Resume: done at 2 tables.");
  await dashboard.getByLabel("Message to students").fill("Ten minutes left.");
  await dashboard.getByRole("button", { name: "Broadcast" }).click();
  await expect(report).toContainText("Broadcast: done at 2 tables");

  // Ana ends her table; Ben's plays on, so her debrief is her seat's replay.
  await expect(ana.getByText("Ten minutes left.").first()).toBeVisible();
  await walkAway(ana);
  await ana.getByRole("link", { name: "Open the debrief" }).click();
  await expect(ana.getByRole("heading", { name: "Your table, step by step" })).toBeVisible();
  const slider = ana.getByRole("slider");
  const last = Number(await ana.getByTestId("step").textContent());
  expect(last).toBeGreaterThan(3);
  await expect(slider).toHaveAttribute("aria-valuetext", `Step ${last} of ${last}, round 1, game over`);
  await ana.getByRole("button", { name: "Go to the start" }).click();
  await expect(ana.getByTestId("step")).toHaveText("0");
  await expect(slider).toHaveAttribute("aria-valuetext", `Step 0 of ${last}, round 1`);
  await ana.getByRole("button", { name: "Next move" }).click();
  await expect(ana.getByTestId("step")).toHaveText("1");
  // The instructor's doing is in her log too: nothing in it is secret.
  await ana.getByRole("button", { name: "Go to the end" }).click();
  const mine = ana.getByRole("region", { name: "What you knew then" });
  await expect(mine.getByText("The instructor paused the table in round 1.")).toBeVisible();
  await expect(mine.getByText("Instructor: “Ten minutes left.”")).toBeVisible();
  await expect(ana.getByTestId("timeline-marks").locator(".timeline-mark")).not.toHaveCount(0);
  // On a phone its two panels stack: nothing wider than the screen.
  await ana.setViewportSize({ width: 390, height: 844 });
  // (The chart follows its box once its resize observer has fired.)
  await expect.poll(() => ana.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Its list, longer than its box here, shows the step's own lines (its last), not the game's first.
  await ana.getByRole("button", { name: "Previous move" }).click();
  const box = mine.getByRole("list");
  const scroll = () => box.evaluate((l) => ({ over: l.scrollHeight - l.clientHeight, top: Math.ceil(l.scrollTop) }));
  await expect.poll(async () => (await scroll()).over).toBeGreaterThan(0);
  await expect
    .poll(async () => {
      const s = await scroll();
      return s.top >= s.over;
    })
    .toBe(true);

  // The instructor's replay of Ana's table.
  await walkAway(ben);
  await dashboard.getByRole("link", { name: "Debrief the session" }).click();
  await dashboard.getByRole("link", { name: "Table 1", exact: true }).click();
  const replay = dashboard.getByRole("slider");
  await expect(replay).toBeVisible();
  const end = Number(await dashboard.getByTestId("step").textContent());
  const log = dashboard.getByRole("region", { name: "The log (everything)" });
  const pause = log.getByRole("button", { name: /The instructor paused the table in round 1\./ });
  await expect(pause).toBeVisible();
  await expect(log.getByRole("button", { name: /The instructor resumed the table after/ })).toBeVisible();
  // The log shows what the instructor did alone, on request, and every line again.
  const lines = log.getByRole("listitem");
  const every = await lines.count();
  await log.getByLabel("Show").selectOption("instructor");
  await expect(lines).not.toHaveCount(every);
  await expect(lines).toHaveCount(await log.locator("li .badge.instructor").count());
  await expect(lines.first()).toContainText("Instructor");
  await log.getByLabel("Show").selectOption("all");
  await expect(lines).toHaveCount(every);
  // Its line goes to the step it came at, and that step's text says it.
  await pause.click();
  await expect(dashboard.getByTestId("step-text")).toContainText("The instructor paused the table in round 1.");
  // At the opening, "Who played" names the students, not the bots the table was set up with.
  await dashboard.getByRole("button", { name: "Go to the start" }).click();
  await expect(dashboard.getByRole("region", { name: "At this step" })).toContainText(/United States: Ana/);
  // Page Up jumps a tenth of the replay, as a slider's page keys do.
  await replay.focus();
  await dashboard.keyboard.press("PageUp");
  await expect(dashboard.getByTestId("step")).toHaveText(String(Math.ceil(end / 10)));
  // Play runs the replay by itself, a step at a time, for the class to watch; Pause holds it.
  // (Slow, 3 s a step, so that Pause comes well before the next step: this table is short.)
  await dashboard.getByRole("button", { name: "Go to the start" }).click();
  await dashboard.getByLabel("Speed").selectOption("slow");
  await dashboard.getByRole("button", { name: "Play", exact: true }).click();
  await expect(dashboard.getByTestId("step")).toHaveText("1", { timeout: 5000 });
  await dashboard.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(dashboard.getByRole("button", { name: "Play", exact: true })).toBeVisible();
  await dashboard.waitForTimeout(3500);
  await expect(dashboard.getByTestId("step")).toHaveText("1");
  // Played to the end, fast, it stops there and offers Play again.
  await dashboard.getByLabel("Speed").selectOption("fast");
  await dashboard.getByRole("button", { name: "Play", exact: true }).click();
  await expect(dashboard.getByTestId("step")).toHaveText(String(end), { timeout: end * 500 + 5000 });
  await expect(dashboard.getByRole("button", { name: "Play", exact: true })).toBeVisible();
  // The charts are pictures described by their tables: none of them is a Tab stop.
  expect((await tabStops(dashboard)).filter((s) => s.includes("recharts"))).toEqual([]);
  // Every party's brief, confidential part too, for the instructor to read out; viewing the
  // table as a seat opens that seat's (the debrief had no way to read them).
  const briefs = dashboard.getByRole("region", { name: "The parties' briefs" });
  await expect(briefs.getByTestId("brief-china")).not.toHaveAttribute("open");
  await dashboard.getByLabel("View as").selectOption("china");
  await expect(briefs.getByTestId("brief-china")).toHaveAttribute("open", "");
  await expect(briefs.getByTestId("brief-china")).toContainText(
    "Relief from tariffs and from the semiconductor controls matters most to you",
  );
  await expect(briefs.getByTestId("brief-china")).toContainText(/BATNA: \d+ points at the start, [\d.]+ at this step/);
});
