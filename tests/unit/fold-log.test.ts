import { type GameEvent, RULES_VERSION, rulesNotice, simulateGame } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { foldLog, type TableLogData } from "../../client/src/debrief/foldLog.ts";
import { summit } from "../property/fixtures.ts";

/** The debrief's fold of a raw log: every state, and what it must say when the log was played under other rules. */
const game = simulateGame({ scenario: summit, seed: 4 });
const logOf = (events: GameEvent[], versions: (number | null)[]): TableLogData => ({
  scenario: summit,
  tableId: "t",
  number: 1,
  seed: game.seed,
  seats: game.seats,
  controllers: game.controllers,
  lenses: null,
  events: events.map((event, i) => ({ event, at: "2026-11-27T00:00:00.000Z", rulesVersion: versions[i] ?? null })),
});

describe("the debrief's fold", () => {
  it("folds every event of a log played under these rules, and says nothing of it", () => {
    const log = logOf(
      game.events,
      game.events.map(() => RULES_VERSION),
    );
    const { states, notice } = foldLog(log);
    expect(states).toHaveLength(game.events.length + 1);
    expect(states[states.length - 1]).toEqual(game.state);
    expect(notice).toBeUndefined();
  });

  it("says when a log was played under other rules", () => {
    const log = logOf(
      game.events,
      game.events.map(() => RULES_VERSION - 1),
    );
    const { states, notice } = foldLog(log);
    expect(states).toHaveLength(game.events.length + 1);
    expect(notice).toBe(rulesNotice([RULES_VERSION - 1]));
  });

  it("stops before an event these rules cannot fold, and says which", () => {
    const events = game.events.map((e, i) =>
      i === 3 ? ({ ...e, move: { kind: "retiredMove" } } as unknown as GameEvent) : e,
    );
    const log = logOf(events, [null]);
    const { states, notice } = foldLog(log);
    expect(states).toHaveLength(4);
    expect(notice).toBe(
      `${rulesNotice([null, ...events.slice(1).map(() => null)])} Event 3 cannot be folded under rules version ${RULES_VERSION} (No rule for move 'retiredMove'): the replay stops before it.`,
    );
  });
});
