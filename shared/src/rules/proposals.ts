import { addLog } from "./draft.ts";
import { type Check, check } from "./moveRule.ts";
import { isDealParty, seatName, seatNames } from "./names.ts";
import { describePackage } from "./packages.ts";
import { activeSeats, endGame } from "./rounds.ts";
import type { Approach, Framing, GameState, Package, Proposal, SeatId } from "./types.ts";

/** How many rounds an open proposal stays on the table after the round it was made in. */
const proposalLife: Record<Proposal["framing"], number> = {
  plain: 2,
  package: 2,
  anchor: 2,
  ultimatum: 1,
  mediator: 2,
  award: 0,
};

/**
 * Puts a new proposal on the table: it supersedes the proposer's open ones and takes the
 * next version number in the proposer's line. Returns it.
 */
export function putOnTable(
  draft: GameState,
  seq: number,
  proposal: { by: SeatId; to: SeatId[]; package: Package; framing: Framing | "mediator"; approach: Approach },
): Proposal {
  for (const old of openProposalsBy(draft, proposal.by)) old.status = "superseded";
  const made: Proposal = {
    id: `p${seq}`,
    version: draft.proposals.filter((p) => p.by === proposal.by).length + 1,
    by: proposal.by,
    to: [...proposal.to],
    package: { options: { ...proposal.package.options }, creative: [...(proposal.package.creative ?? [])] },
    framing: proposal.framing,
    approach: proposal.approach,
    round: draft.round,
    status: "open",
    acceptedBy: [],
    rejectedBy: [],
    expiresAfterRound: draft.round + proposalLife[proposal.framing],
  };
  draft.proposals.push(made);
  return made;
}

export function openProposalsBy(state: GameState, seat: SeatId): Proposal[] {
  return state.proposals.filter((p) => p.by === seat && p.status === "open");
}

/** Who can see a proposal: its proposer, its addressees and the table's third parties. */
export function proposalAudience(state: GameState, proposal: Pick<Proposal, "by" | "to">): SeatId[] {
  const thirdParties = state.seats.filter((s) => !isDealParty(state, s));
  return [...new Set([proposal.by, ...proposal.to, ...thirdParties])];
}

/**
 * Under a qualified-majority rule the table votes as a whole (a council): a proposal must go
 * to every state still at the table, so that each permanent member can use its veto.
 */
export function councilAddresseeCheck(): Check<{ to: SeatId[] }> {
  return check("CouncilVotesAsAWhole", (state, seat, move) => {
    if (state.scenario.rules.agreement.rule !== "qualified") return null;
    const missing = activeSeats(state).filter((s) => s !== seat && isDealParty(state, s) && !move.to.includes(s));
    return missing.length === 0
      ? null
      : `Under this table's voting rule a proposal goes to every member: add ${seatNames(state, missing)}.`;
  });
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
