import { type Check, check } from "./moveRule.ts";
import { isDealParty, partyKind, seatName } from "./names.ts";
import { textLimits } from "./textLimits.ts";
import type { GameState, SeatId } from "./types.ts";

/** Checks and check builders that several move families share. */

/** Only states (parties to the deal) may make this move. */
export function statesOnly(what: string): Check<unknown> {
  return check<unknown>("StatesOnly", (state, seat) =>
    isDealParty(state, seat) ? null : `Only a party to the dispute can ${what}.`,
  );
}

/** Only the mediator's seat may make this move. */
export function mediatorOnly(what: string): Check<unknown> {
  return check<unknown>("MediatorOnly", (state, seat) =>
    partyKind(state, seat) === "mediator" && state.scenario.parties.some((p) => p.id === seat)
      ? null
      : `Only the mediator can ${what}.`,
  );
}

export interface SeatRules {
  /** The seats must be states (parties to the deal). */
  states?: boolean;
}

/**
 * Checks that the seats a move names exist at the table, are not the mover and have not
 * walked away (and are states when asked). `noun` names them in messages ("recipient").
 */
export function namedSeatChecks<M>(pick: (move: M) => SeatId[], noun: string, rules: SeatRules = {}): Check<M>[] {
  return [
    check<M>("NoSeatNamed", (_s, _seat, move) => (pick(move).length > 0 ? null : `Choose at least one ${noun}.`)),
    check<M>("UnknownSeat", (state, _seat, move) => {
      const unknown = pick(move).find((s) => !state.seats.includes(s));
      return unknown ? `'${unknown}' is not a seat at this table.` : null;
    }),
    check<M>("NamedYourself", (_s, seat, move) =>
      pick(move).includes(seat) ? `You cannot choose yourself as the ${noun}.` : null,
    ),
    check<M>("SeatLeft", (state, _seat, move) => {
      const gone = pick(move).find((s) => state.walkedAway.includes(s));
      return gone ? `${seatName(state, gone)} has walked away from the table.` : null;
    }),
    check<M>("NotAState", (state, _seat, move) => {
      if (!rules.states) return null;
      const third = pick(move).find((s) => !isDealParty(state, s));
      return third ? `${seatName(state, third)} is not a party to the dispute; choose a state.` : null;
    }),
  ];
}

/** The other seats still at the table: whom a move's candidate arguments can name. */
export function present(state: GameState, seat: SeatId): SeatId[] {
  return state.seats.filter((other) => other !== seat && !state.walkedAway.includes(other));
}

/** A text message: not empty, not too long. */
export function messageChecks<M extends { text: string }>(limit: number = textLimits.message): Check<M>[] {
  return [
    check<M>("EmptyMessage", (_s, _seat, move) => (move.text.trim().length > 0 ? null : "Write something to send.")),
    check<M>("MessageTooLong", (_s, _seat, move) =>
      move.text.length <= limit ? null : `Messages are limited to ${limit} characters.`,
    ),
  ];
}
