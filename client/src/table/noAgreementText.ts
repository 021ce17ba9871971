import { andList, capitalised, noAgreementReason, type Outcome, type TableView } from "@parley/shared";

type NoAgreement = Extract<Outcome, { kind: "noAgreement" }>;

/**
 * Why a game ended without agreement, as its end screen says it: who walked away when a
 * walk-out ended it ("You walked away, leaving too few to agree"), where "a party walked
 * away" had left a student who walked away, or who watched a bot do it, to guess who.
 */
export function noAgreementText(view: Pick<TableView, "parties" | "me">, reason: NoAgreement["reason"]): string {
  const gone = view.parties.filter((p) => p.walkedAway);
  const text =
    reason === "walkout" && gone.length > 0
      ? `${andList(gone.map((p) => (p.id === view.me?.seat ? "you" : p.name)))} walked away, leaving too few to agree`
      : noAgreementReason(reason);
  return `${capitalised(text)}.`;
}
