import { checkReferences } from "./references.ts";
import { type Scenario, ScenarioSchema } from "./schema.ts";
import { schemaProblems } from "./schemaMessages.ts";
import { type FieldPath, readYaml } from "./yamlDocument.ts";

export type { FieldPath } from "./yamlDocument.ts";

/** One problem in a scenario file, located by line and field path. */
export interface ScenarioProblem {
  file: string;
  line: number;
  /** Field path such as `issues[2].options[1].id`; empty for the whole file. */
  field: string;
  message: string;
  /** Errors make the file invalid; warnings are advice (see lint.ts). */
  severity: "error" | "warning";
  /** The named check that found it (lints only), e.g. `AgreementZone`. */
  check?: string;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** `['issues', 2, 'options', 1, 'id']` → `issues[2].options[1].id` */
export function formatFieldPath(path: FieldPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}

/** `scenarios/x.yaml:42: issues[2].options[1].id: duplicate id 'neutral-expert'` */
export function formatProblem(problem: ScenarioProblem): string {
  const where = problem.field ? `${problem.field}: ` : "";
  const severity = problem.severity === "warning" ? "warning: " : "";
  return `${problem.file}:${problem.line}: ${where}${severity}${problem.message}`;
}

/** A parse result together with a way to find the line of any field (for later checks). */
export interface LocatedResult {
  result: ScenarioResult;
  /** Locates a field path in the file; absent when the YAML itself could not be read. */
  locate?: (path: FieldPath, message: string, severity?: ScenarioProblem["severity"]) => ScenarioProblem;
}

/** Parses and validates, and keeps the locator so that lints can name lines too. */
export function parseScenarioLocated(source: string, file = "scenario.yaml"): LocatedResult {
  const read = readYaml(source);
  if (!read.ok) {
    return {
      result: {
        ok: false,
        problems: read.errors.map((e) => ({
          file,
          line: e.line,
          field: formatFieldPath(e.path),
          message: e.message,
          severity: "error",
        })),
      },
    };
  }

  const locate = (path: FieldPath, message: string, severity: ScenarioProblem["severity"] = "error") => ({
    file,
    line: read.lineAt(path),
    field: formatFieldPath(path),
    message,
    severity,
  });

  const parsed = ScenarioSchema.safeParse(read.data);
  if (!parsed.success) {
    const problems = schemaProblems(parsed.error.issues, read.data).map((p) => locate(p.path, p.message));
    return { result: { ok: false, problems: sortProblems(problems) }, locate };
  }

  const referenceProblems = checkReferences(parsed.data).map((p) => locate(p.path, p.message));
  if (referenceProblems.length > 0) return { result: { ok: false, problems: sortProblems(referenceProblems) }, locate };
  return { result: { ok: true, scenario: parsed.data }, locate };
}

/**
 * Parses and validates a scenario from YAML (or JSON, which is YAML) text: the YAML, the
 * schema and every id reference. Pure: the caller reads the file. Every problem names the
 * file, the line and the field. The teaching-quality lints are a further step (check.ts).
 */
export function parseScenario(source: string, file = "scenario.yaml"): ScenarioResult {
  return parseScenarioLocated(source, file).result;
}

export function sortProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
}

/** Parses a scenario that must be valid (bundled scenarios, tests); throws with every problem. */
export function loadScenario(source: string, file = "scenario.yaml"): Scenario {
  const result = parseScenario(source, file);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  return result.scenario;
}
