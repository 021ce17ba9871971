import type { Outcome } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { type EndedTable, earlyNoDeals } from "../../client/src/debrief/earlyEnds.ts";

const noDeal = (round: number, reason: "walkout" | "roundLimit" | "ended"): Outcome => ({
  kind: "noAgreement",
  reason,
  round,
});

describe("tables that ended without agreement before the others", () => {
  const tables: EndedTable[] = [
    {
      number: 1,
      outcome: { kind: "agreement", proposalId: "p9", package: { options: {} }, round: 6, parties: ["usa", "china"] },
    },
    { number: 2, outcome: noDeal(3, "ended") },
    { number: 3, outcome: noDeal(8, "roundLimit") },
    { number: 4, outcome: noDeal(5, "walkout") },
    { number: 5, outcome: null },
  ];

  it("are the no-deal tables that ended before the last table did, when BATNAs erode", () => {
    expect(earlyNoDeals(tables, 1.5)).toEqual({
      early: [
        { number: 2, round: 3, reason: "ended" },
        { number: 4, round: 5, reason: "walkout" },
      ],
      lastRound: 8,
    });
  });

  it("are none when BATNAs do not erode, or when every table ended in the same round", () => {
    expect(earlyNoDeals(tables, 0).early).toEqual([]);
    expect(
      earlyNoDeals(
        [
          { number: 1, outcome: noDeal(8, "roundLimit") },
          { number: 2, outcome: noDeal(8, "ended") },
        ],
        2,
      ).early,
    ).toEqual([]);
  });
});
