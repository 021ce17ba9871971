import {
  initialState,
  personaIds,
  replay,
  type Scenario,
  type SeatId,
  simulateGame,
  stateSeats,
  viewFor,
} from "@parley/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippedScenarios } from "./fixtures.ts";

const runs = Math.max(5, Math.floor(Number(process.env.PARLEY_PROPERTY_RUNS ?? 100) / 10));
const timeout = Math.max(60_000, runs * 2_000);

/** Personas for a scenario's states drawn from a seed; third parties keep their defaults. */
function personasFor(scenario: Scenario, picks: number[]): Record<SeatId, string> {
  return Object.fromEntries(
    stateSeats(scenario).map((s, i) => [s, personaIds[(picks[i] ?? i) % personaIds.length] ?? ""]),
  );
}

const scenarios = shippedScenarios();
const game = fc.record({
  scenario: fc.constantFrom(...scenarios),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  picks: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
});

describe("whole bot games", () => {
  it(
    "skipping seats with nothing to do plays exactly the game that asks every seat after every event",
    () => {
      fc.assert(
        fc.property(game, ({ scenario, seed, picks }) => {
          const bots = personasFor(scenario, picks);
          const fast = simulateGame({ scenario, seed, bots });
          const everySeat = simulateGame({ scenario, seed, bots, askEverySeat: true });
          expect(fast.events).toEqual(everySeat.events);
          expect(fast.illegal).toEqual([]);
        }),
        { numRuns: runs },
      );
    },
    timeout,
  );

  it(
    "a replay of the events, rationales included, is the live game",
    () => {
      fc.assert(
        fc.property(game, ({ scenario, seed, picks }) => {
          const played = simulateGame({ scenario, seed, bots: personasFor(scenario, picks) });
          const again = replay(
            initialState(scenario, seed, { seats: played.seats, controllers: played.controllers }),
            JSON.parse(JSON.stringify(played.events)),
          );
          expect(again).toEqual(played.state);
          expect(played.state.phase).toBe("ended");
        }),
        { numRuns: runs },
      );
    },
    timeout,
  );

  it("bots' reasons reach the instructor always, the seats only once the game has ended", () => {
    const scenario = scenarios.find((s) => s.id === "us-china-tariffs") ?? (scenarios[0] as Scenario);
    const played = simulateGame({ scenario, seed: 3, bots: { usa: "hardliner", china: "integrator" } });
    const midway = replay(played.initial, played.events.slice(0, Math.floor(played.events.length / 2)));
    const reasons = (viewer: string, state = midway) => viewFor(state, viewer).log.filter((e) => e.rationale).length;
    expect(midway.phase).toBe("playing");
    expect(reasons("instructor")).toBeGreaterThan(0);
    expect(reasons("usa")).toBe(0);
    expect(reasons("china")).toBe(0);
    expect(reasons("observer")).toBe(0);
    expect(played.state.phase).toBe("ended");
    expect(reasons("usa", played.state)).toBeGreaterThan(0);
    expect(reasons("observer", played.state)).toBeGreaterThan(0);
    // The personas are revealed with the reasons, never during play.
    expect(viewFor(midway, "usa").parties.map((p) => p.controller)).toEqual([{ type: "bot" }, { type: "bot" }]);
    expect(viewFor(played.state, "usa").parties.map((p) => p.controller)).toEqual([
      { type: "bot", persona: "hardliner" },
      { type: "bot", persona: "integrator" },
    ]);
  });
});
