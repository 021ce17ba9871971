import { addTrustAmong } from "./indicators.ts";
import { magnitude } from "./magnitudes.ts";
import { partyKind, seatName } from "./names.ts";
import { activeSeats, activeStates } from "./seats.ts";
import type { GameState, SeatId } from "./types.ts";

/** Mediator seats still at the table. */
export function mediatorsAtTable(state: GameState): SeatId[] {
  return activeSeats(state).filter((s) => partyKind(state, s) === "mediator");
}

/** States at the table that are not among `consented`. */
export function withoutConsent(state: GameState, consented: SeatId[]): SeatId[] {
  return activeStates(state).filter((s) => !consented.includes(s));
}

/** Mediation is active when a mediator sits at the table and every state at the table has consented. */
export function mediationActive(state: GameState): boolean {
  return mediatorsAtTable(state).length > 0 && withoutConsent(state, state.families.mediation.consented).length === 0;
}

/** "Pakistan has not consented to mediation", or null when every state has. */
export function missingConsentMessage(state: GameState, consented: SeatId[], what: string): string | null {
  const missing = withoutConsent(state, consented);
  if (missing.length === 0) return null;
  const names = missing.map((s) => seatName(state, s));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${list} ${missing.length === 1 ? "has" : "have"} not consented to ${what}.`;
}

/** Round-end hook: while mediation is active, trust between the states recovers slowly. */
export function mediationTrustRepair(draft: GameState, _seq: number): void {
  if (!mediationActive(draft)) return;
  addTrustAmong(draft, activeStates(draft), magnitude(draft, "mediation").roundTrust);
}
