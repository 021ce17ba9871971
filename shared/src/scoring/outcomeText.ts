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

/**
 * A table's outcome in a few words, the same on the dashboard's card and in both debriefs:
 * "agreement in round 3", "no agreement: the rounds ran out", "in progress (round 4)".
 */
export function outcomeWords(table: { phase: "playing" | "ended"; round: number; outcome?: Outcome | null }): string {
  const { outcome } = table;
  if (outcome?.kind === "agreement") return `agreement in round ${outcome.round}`;
  if (outcome) return `no agreement: ${noAgreementReason(outcome.reason)}`;
  return table.phase === "ended" ? "no agreement" : `in progress (round ${table.round})`;
}
