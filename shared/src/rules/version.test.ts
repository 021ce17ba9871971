import { describe, expect, it } from "vitest";
import { RULES_VERSION, rulesNotice } from "./version.ts";

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

  it("says so of events stored before versions were recorded", () => {
    expect(rulesNotice([null, null])).toMatch(/^This game was played before Parley recorded rules versions;/);
    expect(rulesNotice([null, now])).toMatch(/^Part of this game was played before Parley recorded rules versions;/);
  });
});
