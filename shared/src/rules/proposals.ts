import { addLog } from "./draft.ts";
import { isDealParty, seatName } from "./names.ts";
import { describePackage } from "./packages.ts";
import { endGame } from "./rounds.ts";
import type { GameState, Proposal, SeatId } from "./types.ts";

export function openProposalsBy(state: GameState, seat: SeatId): Proposal[] {
  return state.proposals.filter((p) => p.by === seat && p.status === "open");
}

/** Who can see a proposal: its proposer, its addressees and the table's third parties. */
export function proposalAudience(state: GameState, proposal: Pick<Proposal, "by" | "to">): SeatId[] {
  const thirdParties = state.seats.filter((s) => !isDealParty(state, s));
  return [...new Set([proposal.by, ...proposal.to, ...thirdParties])];
}

/** The states a proposal would bind: its proposer (when a state) and the states it addresses. */
export function dealParties(state: GameState, proposal: Pick<Proposal, "by" | "to">): SeatId[] {
  return [...new Set([proposal.by, ...proposal.to])].filter((s) => isDealParty(state, s));
}

/** Seats whose acceptance a proposal still counts: the proposer accepts its own by making it. */
function acceptances(state: GameState, proposal: Proposal): SeatId[] {
  const own = isDealParty(state, proposal.by) && proposal.framing !== "mediator" && proposal.framing !== "award";
  return [...new Set([...(own ? [proposal.by] : []), ...proposal.acceptedBy])];
}

/**
 * After an answer (or a walk-out), decides whether an open proposal has become the agreement,
 * has failed, or stays open, under the scenario's agreement rule.
 */
export function resolveProposal(draft: GameState, proposal: Proposal, seq: number): void {
  if (proposal.status !== "open" || draft.phase === "ended") return;
  const parties = dealParties(draft, proposal);
  const accepted = acceptances(draft, proposal);
  const refused = (s: SeatId) => proposal.rejectedBy.includes(s) || draft.walkedAway.includes(s);
  const rule = draft.scenario.rules.agreement;

  let agreed = false;
  let failed = false;
  if (rule.rule === "all") {
    failed = parties.some(refused);
    agreed = !failed && parties.every((s) => accepted.includes(s));
  } else {
    const vetoed = rule.vetoes.some((s) => parties.includes(s) && refused(s));
    const stillPossible = parties.filter((s) => !refused(s)).length;
    const required = rule.mustInclude;
    const missingRequired = required.some((s) => !parties.includes(s) || refused(s));
    failed = vetoed || missingRequired || stillPossible < rule.min;
    agreed =
      !failed &&
      accepted.filter((s) => parties.includes(s)).length >= rule.min &&
      required.every((s) => accepted.includes(s)) &&
      rule.vetoes.filter((s) => parties.includes(s)).every((s) => accepted.includes(s));
  }

  if (failed) {
    proposal.status = "rejected";
    return;
  }
  if (!agreed) return;

  proposal.status = "accepted";
  const bound = parties.filter((s) => accepted.includes(s));
  addLog(draft, {
    seq,
    by: "system",
    kind: "agreement",
    approach: "universal",
    text: `Agreement between ${bound.map((s) => seatName(draft, s)).join(", ")} on proposal ${proposal.id}: ${describePackage(draft.scenario, proposal.package)}.`,
    visibleTo: "all",
  });
  endGame(
    draft,
    { kind: "agreement", proposalId: proposal.id, package: proposal.package, round: draft.round, parties: bound },
    seq,
  );
}

/** Round-end hook: open proposals past their life expire. */
export function expireProposals(draft: GameState, seq: number): void {
  for (const proposal of draft.proposals) {
    if (proposal.status === "open" && proposal.expiresAfterRound <= draft.round) {
      proposal.status = "expired";
      addLog(draft, {
        seq,
        by: "system",
        kind: "proposalExpired",
        approach: "universal",
        text: `Proposal ${proposal.id} by ${seatName(draft, proposal.by)} has expired unanswered.`,
        visibleTo: [...new Set([proposal.by, ...proposal.to])],
      });
    }
  }
}
