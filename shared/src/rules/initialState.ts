import { seedToRng } from "../random/seeded.ts";
import type { LensOverrides, Scenario } from "../scenario/schema.ts";
import { aboveCrisisThreshold } from "./crisis.ts";
import { pairKey } from "./indicators.ts";
import { startRound } from "./rounds.ts";
import { type Approach, approaches, type Controller, type GameState, type SeatId, type Stint } from "./types.ts";

export interface TableSetup {
  /** Seats (party ids) at the table; defaults to every party of the scenario. */
  seats?: SeatId[];
  /** The session's overrides of the scenario's lens weights, if any. */
  lenses?: LensOverrides;
  /** Who controls each seat at the start; defaults to an unnamed human. */
  controllers?: Record<SeatId, Controller>;
}

/** The state of a new table before any event. Pure: the same inputs give the same state. */
export function initialState(scenario: Scenario, seed: number, setup: TableSetup = {}): GameState {
  const seats = setup.seats ?? scenario.parties.map((p) => p.id);
  for (const seat of seats) {
    if (!scenario.parties.some((p) => p.id === seat)) throw new Error(`Unknown seat '${seat}' for ${scenario.id}`);
  }

  const trust: Record<string, number> = {};
  for (let i = 0; i < seats.length; i++) {
    for (let j = i + 1; j < seats.length; j++) {
      trust[pairKey(seats[i] as SeatId, seats[j] as SeatId)] = scenario.indicators.trust;
    }
  }
  for (const pair of scenario.indicators.trustPairs) {
    const key = pairKey(pair.between[0], pair.between[1]);
    if (key in trust) trust[key] = pair.value;
  }

  const legitimacy: Record<SeatId, number> = {};
  const batna: Record<SeatId, number> = {};
  const controllers: Record<SeatId, Controller> = {};
  const stints: Record<SeatId, Stint[]> = {};
  const approachCounts: Record<SeatId, Record<Approach, number>> = {};
  for (const seat of seats) {
    const party = scenario.parties.find((p) => p.id === seat);
    legitimacy[seat] = scenario.indicators.legitimacy[seat] ?? 50;
    batna[seat] = party?.batna ?? 0;
    const controller = setup.controllers?.[seat] ?? { type: "human", name: "" };
    controllers[seat] = controller;
    stints[seat] = [{ controller, since: -1 }];
    approachCounts[seat] = Object.fromEntries(approaches.map((a) => [a, 0])) as Record<Approach, number>;
  }

  const state: GameState = {
    scenario,
    seed,
    lenses: setup.lenses ?? {},
    rng: seedToRng(seed),
    seats,
    seq: 0,
    round: 0,
    phase: "playing",
    acted: [],
    proposals: [],
    indicators: { trust, tension: scenario.indicators.tension, legitimacy },
    batna,
    controllers,
    stints,
    walkedAway: [],
    approachCounts,
    history: [],
    log: [],
    valueChanges: [],
    families: {
      measures: {},
      threats: [],
      revealed: {},
      mediation: { invitedBy: [], consented: [] },
      arbitration: { consented: [] },
      claims: [],
      unlocked: [],
      groundwork: {},
      factFindings: [],
      withheld: [],
      firedEvents: [],
      crises: 0,
      inCrisis: false,
    },
  };
  startRound(state, 1, -1);
  // A table that opens above the threshold (its round-1 events included) starts in crisis:
  // no crossing, no new crisis.
  state.families.inCrisis = aboveCrisisThreshold(state);
  return state;
}
