import { framingApproach } from "./framing.ts";
import type { MoveRule } from "./moveRule.ts";
import { competitiveMoves } from "./moves/competitive.ts";
import { judicialMoves } from "./moves/judicial.ts";
import { mediationMoves } from "./moves/mediation.ts";
import { mutualGainsMoves } from "./moves/mutualGains.ts";
import { trackTwoMoves } from "./moves/trackTwo.ts";
import { universalMoves } from "./moves/universal.ts";
import type { Approach, Move, MoveKind } from "./types.ts";

/** Every move the engine knows, by kind. Each move family contributes its rules. */
export const moveRules: Record<MoveKind, MoveRule> = Object.fromEntries(
  [
    ...universalMoves,
    ...competitiveMoves,
    ...mediationMoves,
    ...mutualGainsMoves,
    ...judicialMoves,
    ...trackTwoMoves,
  ].map((rule) => [rule.kind, rule as unknown as MoveRule]),
) as Record<MoveKind, MoveRule>;

/** The approach a move belongs to; a proposal's framing decides its approach. */
export function approachOf(move: Move): Approach {
  if (move.kind === "propose") return framingApproach(move.framing);
  return moveRules[move.kind]?.approach ?? "universal";
}
