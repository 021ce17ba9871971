import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { parse } from "yaml";
import { passIfAble } from "./moves.ts";

/** The parts of a scenario file this test reads (straight from the YAML, as an author wrote it). */
interface ScenarioFile {
  id: string;
  title: string;
  parties: { id: string; name: string; kind?: string; confidentialBrief: string }[];
  issues: { id: string; name: string }[];
  rules?: { agreement?: { rule?: string } };
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
    // The seat's name, then its kind in brackets or (when the name gives its role) its brief.
    await page.getByRole("radio", { name: new RegExp(`^${escapeRegExp(seat.name)} `) }).check();
    await page.getByLabel("Your name").fill("Student");
    await page.getByRole("button", { name: "Start the negotiation" }).click();

    await expect(page.getByRole("heading", { name: "Your brief" })).toBeVisible();
    await expect(page.getByText(opening(seat.confidentialBrief))).toBeVisible();
    // No other party's confidential brief reaches this seat.
    for (const other of scenario.parties.filter((p) => p.id !== seat.id)) {
      await expect(page.getByText(opening(other.confidentialBrief))).toHaveCount(0);
    }
    if ((seat.kind ?? "state") === "state") {
      // A state builds packages: one group of options per issue, its points beside each.
      for (const issue of scenario.issues) {
        await expect(page.getByRole("group", { name: issue.name, exact: true })).toBeVisible();
      }
    } else {
      // A third party has no payoff table or BATNA: its brief says how it scores, and it sees
      // the agenda (the issues, no points) where a state builds its packages.
      await expect(page.getByRole("heading", { name: "How you score" })).toBeVisible();
      await expect(page.getByTestId("third-party-aims")).toContainText("Any agreement");
      await expect(page.getByText("Your BATNA (no deal)")).toHaveCount(0);
      const agenda = page.getByTestId("third-party-note");
      for (const issue of scenario.issues) await expect(agenda.getByText(issue.name, { exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: "Propose this package" })).toHaveCount(0);
    }
    // The empty seats are bots, and they play. Their first moves may be private to each
    // other (a back channel), so the proof is the round: once this seat passes, round 1
    // can only end after every bot has made its move.
    const pass = page.getByTestId("move-pass");
    await pass.locator("button.move-toggle").click();
    await pass.locator(".move-form").getByRole("button", { name: "Pass this round", exact: true }).click();
    await expect(page.getByText(/^Round 2 of \d+$/)).toBeVisible();
    // At a council every open draft says how it stands and when it goes to the vote.
    if (scenario.rules?.agreement?.rule === "qualified") {
      // (The bots table drafts from round 1.)
      const draft = page.locator(".proposal.open").first();
      await expect(draft.getByTestId("council-vote")).toContainText(
        /in favour of the \d+ needed; .* each hold a veto .* a member that has not answered abstains/,
        { timeout: 15_000 },
      );
    } else await expect(page.getByTestId("council-vote")).toHaveCount(0);
  });
}

test("camp-david-1978: the mediator plays to the end, and its result says how it scored", async ({ page }) => {
  await page.goto("/solo");
  await page.getByLabel("Scenario").selectOption("camp-david-1978");
  await page.getByRole("radio", { name: /^United States \(mediator\) / }).check();
  await page.getByLabel("Your name").fill("Student");
  await page.getByRole("button", { name: "Start the negotiation" }).click();
  await expect(page.getByRole("heading", { name: "How you score" })).toBeVisible();
  // Pass every round until the game is over (the bots play the parties).
  const over = page.getByRole("heading", { name: /^(Agreement reached|No agreement)$/ });
  for (let step = 0; step < 120 && !(await over.isVisible()); step++) {
    try {
      await passIfAble(page);
    } catch {
      // The table moved on while we looked: look again.
    }
    await page.waitForTimeout(150);
  }
  await expect(over).toBeVisible();
  // Its points come from its aims (an agreement, the table's tension), said in words; a
  // third party has no 0–100 scale or lens, shown as a dash with the reason, never "undefined".
  const result = page.getByTestId("third-party-result");
  await expect(result).toContainText(/for the agreement|none for an agreement/);
  await expect(result).toContainText("for the table's tension at the end");
  await expect(page.getByRole("heading", { name: "The lenses" })).toBeVisible();
  const row = page.getByTestId("score-usa");
  await expect(row.locator("td").nth(2)).toHaveText("—");
  await expect(row.locator("td").nth(2)).toHaveAttribute("title", /third party/);
  await expect(page.locator("body")).not.toContainText("undefined");
});
