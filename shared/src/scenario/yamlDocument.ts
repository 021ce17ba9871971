import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";

export type FieldPath = ReadonlyArray<string | number>;

/** A parsed YAML file that can say on which line a field is written. */
export type YamlRead =
  | { ok: true; data: unknown; lineAt: (path: FieldPath) => number }
  | { ok: false; errors: { line: number; message: string }[] };

/**
 * Parses YAML (or JSON, which is YAML) keeping positions. `lineAt(path)` gives the line of
 * the deepest part of `path` that is written in the file: the key's line for a map entry
 * (so a nested block points at its key, not at its first child), the item's line in a list.
 */
export function readYaml(source: string): YamlRead {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;

  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => ({
        line: lineOf(error.pos[0]),
        message: `YAML syntax error: ${error.message.split("\n")[0]}`,
      })),
    };
  }

  const lineAt = (path: FieldPath): number => {
    let node: unknown = doc.contents;
    let line = isNodeWithRange(node) ? lineOf(node.range[0]) : 1;
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === part);
        if (!pair) break;
        if (isNodeWithRange(pair.key)) line = lineOf(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof part === "number") {
        const item: unknown = node.items[part];
        if (!isNodeWithRange(item)) break;
        line = lineOf(item.range[0]);
        node = item;
      } else {
        break;
      }
    }
    return line;
  };

  return { ok: true, data: doc.toJS(), lineAt };
}

function isNodeWithRange(value: unknown): value is Node & { range: [number, number, number] } {
  return typeof value === "object" && value !== null && "range" in value && Array.isArray(value.range);
}
