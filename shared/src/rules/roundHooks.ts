import { expireProposals } from "./proposals.ts";
import type { GameState } from "./types.ts";

/** Lowers every BATNA by the scenario's erosion per round: time pressure to settle. */
function erodeBatnas(draft: GameState): void {
  const erosion = draft.scenario.rules.batnaErosionPerRound;
  if (erosion === 0) return;
  for (const seat of draft.seats) draft.batna[seat] = (draft.batna[seat] ?? 0) - erosion;
}

/**
 * What happens when a round closes, in order. Each move family that has round-end
 * consequences (rulings, awards) adds its hook here.
 */
export const roundEndHooks: ReadonlyArray<(draft: GameState, seq: number) => void> = [expireProposals, erodeBatnas];
