import { apply } from "../rules/apply.ts";
import { initialState } from "../rules/initialState.ts";
import { isDealParty } from "../rules/names.ts";
import type { Controller, GameEvent, GameState, Move, Rejection, SeatId } from "../rules/types.ts";
import { validate, validateSystem } from "../rules/validate.ts";
import type { Scenario } from "../scenario/schema.ts";
import { viewFor } from "../view/viewFor.ts";
import { decideBotMove } from "./bot.ts";
import { botDice } from "./dice.ts";
import { defaultPersonaFor, type PersonaParameters } from "./personas.ts";

/** Who plays a seat in a simulation: a persona id, optionally with changed parameters. */
export interface BotSeat {
  persona: string;
  overrides?: Partial<PersonaParameters>;
}

export interface SimulationSetup {
  /** Build every seat's view after every event, as the server does, instead of skipping seats with nothing to do. */
  askEverySeat?: boolean;
  scenario: Scenario;
  seed: number;
  /** The parties seated (default: every party of the scenario, in order). */
  seats?: SeatId[];
  /** Persona per seat; a seat not named gets the default persona for its kind of party. */
  bots?: Record<SeatId, string | BotSeat>;
}

export interface IllegalMove {
  seat: SeatId;
  move: Move;
  rejection: Rejection;
}

export interface SimulatedGame {
  seed: number;
  seats: SeatId[];
  bots: Record<SeatId, BotSeat>;
  controllers: Record<SeatId, Controller>;
  initial: GameState;
  events: GameEvent[];
  state: GameState;
  /** Moves the rules refused (a bot bug; the seat passed instead). Empty in a correct build. */
  illegal: IllegalMove[];
}

/** The personas of a table: the named ones, and the default for its kind for every other seat. */
export function seatBots(scenario: Scenario, seats: SeatId[], named: SimulationSetup["bots"] = {}) {
  const out: Record<SeatId, BotSeat> = {};
  for (const seat of seats) {
    const given = named[seat];
    const kind = scenario.parties.find((p) => p.id === seat)?.kind ?? "state";
    out[seat] = typeof given === "string" ? { persona: given } : (given ?? { persona: defaultPersonaFor(kind) });
  }
  return out;
}

/**
 * Whether a seat's bot can have anything to do now: its main move of the round, or an
 * answer someone waits for. When not, the decision procedure returns null, so a
 * simulation skips building the seat's view (a test checks that skipping changes nothing).
 */
export function botMayAct(state: GameState, seat: SeatId): boolean {
  if (!state.acted.includes(seat)) return true;
  if (
    state.proposals.some(
      (p) => p.status === "open" && p.to.includes(seat) && !p.acceptedBy.includes(seat) && !p.rejectedBy.includes(seat),
    )
  ) {
    return true;
  }
  const f = state.families;
  for (const claim of f.claims) {
    if (claim.status === "awaitingConsent" && claim.respondents.includes(seat) && !claim.responses[seat]) return true;
    if (claim.status === "ruled" && !claim.compliance[seat]) {
      const lost =
        claim.ruling?.favours === claim.claimant ? claim.respondents.includes(seat) : claim.claimant === seat;
      if (lost) return true;
    }
  }
  if (!isDealParty(state, seat)) return false;
  if (f.mediation.invitedBy.length > 0 && !f.mediation.consented.includes(seat)) return true;
  const late = state.round >= state.scenario.rules.roundLimit - 1;
  return !f.arbitration.consented.includes(seat) && (late || f.arbitration.consented.length > 0);
}

/**
 * Plays a whole table of bots the way the server does: after every event the first seat
 * (in seat order) with something to do moves; when no bot has anything to do, the round
 * clock advances the round. Pure and deterministic: the same setup gives the same game.
 */
export function simulateGame(setup: SimulationSetup): SimulatedGame {
  const { scenario, seed } = setup;
  const seats = setup.seats ?? scenario.parties.map((p) => p.id);
  const bots = seatBots(scenario, seats, setup.bots);
  const controllers: Record<SeatId, Controller> = Object.fromEntries(
    seats.map((s) => [s, { type: "bot", persona: bots[s]?.persona ?? "" } satisfies Controller]),
  );
  const initial = initialState(scenario, seed, { seats, controllers });
  const dice = Object.fromEntries(seats.map((s) => [s, botDice(seed, s)]));
  const events: GameEvent[] = [];
  const illegal: IllegalMove[] = [];
  let state = initial;
  const record = (event: GameEvent) => {
    events.push(event);
    state = apply(state, event);
  };
  // Every seat makes at most one main move a round and answers each item once: a generous bound.
  const limit = (scenario.rules.roundLimit + 1) * seats.length * 40;
  while (state.phase === "playing" && events.length < limit) {
    let moved = false;
    for (const seat of seats) {
      if (state.walkedAway.includes(seat)) continue;
      if (!setup.askEverySeat && !botMayAct(state, seat)) continue;
      const bot = bots[seat] as BotSeat;
      const decision = decideBotMove(viewFor(state, seat, { withoutMoves: true }), bot.persona, {
        dice: dice[seat],
        overrides: bot.overrides,
      });
      if (!decision) continue;
      const result = validate(state, seat, decision.move);
      if (result.ok) {
        record(decision.rationale === undefined ? result.event : { ...result.event, rationale: decision.rationale });
      } else {
        illegal.push({ seat, move: decision.move, rejection: result.rejection });
        const pass = validate(state, seat, { kind: "pass" });
        if (pass.ok) record(pass.event);
        else continue;
      }
      moved = true;
      break;
    }
    if (!moved) {
      const advance = validateSystem(state, { kind: "advanceRound" });
      if (!advance.ok) break;
      record(advance.event);
    }
  }
  return { seed, seats, bots, controllers, initial, events, state, illegal };
}
