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
      const { path } = fieldAtOffset(doc.contents, error.pos[0], lineOf);
      const message = `YAML error: '${String(path[path.length - 1] ?? "")}' is written twice in the same block`;
      return { line: lineOf(error.pos[0]), path, message };
    });
    const [first] = syntax;
    if (first) {
      const { path, colonInValue } = fieldAtOffset(doc.contents, first.pos[0], lineOf);
      const field = String(path[path.length - 1] ?? "the field");
      const deeper = overIndentedLine(source, syntax, lineOf);
      // The echoes of a cause named below are counted without the parser's own second
      // error that helped name it.
      const more = syntax.length - (deeper ? 2 : 1);
      const echoes =
        more > 0
          ? ` (and ${more} more syntax error${more === 1 ? "" : "s"} after it, most likely caused by this one: fix it and check again)`
          : "";
      if (deeper) {
        // "  batna: 40\n     payoffs:" reads as the value "40 payoffs" with a field inside it,
        // which the parser words as a nested mapping: say which line starts too far right.
        errors.push({
          line: deeper.line,
          path,
          message: `YAML syntax error: line ${deeper.line} ('${deeper.text}') starts further right than '${field}' on line ${lineOf(first.pos[0])}, so it is read as part of ${field}'s value: fields of one block start in the same column (move this line left, or '${field}' right if it is the one out of place)${echoes}`,
        });
      } else if (colonInValue) {
        // "title: U.S.–Iran: talks" reads as a field "U.S.–Iran" inside the title.
        const written = valueText(source, colonInValue);
        errors.push({
          line: lineOf(first.pos[0]),
          path,
          message: `YAML syntax error: the text of '${field}' has a colon followed by a space in it, which starts a new field: put the text in quotes (${field}: "${written}")${echoes}`,
        });
      } else {
        errors.push({
          line: lineOf(first.pos[0]),
          path,
          message: `YAML syntax error: ${first.message.split("\n")[0]}${syntaxHint(first.code, first.message)}${echoes}`,
        });
      }
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
 * The line a parser's "nested mapping" error comes from when a line was indented further
 * than the field above it: the parser's first error is a key it could not take, and its
 * second that this key runs on to a later line. Undefined for any other syntax error.
 */
function overIndentedLine(
  source: string,
  syntax: readonly { code: string; pos: [number, number] }[],
  lineOf: (offset: number) => number,
): { line: number; text: string } | undefined {
  const [first, second] = syntax;
  if (first?.code !== "BLOCK_AS_IMPLICIT_KEY" || second?.code !== "MULTILINE_IMPLICIT_KEY") return undefined;
  if (second.pos[0] !== first.pos[0]) return undefined;
  const line = lineOf(second.pos[1]);
  if (line <= lineOf(first.pos[0])) return undefined;
  const text = (source.split(/\r?\n/)[line - 1] ?? "").trim();
  return { line, text: text.length > 40 ? `${text.slice(0, 37)}...` : text };
}

/**
 * The field being written at `offset` in a (possibly broken) document: at each level, the
 * last entry that starts at or before the offset. It names where the parser noticed a
 * syntax error, which is where the author should look. Two things the parser builds from
 * a mistake are no fields the author wrote, and the path stops before them: a key run over
 * several lines ("40 payoffs" from "batna: 40" and an over-indented "payoffs:"), and a map
 * that starts on its field's own line ("title: U.S.–Iran: talks", the colon's doing), whose
 * field's text range `colonInValue` gives.
 */
function fieldAtOffset(
  contents: unknown,
  offset: number,
  lineOf: (offset: number) => number,
): { path: (string | number)[]; colonInValue?: [number, number] } {
  const path: (string | number)[] = [];
  let node = contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.filter((p) => isNodeWithRange(p.key) && p.key.range[0] <= offset).pop();
      if (!pair || !isNodeWithRange(pair.key)) break;
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key !== "string" && typeof key !== "number") break;
      if (lineOf(pair.key.range[1]) > lineOf(pair.key.range[0])) break;
      const value = pair.value;
      // A field whose text ended on an earlier line is done: the error is in the block
      // around it (a Tab at the start of the next line is no part of "id: iran").
      if (!isMap(value) && !isSeq(value) && isNodeWithRange(value) && lineOf(value.range[1]) < lineOf(offset)) break;
      path.push(key);
      if (
        isMap(value) &&
        !value.flow &&
        isNodeWithRange(value) &&
        lineOf(value.range[0]) === lineOf(pair.key.range[0])
      ) {
        return { path, colonInValue: [value.range[0], value.range[1]] };
      }
      node = value;
    } else if (isSeq(node)) {
      const index = node.items.findLastIndex((item) => isNodeWithRange(item) && item.range[0] <= offset);
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
    } else {
      break;
    }
  }
  return { path };
}

/** The text written from `range`'s start to the end of its line (or a closing brace), for a quoted example. */
function valueText(source: string, range: [number, number]): string {
  const rest = source.slice(range[0]).split(/\r?\n/)[0] ?? "";
  const text = rest
    .replace(/\s*[,}\]].*$/, "")
    .replace(/\s+#.*$/, "")
    .trim()
    .replaceAll('"', '\\"');
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}

function isNodeWithRange(value: unknown): value is Node & { range: [number, number, number] } {
  return typeof value === "object" && value !== null && "range" in value && Array.isArray(value.range);
}
