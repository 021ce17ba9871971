import { describe, expect, it } from "vitest";
import { sessionResultsOpen } from "./tableSummary.ts";

describe("a class session's results", () => {
  it("open when every table has ended, and, when tables fill as students come, the instructor has ended it", () => {
    expect(sessionResultsOpen({ tables: 3, ended: false }, true)).toBe(true);
    expect(sessionResultsOpen({ tables: 3, ended: false }, false)).toBe(false);
    // A latecomer could still open a table: only the instructor's end closes the session.
    expect(sessionResultsOpen({ tables: "auto", ended: false }, true)).toBe(false);
    expect(sessionResultsOpen({ tables: "auto", ended: true }, true)).toBe(true);
    // An end that has not reached every table yet opens nothing.
    expect(sessionResultsOpen({ tables: "auto", ended: true }, false)).toBe(false);
  });
});
