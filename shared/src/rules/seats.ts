import { isDealParty } from "./names.ts";
import type { GameState, SeatId } from "./types.ts";

/** Seats still negotiating: not walked away. */
export function activeSeats(state: Pick<GameState, "seats" | "walkedAway">): SeatId[] {
  return state.seats.filter((s) => !state.walkedAway.includes(s));
}

/** States (parties to the deal) still at the table. */
export function activeStates(state: Pick<GameState, "seats" | "walkedAway" | "scenario">): SeatId[] {
  return activeSeats(state).filter((s) => isDealParty(state, s));
}

/** Mediators and NGOs still at the table. */
export function activeThirdParties(state: Pick<GameState, "seats" | "walkedAway" | "scenario">): SeatId[] {
  return activeSeats(state).filter((s) => !isDealParty(state, s));
}
