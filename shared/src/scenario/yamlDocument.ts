import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";

export type FieldPath = ReadonlyArray<string | number>;

/** A parsed YAML file that can say on which line a field is written. */
export type YamlRead =
  | { ok: true; data: unknown; lineAt: (path: FieldPath) => number }
  | { ok: false; errors: { line: number; path: FieldPath; message: string }[] };

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
      errors: doc.errors.map((error) => {
        const path = pathAtOffset(doc.contents, error.pos[0]);
        const message =
          error.code === "DUPLICATE_KEY"
            ? `YAML error: '${String(path[path.length - 1] ?? "")}' is written twice in the same block`
            : `YAML syntax error: ${error.message.split("\n")[0]}`;
        return { line: lineOf(error.pos[0]), path, message };
      }),
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

/**
 * The field being written at `offset` in a (possibly broken) document: at each level, the
 * last entry that starts at or before the offset. It names where the parser noticed a
 * syntax error, which is where the author should look.
 */
function pathAtOffset(contents: unknown, offset: number): (string | number)[] {
  const path: (string | number)[] = [];
  let node = contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.filter((p) => isNodeWithRange(p.key) && p.key.range[0] <= offset).pop();
      if (!pair) break;
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key !== "string" && typeof key !== "number") break;
      path.push(key);
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findLastIndex((item) => isNodeWithRange(item) && item.range[0] <= offset);
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
    } else {
      break;
    }
  }
  return path;
}

function isNodeWithRange(value: unknown): value is Node & { range: [number, number, number] } {
  return typeof value === "object" && value !== null && "range" in value && Array.isArray(value.range);
}
