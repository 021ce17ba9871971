import type { MoveRule } from "./moveRule.ts";
import { universalMoves } from "./moves/universal.ts";
import type { Approach, Move, MoveKind } from "./types.ts";

/** Every move the engine knows, by kind. Each move family contributes its rules. */
export const moveRules: Partial<Record<MoveKind, MoveRule>> = Object.fromEntries(
  [...universalMoves].map((rule) => [rule.kind, rule as unknown as MoveRule]),
);

/** The approach a move belongs to; a proposal's framing decides its approach. */
export function approachOf(move: Move): Approach {
  if (move.kind === "propose") {
    if (move.framing === "anchor" || move.framing === "ultimatum") return "competitive";
    if (move.framing === "package") return "mutualGains";
    return "universal";
  }
  return moveRules[move.kind]?.approach ?? "universal";
}
