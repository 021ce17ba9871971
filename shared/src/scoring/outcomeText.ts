import type { Outcome } from "../rules/types.ts";

type NoAgreement = Extract<Outcome, { kind: "noAgreement" }>;

/**
 * Why a game ended without agreement, in a few words: the end screens, the debriefs and the
 * exports say the same (a walk-out and the instructor's End had both read "no agreement").
 */
export function noAgreementReason(reason: NoAgreement["reason"]): string {
  switch (reason) {
    case "walkout":
      return "a party walked away, leaving too few to agree";
    case "roundLimit":
      return "the rounds ran out";
    case "ended":
      return "the instructor ended it";
  }
}
