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
    // A key written twice is its own mistake, each one reported. Of the syntax errors, the
    // parser's first is the cause and the rest mostly its echoes, in the parser's words
    // ("A block sequence may not be used as an implicit map key"): the first is reported,
    // with what usually causes it, and the others counted.
    const duplicates = doc.errors.filter((error) => error.code === "DUPLICATE_KEY");
    const syntax = doc.errors.filter((error) => error.code !== "DUPLICATE_KEY");
    const errors = duplicates.map((error) => {
      const path = pathAtOffset(doc.contents, error.pos[0]);
      const message = `YAML error: '${String(path[path.length - 1] ?? "")}' is written twice in the same block`;
      return { line: lineOf(error.pos[0]), path, message };
    });
    const [first] = syntax;
    if (first) {
      const more = syntax.length - 1;
      const echoes =
        more > 0
          ? ` (and ${more} more syntax error${more === 1 ? "" : "s"} after it, most likely caused by this one: fix it and check again)`
          : "";
      errors.push({
        line: lineOf(first.pos[0]),
        path: pathAtOffset(doc.contents, first.pos[0]),
        message: `YAML syntax error: ${first.message.split("\n")[0]}${syntaxHint(first.code, first.message)}${echoes}`,
      });
    }
    return { ok: false, errors: errors.sort((x, y) => x.line - y.line) };
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

/** What usually causes a syntax error like this, in words for an author who is not a programmer. */
function syntaxHint(code: string, message: string): string {
  if (code === "TAB_AS_INDENT") return ": indent with spaces, not the Tab key";
  if (/quote|escape/i.test(message))
    return ": a quote opened here is not closed (or a value with a colon or a # in it needs quotes)";
  if (/flow (map|sequence|collection)|[{}[\]]/i.test(message)) return ": a bracket or brace opened here is not closed";
  if (/indent|column|indicator|implicit|block|mapping/i.test(message))
    return ": check the indentation here (a field belongs to the block above when it starts in the same column as the fields beside it, and each list item starts with '- ')";
  return "";
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
