import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { parse } from "yaml";

/** The parts of a scenario file this test reads (straight from the YAML, as an author wrote it). */
interface ScenarioFile {
  id: string;
  title: string;
  parties: { id: string; name: string; kind?: string; confidentialBrief: string }[];
  issues: { id: string; name: string }[];
}

const scenarioDir = join(dirname(fileURLToPath(import.meta.url)), "../../scenarios");
const scenarios: ScenarioFile[] = readdirSync(scenarioDir)
  .filter((name) => name.endsWith(".yaml"))
  .sort()
  .map((name) => parse(readFileSync(join(scenarioDir, name), "utf8")) as ScenarioFile);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The first words of a brief: enough to find it on the page, short enough to stay on one line. */
const opening = (brief: string) => brief.trim().split(/\s+/).slice(0, 8).join(" ");

test("the solo page offers all seven scenarios", async ({ page }) => {
  await page.goto("/solo");
  const select = page.getByLabel("Scenario");
  for (const scenario of scenarios) {
    await expect(select.locator(`option[value="${scenario.id}"]`)).toHaveText(scenario.title);
  }
  expect(scenarios.map((s) => s.id)).toHaveLength(7);
});

// One state seat in every scenario, and the first third-party seat where there is one.
const cases = scenarios.flatMap((scenario) => {
  const state = scenario.parties.find((p) => (p.kind ?? "state") === "state");
  const third = scenario.parties.find((p) => p.kind === "mediator" || p.kind === "ngo");
  return [state, third].filter((p) => p !== undefined).map((seat) => ({ scenario, seat }));
});

for (const { scenario, seat } of cases) {
  test(`${scenario.id}: a person takes the ${seat.name} seat, reads the brief and sees the issues while bots play`, async ({
    page,
  }) => {
    await page.goto("/solo");
    await page.getByLabel("Scenario").selectOption(scenario.id);
    await page.getByRole("radio", { name: new RegExp(`^${escapeRegExp(seat.name)} \\(`) }).check();
    await page.getByLabel("Your name").fill("Student");
    await page.getByRole("button", { name: "Start the negotiation" }).click();

    await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();
    await expect(page.getByText(opening(seat.confidentialBrief))).toBeVisible();
    // No other party's confidential brief reaches this seat.
    for (const other of scenario.parties.filter((p) => p.id !== seat.id)) {
      await expect(page.getByText(opening(other.confidentialBrief))).toHaveCount(0);
    }
    for (const issue of scenario.issues) {
      await expect(page.getByRole("group", { name: issue.name, exact: true })).toBeVisible();
    }
    // The empty seats are bots, and they play. Their first moves may be private to each
    // other (a back channel), so the proof is the round: once this seat passes, round 1
    // can only end after every bot has made its move.
    const pass = page.getByTestId("move-pass");
    await pass.locator("button.move-toggle").click();
    await pass.locator(".move-form").getByRole("button", { name: "Pass this round", exact: true }).click();
    await expect(page.getByText(/^Round 2 of \d+$/)).toBeVisible();
  });
}
