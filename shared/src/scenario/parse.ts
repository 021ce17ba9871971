import { isNode, LineCounter, parseDocument } from "yaml";
import { checkReferences } from "./references.ts";
import { type Scenario, ScenarioSchema } from "./schema.ts";

/** One problem in a scenario file, located by line and field path. */
export interface ScenarioProblem {
  file: string;
  line: number;
  /** Field path such as `issues[2].options[1].id`; empty for the whole file. */
  field: string;
  message: string;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

export type FieldPath = ReadonlyArray<string | number>;

/** `['issues', 2, 'options', 1, 'id']` → `issues[2].options[1].id` */
export function formatFieldPath(path: FieldPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}

export function formatProblem(problem: ScenarioProblem): string {
  const where = problem.field ? `${problem.field}: ` : "";
  return `${problem.file}:${problem.line}: ${where}${problem.message}`;
}

/**
 * Parses and validates a scenario from YAML (or JSON, which is YAML) text. Pure: the caller
 * reads the file. Every problem names the file, the line and the field.
 */
export function parseScenario(source: string, file = "scenario.yaml"): ScenarioResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });

  const lineOf = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);

  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file,
        line: lineOf(error.pos[0]),
        field: "",
        message: `YAML syntax error: ${error.message.split("\n")[0]}`,
      })),
    };
  }

  /** The line of the deepest node that exists along `path`. */
  const lineAt = (path: FieldPath): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineOf(node.range[0]);
    }
    return 1;
  };

  const problem = (path: FieldPath, message: string): ScenarioProblem => ({
    file,
    line: lineAt(path),
    field: formatFieldPath(path),
    message,
  });

  const raw: unknown = doc.toJS();
  const parsed = ScenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      const extra =
        issue.code === "unrecognized_keys"
          ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}`
          : issue.message;
      return problem(issue.code === "unrecognized_keys" ? [...path, issue.keys[0] ?? ""] : path, extra);
    });
    return { ok: false, problems: sortProblems(problems) };
  }

  const referenceProblems = checkReferences(parsed.data).map((p) => problem(p.path, p.message));
  if (referenceProblems.length > 0) return { ok: false, problems: sortProblems(referenceProblems) };
  return { ok: true, scenario: parsed.data };
}

function sortProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
}

/** Parses a scenario that must be valid (bundled scenarios, tests); throws with every problem. */
export function loadScenario(source: string, file = "scenario.yaml"): Scenario {
  const result = parseScenario(source, file);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  return result.scenario;
}
