import { apply } from "../apply.ts";
import type { GameState, Move, Rejection, SeatId } from "../types.ts";
import { validate, validateSystem } from "../validate.ts";

/** For tests: plays a move that must be legal, and returns the new state. */
export function play(state: GameState, seat: SeatId, move: Move): GameState {
  const result = validate(state, seat, move);
  if (!result.ok) throw new Error(`${result.rejection.code}: ${result.rejection.message}`);
  return apply(state, result.event);
}

/** For tests: the rejection of a move that must be refused. */
export function refusal(state: GameState, seat: SeatId, move: Move): Rejection {
  const result = validate(state, seat, move);
  if (result.ok) throw new Error(`expected ${move.kind} by ${seat} to be refused`);
  return result.rejection;
}

/** For tests: the table's clock closes the round. */
export function nextRound(state: GameState): GameState {
  const result = validateSystem(state, { kind: "advanceRound" });
  if (!result.ok) throw new Error(result.rejection.message);
  return apply(state, result.event);
}
