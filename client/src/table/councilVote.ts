import type { Proposal, SeatId } from "@parley/shared";

/**
 * Whether a council draft waits on the viewer's answer as a veto holder: it is addressed to
 * the viewer, who holds a veto, did not put it forward and has not answered it. Only then does
 * its line say "your rejection vetoes it; your silence does not" (it had said so on the
 * viewer's own draft, which the viewer cannot reject).
 */
export function awaitsYourVeto(
  proposal: Pick<Proposal, "by" | "to" | "acceptedBy" | "rejectedBy">,
  vetoes: readonly SeatId[],
  seat: SeatId,
): boolean {
  return (
    vetoes.includes(seat) &&
    proposal.by !== seat &&
    proposal.to.includes(seat) &&
    !proposal.acceptedBy.includes(seat) &&
    !proposal.rejectedBy.includes(seat)
  );
}
