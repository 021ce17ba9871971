import { initialState } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { endOfRounds, pairsDrawn, relationRows } from "../../client/src/debrief/series.ts";
import { octet, pair } from "../property/fixtures.ts";

/**
 * The replay's "Trust and tension by round" at a table of eight: 8 × 7 / 2 = 28 pairs, of
 * which the chart drew 6 and dropped the other 22 without a word, from its numbers too.
 */
describe("trust of every pair over the rounds", () => {
  it("draws the first pairs and keeps every other pair in the numbers", () => {
    const { series, more, rows } = relationRows(endOfRounds([initialState(octet, 1)]));
    expect(series.map((s) => s.key).slice(0, 2)).toEqual(["tension", "meanTrust"]);
    expect(series).toHaveLength(2 + pairsDrawn);
    expect(more).toHaveLength(28 - pairsDrawn);
    const keys = [...series, ...more].map((s) => s.key).filter((k) => k.startsWith("trust:"));
    expect(new Set(keys).size).toBe(28);
    for (const key of keys) expect(rows[0]?.[key]).toBeTypeOf("number");
  });

  it("draws every pair of a small table, with nothing left over", () => {
    const { series, more } = relationRows([initialState(pair, 1)]);
    expect(series.map((s) => s.key)).toEqual(["tension", "trust:a|b"]);
    expect(more).toEqual([]);
  });
});
