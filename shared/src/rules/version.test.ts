import { describe, expect, it } from "vitest";
import { RULES_VERSION, replayNotice, rulesNotice } from "./version.ts";

describe("rulesNotice", () => {
  const now = RULES_VERSION;
  it("says nothing when every event was accepted under these rules", () => {
    expect(rulesNotice([now, now, now])).toBeUndefined();
    expect(rulesNotice([])).toBeUndefined();
  });

  // Version 2 changed how the council votes; version 3 only an expired proposal's wording.
  it("names the older versions, and whether the whole game or part of it was played under them", () => {
    expect(rulesNotice([1, 1])).toBe(
      `This game was played under rules version 1; this replay folds it under rules version ${now}, so the effects of its moves and its scores may differ from what the table saw.`,
    );
    expect(rulesNotice([1, now])).toMatch(/^Part of this game was played under rules version 1;.* may differ/);
    expect(rulesNotice([now + 1, 2])).toMatch(
      new RegExp(`^This game was played under rules versions 2 and ${now + 1};.* may differ`),
    );
    expect(rulesNotice([1, 2])).toMatch(/^This game was played under rules versions 1 and 2;.* may differ/);
  });

  it("says that effects and scores are as played when the rules changed since in wording only", () => {
    expect(rulesNotice([2, 2, now])).toBe(
      "Part of this game was played under rules version 2; the rules have changed since in wording only (version 3: an expired proposal's line names the parties that had not accepted it, and a forum is named with its article), so its moves' effects and its scores are as the table saw them, though a few log lines may read differently.",
    );
    expect(rulesNotice([null, 2])).toMatch(/may differ/);
  });

  it("says so of events stored before versions were recorded, which may have been under these rules", () => {
    expect(rulesNotice([null, null])).toBe(
      "This game was stored before Parley recorded rules versions: if Parley was upgraded since, the effects of its moves and its scores in this replay may differ from what the table saw.",
    );
    expect(rulesNotice([null, now])).toMatch(/^Part of this game was stored before Parley recorded rules versions:/);
    expect(rulesNotice([null, 2])).toMatch(
      /^This game was played under rules version 2 \(and some of it before Parley recorded rules versions\);/,
    );
  });

  it("adds the event these rules could not fold", () => {
    expect(replayNotice([now])).toBeUndefined();
    expect(replayNotice([now], { seq: 4, error: new Error("No rule for move 'x'") })).toBe(
      `Event 4 cannot be folded under rules version ${now} (No rule for move 'x'): the replay stops before it.`,
    );
    expect(replayNotice([1], { seq: 4, error: "gone" })).toBe(
      `${rulesNotice([1])} Event 4 cannot be folded under rules version ${now} (gone): the replay stops before it.`,
    );
  });
});
