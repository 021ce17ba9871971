import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Names, chat and broadcasts reach the browser exactly as typed (the server stores text,
 * tests/integration/fuzz.test.ts). They stay text because the client only renders through
 * React's escaping: this guard fails if any source file turns a string into HTML.
 */

const clientSrc = resolve(dirname(fileURLToPath(import.meta.url)), "../../client/src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const htmlSinks =
  /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|createContextualFragment|\beval\(|new Function\(/;

describe("the client renders user text as text", () => {
  it("no client source file writes a string into the page as HTML", () => {
    const files = sourceFiles(clientSrc);
    expect(files.length).toBeGreaterThan(20);
    const sinks = files.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          htmlSinks.test(line) ? [`${file.slice(clientSrc.length + 1)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(sinks).toEqual([]);
  });
});
