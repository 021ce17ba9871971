import { analyseScenario, type ScenarioAnalysis } from "./analysis.ts";
import { lintScenario } from "./lint.ts";
import { parseScenarioLocated, type ScenarioProblem, sortProblems } from "./parse.ts";
import type { Scenario } from "./schema.ts";

export interface ScenarioCheck {
  /** False when any problem is an error. */
  ok: boolean;
  /** Present when the file passed the schema and reference checks. */
  scenario?: Scenario;
  analysis?: ScenarioAnalysis;
  /** Errors and warnings, in file order. */
  problems: ScenarioProblem[];
}

/**
 * Everything `parley validate` checks in one file: YAML, schema, references, then the lints
 * (lint.ts), plus that the id matches the file name (`scenarios/ID.yaml`). Pure: the caller
 * reads the file. Every problem names the file, the line and the field.
 */
export function checkScenario(source: string, file = "scenario.yaml"): ScenarioCheck {
  const { result, locate } = parseScenarioLocated(source, file);
  if (!result.ok) return { ok: false, problems: result.problems };
  if (!locate) throw new Error("A parsed scenario always has a locator");

  const { scenario } = result;
  const analysis = analyseScenario(scenario);
  const problems = lintScenario(scenario, analysis).map((p) => ({
    ...locate(p.path, p.message, p.severity),
    check: p.check,
  }));
  const expectedId = fileStem(file);
  if (expectedId !== undefined && expectedId !== scenario.id) {
    problems.push({
      ...locate(["id"], `is '${scenario.id}' but the file is named '${expectedId}.yaml': the id is the file name`),
      check: "IdMatchesFileName",
    });
  }
  return {
    ok: !problems.some((p) => p.severity === "error"),
    scenario,
    analysis,
    problems: sortProblems(problems),
  };
}

/** `scenarios/indus-waters.yaml` → `indus-waters`; undefined for names that are not YAML files. */
function fileStem(file: string): string | undefined {
  const name = file.split(/[\\/]/).pop() ?? file;
  const match = /^(.*)\.ya?ml$/.exec(name);
  return match?.[1];
}
