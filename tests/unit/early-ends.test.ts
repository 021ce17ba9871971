import { apply, type GameState, initialState, type Outcome, validate, validateSystem } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { debriefOutcomeWords, type EndedTable, earlyNoDeals, noDealWords } from "../../client/src/debrief/earlyEnds.ts";
import { pair } from "../property/fixtures.ts";

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

/**
 * One End stops every table where it stands, so the tables of a class stop in different
 * rounds; the debrief had badged most of them "ended early", which read as if they failed.
 */
describe("how a table ended without agreement, in words an instructor can use", () => {
  it("says who stopped it, in which round of how many", () => {
    expect(noDealWords({ round: 3, reason: "ended" }, 6)).toBe("stopped by the instructor in round 3 of 6");
    expect(noDealWords({ round: 2, reason: "walkout" }, 6)).toBe(
      "a party walked away in round 2 of 6, leaving too few to agree",
    );
    expect(noDealWords({ round: 6, reason: "roundLimit" }, 6)).toBe("the rounds ran out (round 6 of 6)");
  });

  it("counts no table nobody played, neither as early nor as the last to end", () => {
    // A table added for latecomers nobody came to, ended by the same End in round 1.
    const withUnplayed: EndedTable[] = [
      { number: 1, outcome: noDeal(3, "ended") },
      { number: 2, outcome: noDeal(3, "ended") },
      { number: 3, outcome: noDeal(1, "ended"), notPlayed: true },
    ];
    expect(earlyNoDeals(withUnplayed, 2)).toEqual({ early: [], lastRound: 3 });
    expect(earlyNoDeals([{ number: 3, outcome: noDeal(4, "ended"), notPlayed: true }, ...withUnplayed], 2)).toEqual({
      early: [],
      lastRound: 3,
    });
  });
});

/** A table's outcome in the debriefs' words, from real games of the two-party fixture (4 rounds). */
describe("a table's outcome in both debriefs", () => {
  const step = (state: GameState, decision: ReturnType<typeof validate>) => {
    if (!decision.ok) throw new Error(decision.rejection.message);
    return apply(state, decision.event);
  };
  const bot = { type: "bot", persona: "simple" } as const;
  const end = (state: GameState) =>
    step(state, validateSystem(state, { kind: "endGame", reason: "Ended by the instructor" }));

  it("says a table nobody played was not played (it read 'the instructor ended it')", () => {
    const unplayed = end(initialState(pair, 1, { controllers: { a: bot, b: bot } }));
    expect(debriefOutcomeWords(unplayed)).toBe("not played: no student sat at it and no move was made");
  });

  it("says in which round of how many the End stopped a table that was played", () => {
    let state = initialState(pair, 1, { controllers: { a: bot, b: bot } });
    state = step(state, validate(state, "a", { kind: "pass" }));
    state = step(state, validateSystem(state, { kind: "advanceRound" }));
    expect(debriefOutcomeWords(end(state))).toBe("no agreement: stopped by the instructor in round 2 of 4");
    // Still playing: as everywhere else.
    expect(debriefOutcomeWords(state)).toBe("in progress (round 2)");
  });
});
