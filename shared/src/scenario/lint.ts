import { analyseScenario, type ScenarioAnalysis } from "./analysis.ts";
import type { LintCheck, LintFinding } from "./lintCheck.ts";
import { designChecks } from "./lintDesign.ts";
import { legalChecks } from "./lintLegal.ts";
import { numberChecks } from "./lintNumbers.ts";
import { partyChecks } from "./lintParties.ts";
import { tableChecks } from "./lintTable.ts";
import type { Scenario } from "./schema.ts";

export type { LintCheck, LintFinding } from "./lintCheck.ts";

export interface LintProblem extends LintFinding {
  check: string;
  severity: "error" | "warning";
}

/** Every lint, in the order they run. */
export const lintChecks: readonly LintCheck[] = [
  ...partyChecks,
  ...numberChecks,
  ...legalChecks,
  ...tableChecks,
  ...designChecks,
];

/** Runs every lint over a scenario that passed the schema and reference checks. Pure. */
export function lintScenario(
  scenario: Scenario,
  analysis: ScenarioAnalysis = analyseScenario(scenario),
): LintProblem[] {
  return lintChecks.flatMap((check) =>
    check.run(scenario, analysis).map((finding) => ({ ...finding, check: check.name, severity: check.severity })),
  );
}
