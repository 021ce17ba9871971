import { describe, expect, it } from "vitest";
import { indexSources, normalisedWords, sharedRuns } from "../../scripts/sharedWordRuns.ts";

const source = {
  name: "s.txt",
  text: "Through shuttle diplomacy, Carter facilitated a framework that addressed Israel’s security concerns and Egypt’s territorial claims—a first step.",
};
const index = indexSources([source], 8);

describe("runs of words a scenario shares with a source", () => {
  it("reads case, curly apostrophes, dashes and punctuation alike", () => {
    expect(normalisedWords("Egypt’s claims—and Israel's: “Camp-David”!")).toEqual([
      "egypts",
      "claims",
      "and",
      "israels",
      "camp",
      "david",
    ]);
  });

  it("finds a run of eight shared words, whatever the punctuation, and gives its start and source", () => {
    // "a framework that addressed israels security concerns and egypts territorial claims": 11 words
    const words = normalisedWords(
      "They agreed on A FRAMEWORK that addressed Israel's security concerns, and Egypt's territorial claims.",
    );
    const runs = sharedRuns(words, index);
    expect(runs).toEqual([
      {
        start: 3,
        words: normalisedWords("a framework that addressed Israel's security concerns and Egypt's territorial claims"),
        sources: ["s.txt"],
      },
    ]);
  });

  it("lets seven shared words pass: the threshold is eight", () => {
    // "israels security concerns and egypts territorial claims" is seven words
    expect(
      sharedRuns(normalisedWords("It met Israel's security concerns and Egypt's territorial claims."), index),
    ).toEqual([]);
  });

  it("does not count a run through an allowed phrase", () => {
    const crimes = indexSources(
      [
        {
          name: "r2p.txt",
          text: "protect populations from genocide, war crimes, ethnic cleansing, and crimes against humanity",
        },
      ],
      8,
    );
    const words = normalisedWords(
      "protect people from genocide, war crimes, ethnic cleansing and crimes against humanity",
    );
    expect(sharedRuns(words, crimes)).toHaveLength(1);
    expect(sharedRuns(words, crimes, ["genocide, war crimes, ethnic cleansing and crimes against humanity"])).toEqual(
      [],
    );
  });
});
