/**
 * Reports every run of eight or more consecutive words that a scenario's text shares with
 * a source document: the project's rule is to use the sources' facts, never their
 * sentences. Every string of every scenarios/*.yaml is checked (summary, briefs, notes,
 * labels, events). Exits with 1 when it finds one.
 *
 *   node --import tsx scripts/check-copying.ts [sources-folder]   (default ../shared/sources)
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Scalar, visit } from "yaml";
import { indexSources, normalisedWords, placedWords, sharedRuns } from "./sharedWordRuns.ts";

const minWords = 8;

/**
 * Terms a scenario must use as they are: the four crimes R2P names, listed in the sources'
 * words. The titles under `sources:` are not checked either: they cite a document by name.
 */
const allowedPhrases = ["genocide, war crimes, ethnic cleansing and crimes against humanity"];

const repoRoot = resolve(fileURLToPath(import.meta.url), "../..");
const sourcesDir = resolve(process.argv[2] ?? join(repoRoot, "../shared/sources"));
const scenariosDir = join(repoRoot, "scenarios");

if (!existsSync(sourcesDir)) {
  console.error(`No sources folder at ${sourcesDir}: pass the folder that holds the source documents.`);
  process.exit(2);
}

const sourceNames = readdirSync(sourcesDir)
  .filter((name) => name.endsWith(".txt"))
  .sort();
if (sourceNames.length === 0) {
  console.error(`No .txt source documents in ${sourcesDir}.`);
  process.exit(2);
}
const index = indexSources(
  sourceNames.map((name) => ({ name, text: readFileSync(join(sourcesDir, name), "utf8") })),
  minWords,
);

let found = 0;
const scenarioNames = readdirSync(scenariosDir)
  .filter((name) => name.endsWith(".yaml"))
  .sort();
for (const name of scenarioNames) {
  const file = join(scenariosDir, name);
  const text = readFileSync(file, "utf8");
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const citations = sourceTitles(doc.get("sources", true));
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== "string" || !node.range || citations.has(node)) return;
      const words = normalisedWords(node.value);
      // A match's line: where its first word is written, when the file's text of the value
      // has the same words (block and plain scalars); else the line the value starts on.
      const written = placedWords(text.slice(node.range[0], node.range[1]));
      const sameWords = written.length === words.length && written.every((placed, i) => placed.word === words[i]);
      for (const run of sharedRuns(words, index, allowedPhrases)) {
        const offset = node.range[0] + (sameWords ? (written[run.start]?.offset ?? 0) : 0);
        const line = lineCounter.linePos(offset).line;
        console.log(
          `${relative(process.cwd(), file)}:${line}: ${run.words.length} words shared with ${run.sources.join(", ")}: "${run.words.join(" ")}"`,
        );
        found++;
      }
    },
  });
}

/** The title nodes of a scenario's `sources:` list. */
function sourceTitles(sources: unknown): Set<Scalar> {
  const titles = new Set<Scalar>();
  if (!isSeq(sources)) return titles;
  for (const item of sources.items) {
    const title = isMap(item) ? item.get("title", true) : undefined;
    if (isScalar(title)) titles.add(title);
  }
  return titles;
}

if (found > 0) {
  console.log(
    `${found} run${found === 1 ? "" : "s"} of ${minWords} or more words shared with the sources: reword them.`,
  );
  process.exit(1);
}
console.log(
  `OK: no run of ${minWords} or more words in ${scenarioNames.length} scenarios is shared with the ${sourceNames.length} sources.`,
);
