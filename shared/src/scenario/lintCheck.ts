import type { ScenarioAnalysis } from "./analysis.ts";
import type { Scenario } from "./schema.ts";
import type { FieldPath } from "./yamlDocument.ts";

/** What a lint found, before it is located in a file. */
export interface LintFinding {
  path: FieldPath;
  message: string;
}

/**
 * A named check beyond the schema. Errors make a scenario invalid (it would not teach, or
 * would not play as written); warnings point at the design guidance of the authoring guide.
 */
export interface LintCheck {
  name: string;
  severity: "error" | "warning";
  /** One line for the authoring guide and `parley validate --help`. */
  description: string;
  run(scenario: Scenario, analysis: ScenarioAnalysis): LintFinding[];
}

/** True when `id` names a party of kind state. */
export const isStateParty = (scenario: Scenario, id: string): boolean =>
  scenario.parties.some((p) => p.id === id && p.kind === "state");

/** A number as a message shows it: at most two decimals. */
export const formatPoints = (n: number): string => String(Math.round(n * 100) / 100);
