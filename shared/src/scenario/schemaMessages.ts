import type { z } from "zod";
import { type JsonSchema, scenarioJsonSchema } from "./jsonSchema.ts";
import type { FieldPath } from "./yamlDocument.ts";

/** A schema problem before it is located in a file. */
export interface SchemaProblem {
  path: FieldPath;
  message: string;
}

/**
 * Turns zod's issues into messages an instructor understands: "is required", "must be a
 * number (found the text 'ten')", "unknown field 'confidentialBreif' (did you mean
 * 'confidentialBrief'?)". One problem per unknown field, each at its own path.
 */
export function schemaProblems(issues: readonly z.core.$ZodIssue[], data: unknown): SchemaProblem[] {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return [{ path: [], message: notAMap(data) }];
  const problems: SchemaProblem[] = [];
  // A misspelt required field is one mistake: its "unknown field (did you mean …?)" says it
  // all, and "is required" beside it would tell the author to add what they wrote.
  const suggested = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      const known = knownFields(path);
      for (const key of issue.keys) {
        const guess = closest(key, known);
        if (guess) suggested.add(JSON.stringify([...path, guess]));
        // A comma inside `{ label: a, b }` starts a new field `b` (with no value): a common slip.
        const elsewhere = guess ? [] : blocksWithField(key);
        const hint = guess
          ? ` (did you mean '${guess}'?)`
          : elsewhere.length > 0
            ? ` ('${key}' is a field of ${elsewhere.join(" or ")}, not of this block: check its indentation)`
            : /\s/.test(key) || valueAt(data, [...path, key]) === null
              ? " (a comma inside { ... } starts a new field: put the text in quotes)"
              : "";
        problems.push({ path: [...path, key], message: `unknown field '${key}'${hint}` });
      }
      continue;
    }
    const found = valueAt(data, path);
    if (issue.code === "invalid_type" && found === undefined) {
      problems.push({ path, message: requiredMessage(path) });
      continue;
    }
    problems.push({ path, message: messageOf(issue, found) });
  }
  return problems.filter((p) => !(p.message.startsWith("is required") && suggested.has(JSON.stringify(p.path))));
}

/** The whole file is not a map of fields: empty, only comments, a list or a line of text. */
function notAMap(data: unknown): string {
  const start =
    "a scenario is a map of fields, each on its own line, starting with 'id:' and 'title:' (copy the example in scenarios/README.md)";
  if (data === null || data === undefined) return `the file is empty (or holds only comments): ${start}`;
  return `the file holds ${describeValue(data)}, not fields: ${start}`;
}

/** "is required: add 'batna:' to this block (points if there is no agreement…)" */
function requiredMessage(path: FieldPath): string {
  const field = path[path.length - 1];
  if (typeof field !== "string") return "is required";
  const description = schemaNodesAt(path)
    .map((node) => node.description)
    .find((d): d is string => typeof d === "string");
  const meaning = description
    ? ` (${description.charAt(0).toLowerCase()}${description.slice(1).replace(/\.$/, "")})`
    : "";
  return `is required: add '${field}:' to this block${meaning}`;
}

function messageOf(issue: z.core.$ZodIssue, found: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return `must be ${article(issue.expected)} (found ${describeValue(found)})`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => `'${String(v)}'`).join(", ")} (found ${describeValue(found)})`;
    case "invalid_union":
      if ("options" in issue && Array.isArray(issue.options)) {
        const options = issue.options.map((v: unknown) => `'${String(v)}'`).join(", ");
        return `must be one of ${options} (found ${describeValue(found)})`;
      }
      return issue.message;
    case "too_small":
    case "too_big": {
      // Our own messages ("an issue needs at least 2 options") say it better than zod's.
      if (!issue.message.startsWith("Too ")) return issue.message;
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const strict = issue.inclusive === false;
      const word = issue.code === "too_small" ? (strict ? "more than" : "at least") : strict ? "less than" : "at most";
      const count = (noun: string) => `${String(bound)} ${noun}${Number(bound) === 1 ? "" : "s"}`;
      if (issue.origin === "array")
        return Number(bound) === 1 && issue.code === "too_small"
          ? "must not be empty"
          : `needs ${word} ${count("item")}`;
      if (issue.origin === "string")
        return Number(bound) === 1 && issue.code === "too_small"
          ? "must not be empty"
          : `needs ${word} ${count("character")}`;
      return `must be ${word} ${String(bound)} (found ${describeValue(found)})`;
    }
    case "invalid_format":
      return `${issue.message} (found ${describeValue(found)})`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === "object") return "a map of fields";
  if (expected === "array") return "a list";
  if (expected === "string") return "text";
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === null) return "no value";
  if (typeof value === "string") return `the text '${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map of fields";
  return String(value);
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let value = data;
  for (const part of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/** The field names the JSON Schema allows for the object at `path`. */
function knownFields(path: FieldPath): string[] {
  return [
    ...new Set(
      schemaNodesAt(path)
        .flatMap(branches)
        .flatMap((n) => Object.keys((n.properties as object | undefined) ?? {})),
    ),
  ];
}

/**
 * The blocks where the schema allows a field of this name, written as the validator writes
 * paths ("parties[n]", "issues[n].legal", "the top level"). A field written in the wrong
 * block (indented a level too little or too much) is known somewhere else.
 */
function blocksWithField(field: string): string[] {
  const places = new Set<string>();
  const visit = (node: JsonSchema, place: string) => {
    for (const branch of branches(node)) {
      const properties = (branch.properties ?? {}) as Record<string, unknown>;
      if (field in properties) places.add(place === "" ? "the top level" : place);
      for (const [name, child] of Object.entries(properties)) {
        if (!isSchema(child)) continue;
        const inner = place === "" ? name : `${place}.${name}`;
        if (isSchema(child.items)) visit(child.items, `${inner}[n]`);
        else visit(child, inner);
      }
    }
  };
  visit(scenarioJsonSchema(), "");
  return [...places];
}

/** The JSON Schema nodes that may describe the value at `path`. */
function schemaNodesAt(path: FieldPath): JsonSchema[] {
  let nodes: JsonSchema[] = [scenarioJsonSchema()];
  for (const part of path) {
    const next: JsonSchema[] = [];
    for (const node of nodes.flatMap(branches)) {
      const child =
        typeof part === "number"
          ? node.items
          : ((node.properties as Record<string, unknown> | undefined)?.[part] ?? node.additionalProperties);
      if (isSchema(child)) next.push(child);
    }
    nodes = next;
  }
  return nodes;
}

function branches(node: JsonSchema): JsonSchema[] {
  const alternatives = [node.oneOf, node.anyOf].flatMap((list) => (Array.isArray(list) ? list.filter(isSchema) : []));
  return alternatives.length > 0 ? alternatives : [node];
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The known name closest to a misspelt one, if it is close enough to be a typo. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
