/**
 * `npm run fidelity`: every teaching-fidelity lesson at full sample sizes, written to
 * docs/FIDELITY.md. Progress goes to stderr; the report's numbers are deterministic
 * (seeded), only the machine, date and timings vary between runs.
 */
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { shippedScenarios } from "../property/fixtures.ts";
import {
  fullSizes,
  lessonSixChecks,
  quickSizes,
  required,
  type ScenarioFidelity,
  scenarioFidelity,
  sizesFor,
} from "./fidelity.ts";
import { alpha, type Check, lensWinners, lessonTitles, mediationPersona, respondentPersona } from "./lessons.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const quick = process.argv.includes("--quick");
const sizes = quick ? quickSizes : fullSizes;

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "—");
const pValue = (p: number) => (p < 0.0001 ? "< 0.0001" : p.toFixed(4));
const measure = (m: Check["a"], rate: boolean) =>
  `${m.label}: ${rate ? `${fmt(100 * m.value, 1)} %` : `${fmt(m.value)}${m.sd !== undefined ? ` ± ${fmt(m.sd)}` : ""}`} (n = ${m.n})`;

function checkRow(c: Check): string {
  const rate = c.test === "two-proportion z";
  const verdict = !required(c)
    ? c.holds
      ? "holds (reported)"
      : "does not hold (reported)"
    : c.holds
      ? "**holds**"
      : "**FAILS**";
  const expectation = c.expect === "effect" ? `p < ${alpha}` : `p ≥ ${alpha} (no effect)`;
  return `| ${c.scenarioId} | ${c.claim} | ${measure(c.a, rate)} | ${measure(c.b, rate)} | ${c.test}, ${c.alternative}: ${fmt(c.statistic, 2)} | ${pValue(c.p)} | ${expectation} | ${verdict} |`;
}

