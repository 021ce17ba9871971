import {
  apply,
  type GameState,
  newViewCache,
  simulateGame,
  type Viewer,
  validate,
  viewFor,
  viewsFor,
} from "@parley/shared";
import { describe, expect, it } from "vitest";
import { shippedScenarios } from "../property/fixtures.ts";

/**
 * A table's view cache extends each viewer's log from the last one when the log grew; the
 * debrief's replay uses one cache for states that do not follow each other (scrubbing back,
 * a what-if branch), where the log must be built afresh.
 */
describe("a view cache used for states that do not follow each other", () => {
  const scenario = shippedScenarios().find((s) => s.id === "russia-ukraine-mediation");
  if (!scenario) throw new Error("scenario missing");
  const game = simulateGame({ scenario, seed: 21 });
  const states: GameState[] = [game.initial];
  for (const event of game.events) states.push(apply(states.at(-1) as GameState, event));
  const viewers: Viewer[] = [...game.seats, "instructor", "observer"];
  const fresh = (state: GameState) => viewers.map((viewer) => viewFor(state, viewer));

  it("gives the views of each state, forward, back, forward again and on a branch", () => {
    expect(states.length).toBeGreaterThan(30);
    const cache = newViewCache();
    const chat = (state: GameState, text: string) => {
      const seat = game.seats[0] as string;
      const decision = validate(state, seat, { kind: "chat", text });
      if (!decision.ok) throw new Error(decision.rejection.message);
      return apply(state, decision.event);
    };
    const branch = chat(states[12] as GameState, "a line only on the branch");
    const order = [
      states[20],
      states[25],
      states[8],
      states[9],
      branch,
      chat(branch, "and one more"),
      states[30],
      states[13],
    ];
    for (const state of order as GameState[]) {
      expect(viewsFor(state, viewers, {}, cache)).toEqual(fresh(state));
    }
    // The branch's line is in the branch's views only.
    const lines = (state: GameState) => viewsFor(state, ["observer"], {}, cache)[0]?.log.map((e) => e.text);
    expect(lines(branch)).toContain("a line only on the branch");
    expect(lines(states[13] as GameState)).not.toContain("a line only on the branch");
  });
});
