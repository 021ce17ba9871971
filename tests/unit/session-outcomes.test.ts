import { apply, type GameState, initialState, outcomePoints, validate, validateSystem } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { agreementBatnas, belowBatnaNote, sessionOutcomes } from "../../client/src/debrief/sessionOutcomes.ts";
import { pair } from "../property/fixtures.ts";

/**
 * The session debrief's plot, checked against a real class: two Camp David tables, one ended
 * by a walk-out and one still in round 1, were two unnamed diamonds side by side at the
 * BATNAs; nobody could tell which was which, nor that one had no outcome yet.
 */
function ended(state: GameState): GameState {
  const decision = validateSystem(state, { kind: "endGame", reason: "Ended by the instructor" });
  if (!decision.ok) throw new Error(decision.rejection.message);
  return apply(state, decision.event);
}

/** A table where a seat made a move (it was played), then the instructor's End. */
function playedThenEnded(seed: number): GameState {
  const start = initialState(pair, seed);
  const passed = validate(start, "a", { kind: "pass" });
  if (!passed.ok) throw new Error(passed.rejection.message);
  return ended(apply(start, passed.event));
}

describe("every table's outcome on the session's plot", () => {
  const playing = initialState(pair, 1);
  const over = playedThenEnded(2);

  it("tags each ended table's point with its number, and leaves a table still playing off, named apart", () => {
    const { points, playing: still } = sessionOutcomes(
      [
        { number: 1, state: over },
        { number: 2, state: playing },
      ],
      "a",
      "b",
    );
    expect(points).toEqual([
      {
        x: outcomePoints(over, "a"),
        y: outcomePoints(over, "b"),
        label: `Table 1: no agreement: stopped by the instructor in round 1 of ${pair.rules.roundLimit} (each party's BATNA then)`,
        tag: "1",
      },
    ]);
    expect(still).toEqual([2]);
  });

  it("leaves a table nobody played off the plot, named apart, not at the BATNAs as a table that failed", () => {
    // Table 3 was added for latecomers nobody came to: bots set up in its seats, no student
    // sat, no move, then the End.
    const bot = { type: "bot", persona: "simple" } as const;
    const {
      points,
      playing: still,
      notPlayed,
    } = sessionOutcomes(
      [
        { number: 1, state: over },
        { number: 2, state: playing },
        { number: 3, state: ended(initialState(pair, 5, { controllers: { a: bot, b: bot } })) },
      ],
      "a",
      "b",
    );
    expect(points.map((p) => p.tag)).toEqual(["1"]);
    expect(still).toEqual([2]);
    expect(notPlayed).toEqual([3]);
  });

  it("writes the numbers of tables sharing a point together, the first four of many", () => {
    const tables = [3, 1, 4, 5, 9, 2].map((number) => ({ number, state: over }));
    const [point] = sessionOutcomes(tables, "a", "b").points;
    expect(point?.count).toBe(6);
    expect(point?.tag).toBe("3, 1, 4, 5 +2");
    expect(sessionOutcomes(tables.slice(0, 2), "a", "b").points[0]?.tag).toBe("3, 1");
  });
});

/**
 * The session plot's BATNA lines are those of the start; rounds erode the BATNAs (and a ruling
 * or an escalation moves them), so an agreement made later could sit left of a line it had
 * beaten. Each agreement's BATNAs when it was made are marked beside the lines.
 */
describe("the BATNAs each agreement was made against", () => {
  const step = (state: GameState, decision: ReturnType<typeof validate>) => {
    if (!decision.ok) throw new Error(decision.rejection.message);
    return apply(state, decision.event);
  };
  /** An agreement in `round` (the pair's BATNAs erode by 2 a round). */
  function agreedIn(round: number): GameState {
    let state = initialState(pair, 3);
    while (state.round < round) state = step(state, validateSystem(state, { kind: "advanceRound" }));
    state = step(
      state,
      validate(state, "a", { kind: "propose", to: ["b"], package: { options: { water: "high", fish: "many" } } }),
    );
    const proposal = state.proposals[state.proposals.length - 1];
    return step(state, validate(state, "b", { kind: "accept", proposalId: proposal?.id ?? "" }));
  }
  const start = initialState(pair, 3);
  const lines = { x: start.batna.a ?? 0, y: start.batna.b ?? 0 };

  it("marks an agreement made after the BATNAs moved where they stood then, tagged with its table", () => {
    const late = agreedIn(3);
    expect(late.outcome?.kind).toBe("agreement");
    expect(agreementBatnas([{ number: 2, state: late }], "a", "b", lines)).toEqual([
      { x: lines.x - 4, y: lines.y - 4, label: "Table 2: BATNAs when it agreed (round 3)", tag: "2" },
    ]);
  });

  it("marks nothing for an agreement made against the BATNAs of the start, nor for a table without one", () => {
    expect(agreementBatnas([{ number: 1, state: agreedIn(1) }], "a", "b", lines)).toEqual([]);
    expect(agreementBatnas([{ number: 3, state: ended(initialState(pair, 4)) }], "a", "b", lines)).toEqual([]);
  });
});

/**
 * A class's agreement worth less than walking away (in the walk-through, 35 against a BATNA of
 * 42, and 30 against 40) read as two plain numbers in the session's results.
 */
describe("an agreement below a party's BATNA, in the session's results", () => {
  it("says by how much, and against which BATNA", () => {
    // 35 points, BATNA 42: surplus 35 - 42 = -7.
    expect(belowBatnaNote({ inAgreement: true, surplus: -7, batna: 42 })).toBe("7 below its BATNA of 42");
    // Points to one decimal, as the cells show them: 38.45 - 40 = -1.55.
    expect(belowBatnaNote({ inAgreement: true, surplus: -1.55, batna: 40 })).toBe("1.6 below its BATNA of 40");
  });

  it("says nothing where the party cleared its BATNA, or where there was no agreement", () => {
    expect(belowBatnaNote({ inAgreement: true, surplus: 0, batna: 42 })).toBeUndefined();
    expect(belowBatnaNote({ inAgreement: true, surplus: 12, batna: 42 })).toBeUndefined();
    expect(belowBatnaNote({ inAgreement: false, surplus: -3, batna: 42 })).toBeUndefined();
  });
});
