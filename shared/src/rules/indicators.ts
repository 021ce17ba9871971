import type { GameState, SeatId } from "./types.ts";

/** The key of an unordered pair of seats in `indicators.trust`. */
export function pairKey(a: SeatId, b: SeatId): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function clampLevel(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value * 100) / 100));
}

export function trustBetween(state: Pick<GameState, "indicators">, a: SeatId, b: SeatId): number {
  return state.indicators.trust[pairKey(a, b)] ?? 50;
}

/** Mean trust over every pair of seats at the table. */
export function meanTrust(state: Pick<GameState, "indicators">): number {
  const values = Object.values(state.indicators.trust);
  return values.length === 0 ? 50 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Changes trust between `a` and `b`, kept within 0–100. Mutates a draft state. */
export function addTrust(draft: GameState, a: SeatId, b: SeatId, delta: number): void {
  if (a === b || delta === 0) return;
  const key = pairKey(a, b);
  draft.indicators.trust[key] = clampLevel((draft.indicators.trust[key] ?? 50) + delta);
}

/** Changes trust between `seat` and every other seat in `others`. */
export function addTrustWith(draft: GameState, seat: SeatId, others: SeatId[], delta: number): void {
  for (const other of others) addTrust(draft, seat, other, delta);
}

export function addTension(draft: GameState, delta: number): void {
  draft.indicators.tension = clampLevel(draft.indicators.tension + delta);
}

export function addLegitimacy(draft: GameState, seat: SeatId, delta: number): void {
  draft.indicators.legitimacy[seat] = clampLevel((draft.indicators.legitimacy[seat] ?? 50) + delta);
}

/** Changes trust between every pair of `seats`. */
export function addTrustAmong(draft: GameState, seats: SeatId[], delta: number): void {
  for (let i = 0; i < seats.length; i++) {
    for (let j = i + 1; j < seats.length; j++) addTrust(draft, seats[i] as SeatId, seats[j] as SeatId, delta);
  }
}
