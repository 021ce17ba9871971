import { apply, type GameState, scoreTable, simulateGame } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { play } from "../../../shared/src/rules/testing/play.ts";
import { loadCatalog } from "../scenarios/catalog.ts";
import { summarise } from "./summary.ts";

/** The instructor's overview goes out after every event; its scores are kept while no event changes them. */
describe("a table's summary", () => {
  const scenario = loadCatalog().get("us-china-tariffs");
  if (!scenario) throw new Error("scenario missing");
  const game = simulateGame({ scenario, seed: 3 });
  const table = { id: "t1" };
  const summary = (state: GameState) => summarise(state, table, undefined, [], new Set(), true);

  it("has every state's own scores, kept from the last state while only the log changed", () => {
    const say = (state: GameState, text: string) => play(state, state.seats[0] as string, { kind: "chat", text });
    let state = game.initial;
    for (const event of game.events.slice(0, 4)) state = apply(state, event);
    const before = summary(state);
    for (const text of ["Shall we talk tariffs?", "Or soybeans first?"]) {
      state = say(state, text);
      const after = summary(state);
      expect(after.seq).toBe(state.seq);
      expect(after.scores).toBe(before.scores);
      expect(after.scores).toEqual(scoreTable(state));
    }
    for (const event of game.events.slice(4)) {
      state = apply({ ...state, seq: event.seq }, event);
      expect(summary(state).scores).toEqual(scoreTable(state));
    }
    expect(state.phase).toBe("ended");
  });

  it("flags a table in crisis for the instructor, and not once it has ended", () => {
    const state = game.initial;
    expect(summary(state).crisis).toBe(false);
    // Threats until tension passes the scenario's threshold.
    const hot = {
      ...state,
      indicators: { ...state.indicators, tension: 100 },
      families: { ...state.families, inCrisis: true },
    };
    expect(summary(hot).crisis).toBe(true);
    expect(summary({ ...hot, phase: "ended" }).crisis).toBe(false);
  });
});
