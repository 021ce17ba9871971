import type { GameState, SeatId, ValueCause } from "./types.ts";

/**
 * Changes a seat's no-deal value (BATNA) and records why, so that the scoring can say what
 * each approach gained or cost. Every BATNA change goes through here.
 */
export function changeBatna(
  draft: GameState,
  seat: SeatId,
  delta: number,
  cause: ValueCause,
  by: SeatId | "system",
  seq: number,
): void {
  if (delta === 0 || !(seat in draft.batna)) return;
  draft.batna[seat] = (draft.batna[seat] ?? 0) + delta;
  recordValueChange(draft, seat, delta, cause, by, seq);
}

/** Records a change of value that is not a BATNA change (the jump to an agreement's points). */
export function recordValueChange(
  draft: GameState,
  seat: SeatId,
  delta: number,
  cause: ValueCause,
  by: SeatId | "system",
  seq: number,
): void {
  if (delta === 0) return;
  draft.valueChanges.push({ seq, round: draft.round, seat, by, cause, delta });
}