function lessonSection(lesson: number, results: ScenarioFidelity[], checks: Check[]): string[] {
  const mine = checks.filter((c) => c.lesson === lesson);
  const requiredChecks = mine.filter(required);
  const failed = requiredChecks.filter((c) => !c.holds);
  const lines = [
    `## Lesson ${lesson}: ${lessonTitles[lesson]}`,
    "",
    failed.length === 0
      ? `**Holds**: all ${requiredChecks.length} required checks pass.`
      : `**Does not hold in full**: ${failed.length} of ${requiredChecks.length} required checks fail (listed below).`,
    "",
  ];
  if (lesson <= 5) {
    lines.push("| scenario | applies | why |", "| --- | --- | --- |");
    for (const r of results) {
      const scope = r.scopes[lesson];
      if (scope) lines.push(`| ${scope.scenarioId} | ${scope.applies ? "yes" : "no"} | ${scope.reason} |`);
    }
    lines.push("");
  }
  lines.push(
    "| scenario | claim | A | B | test, statistic | p (one-sided) | expected | result |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  );
  // Every required check that fails, every effect check, and the "no table beats it" checks only when they fail.
  for (const c of mine) {
    if (c.expect === "noEffect" && c.holds && (c.lesson === 1 || c.lesson === 3)) continue;
    lines.push(checkRow(c));
  }
  const hidden = mine.filter((c) => c.expect === "noEffect" && c.holds && (c.lesson === 1 || c.lesson === 3)).length;
  if (hidden > 0) {
    lines.push(
      "",
      `Not listed: ${hidden} checks that no single table beats the lesson's table (each one-sided at α = ${alpha}, none significant).`,
    );
  }
  lines.push("");
  return lines;
}

function main(): void {
  const started = performance.now();
  const results: ScenarioFidelity[] = [];
  for (const scenario of shippedScenarios()) {
    const t = performance.now();
    process.stderr.write(`fidelity: ${scenario.id}… `);
    results.push(scenarioFidelity(scenario, sizes));
    process.stderr.write(`${((performance.now() - t) / 1000).toFixed(0)} s\n`);
  }
  const six = lessonSixChecks(results);
  const checks = [...results.flatMap((r) => r.checks), ...six];
  const winners = lensWinners(results.map((r) => r.robin));
  const seconds = (performance.now() - started) / 1000;
  const games = results.reduce((sum, r) => sum + r.robin.games * r.robin.cells.size, 0);
  const requiredChecks = checks.filter(required);
  const failing = requiredChecks.filter((c) => !c.holds);
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const council = results.find((r) => sizesFor(r.scenario, sizes).roundRobin !== sizes.roundRobin);
  const councilCells = council
    ? `${council.scenario.id}, with more than three states, ${sizesFor(council.scenario, sizes).roundRobin} per cell`
    : "every scenario alike";

  const lines = [
    "# Teaching fidelity",
    "",
    "Does the model teach what the source material says? Scripted bots play each shipped",
    "scenario many times and the lessons below are tested statistically. This file is written by",
    "`npm run fidelity` (code in `tests/fidelity/`); `npm test` runs the same checks with smaller",
    "samples (`tests/fidelity/*.test.ts`).",
    "",
    `- Run: ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpu}, Node ${process.version}, ${fmt(seconds / 60, 1)} minutes.`,
    `- Samples: round robin ${sizes.roundRobin} games per cell (every state persona at the first state's seat against every persona at the others: ${results[0]?.robin.cells.size ?? 0} cells; ${councilCells}); ${sizes.arm} games per arm of the dedicated experiments; seed ${sizes.seed}. Round-robin games in all: ${games.toLocaleString("en-GB")}.`,
    `- Significance: every check is one-sided at α = ${alpha} (two-proportion z-test for agreement rates, Welch's t-test for means); lesson 6 uses a Bonferroni correction (below).`,
    `- Personas: ${["hardliner", "conceder", "titForTat", "integrator", "legalist", "trackTwo"].join(", ")} for states; mediator and NGO seats play the mediator and the Track II builder unless an experiment says otherwise.`,
    `- Result: ${requiredChecks.length - failing.length} of ${requiredChecks.length} required checks hold${failing.length === 0 ? "." : `; ${failing.length} fail (see each lesson).`} Checks marked *reported* are shown for honesty but are not part of the lesson as scoped.`,
    "",
    "How to read a row: A and B are the two groups compared (mean ± standard deviation, or a rate),",
    "the test states its direction (greater: A above B; less: A below B), and the result says",
    "whether the lesson's expectation holds. Where the lesson says there is *no* effect, it holds",
    "when the test is not significant.",
    "",
    "## Design",
    "",
    "- **Lesson 1.** A hardliner at each state's seat in turn among conceders (or integrators),",
    "  against a table of conceders (integrators) only: its share (its 0–100 score minus the others'",
    "  mean, the realist lens' relative gains), its trust, the table's tension and joint",
    "  efficiency. *Claims more* is tested against conceders, who cooperate unconditionally; an",
    "  integrator is built to harden against a side that exploits it, so its share is reported.",
    "  *Agree least often*: hardliner-only tables against all tables without a hardliner, and no",
    "  round-robin table agreeing significantly less often than hardliners only.",
    `- **Lesson 2.** The states play tit-for-tat (the default persona); the mediator seat plays the mediator. Arms: every state seeks mediation; the first state invites and the others refuse; none consents. The rules refuse every mediator move without every state's consent, so "imposed" mediation is a mediator invited by one state only (Camp David and the Indus have two states, Russia–Ukraine three).`,
    `- **Lesson 3.** From the round robin: two integrators against all tables without an integrator (distance to the Pareto frontier, efficiency), and no table significantly closer to the frontier. A table with one integrator and a soft partner can reach a slightly higher joint sum than two integrators by moving the split along the frontier; those efficiency comparisons are reported.`,
    `- **Lesson 4.** The state with the strongest case on a legal issue a binding forum can rule on in time plays the legalist; the others play the ${respondentPersona} (who rarely settles by agreement, so the court's effect shows). Arms: the legalist litigates; the same persona without litigation; and a respondent that complies instead of defying.`,
    `- **Lesson 5.** All states play ${mediationPersona}, with or without Track II measures in rounds 1–2 (the same persona, one parameter changed); where NGOs sit at the table, NGOs that facilitate against NGOs that stay quiet. A single Track II builder facing hardliners is reported.`,
    "- **Lesson 6.** For each persona, the strongest witness that it does not win everywhere: a scenario and lens where another persona's mean score over every seat-game of the round robin is higher, significant after a Bonferroni correction over all (scenario, lens, rival) candidates.",
    "",
  ];
  for (let lesson = 1; lesson <= 6; lesson++) {
    lines.push(...lessonSection(lesson, results, checks));
    if (lesson === 6) {
      lines.push(
        "Which persona scores highest under each lens (means over every seat-game of the round robin):",
        "",
        "| scenario | realist winner | liberal winner |",
        "| --- | --- | --- |",
        ...winners.map((w) => `| ${w.scenarioId} | ${w.realist} | ${w.liberal} |`),
        "",
      );
    }
  }
  const agreementTable = results.map((r) => {
    const cell = (a: string, b: string) => r.robin.cells.get(`${a}|${b}`) ?? [];
    const rate = (a: string, b: string) => {
      const games = cell(a, b);
      return games.length === 0
        ? "—"
        : `${Math.round((100 * games.filter((g) => g.agreement).length) / games.length)} %`;
    };
    return `| ${r.scenario.id} | ${rate("hardliner", "hardliner")} | ${rate("titForTat", "titForTat")} | ${rate("conceder", "conceder")} | ${rate("integrator", "integrator")} | ${rate("hardliner", "integrator")} |`;
  });
  const dominant = winners.filter((w) => w.realist === w.liberal);
  const loses = (persona: string) =>
    winners.filter((w) => w.realist !== persona || w.liberal !== persona).map((w) => w.scenarioId);
  const integratorLoses = loses("integrator");
  lines.push(
    "## Notes and limits",
    "",
    `- One persona wins both lenses in ${dominant.length} of ${winners.length} scenarios (${dominant.map((w) => `${w.scenarioId}: ${w.realist}`).join(", ")}). Lesson 6 holds because no persona does so everywhere: the integrator, the strongest persona, does not top both lenses in ${integratorLoses.length === 0 ? "any scenario" : integratorLoses.join(", ")}. Mutual gains with self-protection is close to a dominant strategy in this model; a persona that cooperates unconditionally (the conceder) is exploitable, one that presses (the hardliner) pays for it with failed agreements.`,
    "- Lessons 4b and 4c follow from the engine's magnitudes (a ruling adds 6 tension; defying costs 8 legitimacy, complying adds 2): the checks confirm that bots bring cases, receive rulings in time and defy or comply in play, not that the magnitudes are right.",
    "- Russia–Ukraine: the tribunal needs the respondent's consent, and Russia's case on territory is weak (10 %), so every persona except the conceder and the legalist refuses jurisdiction and no ruling comes: judicial settlement needs consent there. Its numbers are reported under lesson 4.",
    "- The Security Council decides by a qualified majority: a draft passes when six members accept it and no permanent member rejects it (a permanent member that does not answer abstains, which does not block it), and it binds every member, those who voted against or abstained too. So lesson 3's frontier distance is reported there, not required, and so is lesson 5: reciprocal members adopt a (often watered-down) resolution in nearly every game, which leaves Track II no agreements to add.",
    "- No engine magnitude and no scenario number was changed for these lessons: every adjustment was to the bots (persona parameters and the one decision procedure).",
    "",
    "## Agreement rates at a glance",
    "",
    "| scenario | hardliners | tit-for-tat | conceders | integrators | hardliner vs integrators |",
    "| --- | --- | --- | --- | --- | --- |",
    ...agreementTable,
    "",
  );
  writeFileSync(resolve(root, "docs/FIDELITY.md"), `${lines.join("\n")}\n`);
  process.stderr.write(
    `fidelity: ${requiredChecks.length - failing.length}/${requiredChecks.length} required checks hold; wrote docs/FIDELITY.md\n`,
  );
  for (const c of failing)
    process.stderr.write(`  FAILS: lesson ${c.lesson}, ${c.scenarioId}: ${c.claim} (p = ${pValue(c.p)})\n`);
  process.exitCode = failing.length === 0 ? 0 : 1;
}

main();
