import { awardIfAgreed } from "./arbitration.ts";
import { expireFactFindings } from "./factFinding.ts";
import { mediationTrustRepair } from "./mediation.ts";
import { expireProposals } from "./proposals.ts";
import { issueRulings, lapseUnansweredClaims } from "./rulings.ts";
import { activeStates } from "./seats.ts";
import type { GameState } from "./types.ts";
import { changeBatna } from "./value.ts";
import { expireWithholdings } from "./withholding.ts";

/** Lowers every BATNA by the scenario's erosion per round: time pressure to settle. */
function erodeBatnas(draft: GameState, seq: number): void {
  const erosion = draft.scenario.rules.batnaErosionPerRound;
  if (erosion === 0) return;
  for (const seat of activeStates(draft)) changeBatna(draft, seat, -erosion, "erosion", "system", seq);
}

/**
 * What happens when a round closes, in order. Rulings come before the award so that an
 * award respects a ruling given at the same round's end; erosion comes last.
 */
export const roundEndHooks: ReadonlyArray<(draft: GameState, seq: number) => void> = [
  expireProposals,
  expireFactFindings,
  expireWithholdings,
  lapseUnansweredClaims,
  issueRulings,
  awardIfAgreed,
  mediationTrustRepair,
  erodeBatnas,
];
