import { apply, type GameState, initialState, outcomePoints, validateSystem } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { sessionOutcomes } from "../../client/src/debrief/sessionOutcomes.ts";
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

describe("every table's outcome on the session's plot", () => {
  const playing = initialState(pair, 1);
  const over = ended(initialState(pair, 2));

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
        label: "Table 1: no agreement: the instructor ended it (each party's BATNA then)",
        tag: "1",
      },
    ]);
    expect(still).toEqual([2]);
  });

  it("writes the numbers of tables sharing a point together, the first four of many", () => {
    const tables = [3, 1, 4, 5, 9, 2].map((number) => ({ number, state: over }));
    const [point] = sessionOutcomes(tables, "a", "b").points;
    expect(point?.count).toBe(6);
    expect(point?.tag).toBe("3, 1, 4, 5 +2");
    expect(sessionOutcomes(tables.slice(0, 2), "a", "b").points[0]?.tag).toBe("3, 1");
  });
});
