import { describe, expect, it } from "vitest";
import { RULES_VERSION, replayNotice, rulesNotice } from "./version.ts";

describe("rulesNotice", () => {
  const now = RULES_VERSION;
  it("says nothing when every event was accepted under these rules", () => {
    expect(rulesNotice([now, now, now])).toBeUndefined();
    expect(rulesNotice([])).toBeUndefined();
  });

  it("names the older versions, and whether the whole game or part of it was played under them", () => {
    expect(rulesNotice([now - 1, now - 1])).toBe(
      `This game was played under rules version ${now - 1}; this replay folds it under rules version ${now}, so the effects of its moves and its scores may differ from what the table saw.`,
    );
    expect(rulesNotice([now - 1, now])).toMatch(
      new RegExp(`^Part of this game was played under rules version ${now - 1};`),
    );
    expect(rulesNotice([now + 1, now - 1])).toMatch(
      new RegExp(`^This game was played under rules versions ${now - 1} and ${now + 1};`),
    );
  });

  it("says so of events stored before versions were recorded, which may have been under these rules", () => {
    expect(rulesNotice([null, null])).toBe(
      "This game was stored before Parley recorded rules versions: if Parley was upgraded since, the effects of its moves and its scores in this replay may differ from what the table saw.",
    );
    expect(rulesNotice([null, now])).toMatch(/^Part of this game was stored before Parley recorded rules versions:/);
    expect(rulesNotice([null, now - 1])).toMatch(
      new RegExp(
        `^This game was played under rules version ${now - 1} \\(and some of it before Parley recorded rules versions\\);`,
      ),
    );
  });

  it("adds the event these rules could not fold", () => {
    expect(replayNotice([now])).toBeUndefined();
    expect(replayNotice([now], { seq: 4, error: new Error("No rule for move 'x'") })).toBe(
      `Event 4 cannot be folded under rules version ${now} (No rule for move 'x'): the replay stops before it.`,
    );
    expect(replayNotice([now - 1], { seq: 4, error: "gone" })).toBe(
      `${rulesNotice([now - 1])} Event 4 cannot be folded under rules version ${now} (gone): the replay stops before it.`,
    );
  });
});
