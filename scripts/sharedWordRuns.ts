/**
 * Finds the runs of words a text shares with source documents, to catch sentences copied
 * (or copied with a word changed) from the sources into a scenario. Pure: the caller reads
 * the files.
 */

/** A word of a text and where it starts in that text. */
export type PlacedWord = { word: string; offset: number };

/** A run of at least `minWords` consecutive words that a text shares with one or more sources. */
export type SharedRun = { start: number; words: string[]; sources: string[] };

/** Maps every run of `minWords` consecutive source words to the sources it appears in. */
export type SourceIndex = { minWords: number; windows: Map<string, Set<string>> };

/**
 * The text's words, lower case, with curly quotes and apostrophes made plain, every dash
 * (hyphen, en dash, em dash) read as a space, and other punctuation removed:
 * "Egypt–Israel" and "Egypt-Israel" are both "egypt israel", "Israel’s" is "israels".
 */
export function placedWords(text: string): PlacedWord[] {
  const plain = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212-]/g, " ");
  const words: PlacedWord[] = [];
  for (const match of plain.matchAll(/\S+/g)) {
    const word = match[0].replace(/[^\p{L}\p{N}]/gu, "");
    if (word) words.push({ word, offset: match.index });
  }
  return words;
}

export function normalisedWords(text: string): string[] {
  return placedWords(text).map((placed) => placed.word);
}

export function indexSources(sources: ReadonlyArray<{ name: string; text: string }>, minWords: number): SourceIndex {
  const windows = new Map<string, Set<string>>();
  for (const { name, text } of sources) {
    const words = normalisedWords(text);
    for (let i = 0; i + minWords <= words.length; i++) {
      const key = words.slice(i, i + minWords).join(" ");
      const names = windows.get(key) ?? new Set<string>();
      names.add(name);
      windows.set(key, names);
    }
  }
  return { minWords, windows };
}

/**
 * The longest runs of words (at least the index's `minWords`) that `words` shares with the
 * sources. A run may not cross a phrase of `allowed` (a term the scenario has to use as it
 * is, like the names of the four R2P crimes): its words count as a break.
 */
export function sharedRuns(
  words: ReadonlyArray<string>,
  index: SourceIndex,
  allowed: ReadonlyArray<string> = [],
): SharedRun[] {
  const n = index.minWords;
  const blocked = allowedPositions(words, allowed);
  const hits: (Set<string> | undefined)[] = [];
  for (let i = 0; i + n <= words.length; i++) {
    const inAllowed = blocked.slice(i, i + n).some(Boolean);
    hits.push(inAllowed ? undefined : index.windows.get(words.slice(i, i + n).join(" ")));
  }
  const runs: SharedRun[] = [];
  let i = 0;
  while (i < hits.length) {
    const first = hits[i];
    if (!first) {
      i++;
      continue;
    }
    const sources = new Set(first);
    let last = i;
    for (let next = hits[last + 1]; next; next = hits[last + 1]) {
      for (const name of next) sources.add(name);
      last++;
    }
    runs.push({ start: i, words: words.slice(i, last + n), sources: [...sources].sort() });
    i = last + 1;
  }
  return runs;
}

function allowedPositions(words: ReadonlyArray<string>, allowed: ReadonlyArray<string>): boolean[] {
  const blocked = words.map(() => false);
  for (const phrase of allowed) {
    const target = normalisedWords(phrase);
    if (target.length === 0) continue;
    for (let i = 0; i + target.length <= words.length; i++) {
      if (target.every((word, k) => words[i + k] === word)) {
        for (let k = 0; k < target.length; k++) blocked[i + k] = true;
      }
    }
  }
  return blocked;
}
