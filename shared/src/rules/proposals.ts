import { addLog } from "./draft.ts";
import { type Check, check } from "./moveRule.ts";
import { andList, isDealParty, seatName, seatNames } from "./names.ts";
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

/**
 * Seats whose acceptance a proposal counts: those who accepted, and its proposer, which
 * accepts its own by making it when it is a state (`isState`) and the proposal is its own
 * (not a mediator's proposal or an award). The client counts a council's votes with it too.
 */
export function inFavourOf(
  proposal: Pick<Proposal, "by" | "framing" | "acceptedBy">,
  isState: (seat: SeatId) => boolean,
): SeatId[] {
  const own = isState(proposal.by) && proposal.framing !== "mediator" && proposal.framing !== "award";
  return [...new Set([...(own ? [proposal.by] : []), ...proposal.acceptedBy])];
}

/**
 * Whether a council draft waits on `seat`'s answer as a veto holder: it is addressed to the
 * seat, which holds one of the `vetoes`, did not put it forward and has not answered it. Only
 * then can the seat's rejection veto it (`resolveProposal`); its silence abstains.
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

/** The round at whose end a council puts a draft to the vote: the end of its life, or the last round. */
export function voteRound(proposal: Pick<Proposal, "expiresAfterRound">, roundLimit: number): number {
  return Math.min(proposal.expiresAfterRound, roundLimit);
}

const acceptances = (state: GameState, proposal: Proposal) => inFavourOf(proposal, (s) => isDealParty(state, s));

/**
 * Why a proposal under the rule of all expired, for its log line: the parties that had not
 * accepted it (none had rejected it, or it would have failed), and those that had, the
 * proposer apart. Answers in words are not acceptances, so "unanswered" would not be true.
 */
function expiredBecause(state: GameState, proposal: Proposal, parties: SeatId[], accepted: SeatId[]): string {
  const waiting = parties.filter((s) => !accepted.includes(s));
  if (waiting.length === 0) return "";
  const had = accepted.filter((s) => s !== proposal.by);
  return `: ${seatNames(state, waiting)} did not accept it in time${had.length ? ` (${seatNames(state, had)} had)` : ""}`;
}

/**
 * After an answer (or a walk-out), decides whether an open proposal has become the agreement,
 * has failed, or stays open, under the scenario's agreement rule. Under a qualified rule (a
 * council) a draft is adopted at once when enough members have accepted, every required one
 * among them and every veto holder; otherwise it is put to the `vote` at the end of its life
 * (see `expireProposals`), where a veto holder that has not answered abstains: only a
 * rejection is a veto, as in the Security Council (UN Charter Art. 27(3) as practised).
 */
export function resolveProposal(draft: GameState, proposal: Proposal, seq: number, { vote = false } = {}): void {
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
      (vote || rule.vetoes.filter((s) => parties.includes(s)).every((s) => accepted.includes(s)));
  }

  if (failed) {
    proposal.status = "rejected";
    return;
  }
  if (!agreed) return;

  proposal.status = "accepted";
  const text = describePackage(draft.scenario, proposal.package);
  // A council's decision binds every member still at the table, those who voted against or
  // abstained too; under "all" every party has accepted.
  const bound =
    rule.rule === "all" ? parties : draft.seats.filter((s) => parties.includes(s) && !draft.walkedAway.includes(s));
  const names = (seats: SeatId[]) => andList(seats.map((s) => seatName(draft, s)));
  const votes = () => {
    const against = bound.filter((s) => proposal.rejectedBy.includes(s));
    const abstaining = bound.filter((s) => !accepted.includes(s) && !against.includes(s));
    return [
      `in favour: ${names(bound.filter((s) => accepted.includes(s)))}`,
      ...(against.length ? [`against: ${names(against)}`] : []),
      ...(abstaining.length ? [`abstaining: ${names(abstaining)}`] : []),
    ].join("; ");
  };
  addLog(draft, {
    seq,
    by: "system",
    kind: "agreement",
    approach: "universal",
    text:
      rule.rule === "all"
        ? `Agreement between ${bound.map((s) => seatName(draft, s)).join(", ")} on proposal ${proposal.id}: ${text}.`
        : `Proposal ${proposal.id} is adopted (${votes()}), binding every member: ${text}.`,
    visibleTo: "all",
  });
  endGame(
    draft,
    { kind: "agreement", proposalId: proposal.id, package: proposal.package, round: draft.round, parties: bound },
    seq,
  );
}

/**
 * Round-end hook: open proposals past their life expire. Under a qualified rule each is put
 * to the vote first (and, in the last round, every open one: the council votes on the drafts
 * before it before it rises), and may be adopted with abstentions.
 */
export function expireProposals(draft: GameState, seq: number): void {
  for (const proposal of draft.proposals) {
    if (proposal.status !== "open") continue;
    const due = proposal.expiresAfterRound <= draft.round;
    const qualified = draft.scenario.rules.agreement.rule === "qualified";
    if (qualified && draft.round >= voteRound(proposal, draft.scenario.rules.roundLimit)) {
      resolveProposal(draft, proposal, seq, { vote: true });
      if (draft.phase === "ended") return;
    }
    if (proposal.status === "open" && due) {
      proposal.status = "expired";
      const rule = draft.scenario.rules.agreement;
      const parties = dealParties(draft, proposal);
      const accepted = acceptances(draft, proposal).filter((s) => parties.includes(s));
      const inFavour = accepted.length;
      addLog(draft, {
        seq,
        by: "system",
        kind: "proposalExpired",
        approach: "universal",
        text:
          rule.rule === "qualified"
            ? `Proposal ${proposal.id} by ${seatName(draft, proposal.by)} is put to the vote and not adopted: ${inFavour} in favour, ${rule.min} needed${rule.mustInclude.length ? `, with ${andList(rule.mustInclude.map((s) => seatName(draft, s)))}` : ""}.`
            : `Proposal ${proposal.id} by ${seatName(draft, proposal.by)} has expired${expiredBecause(draft, proposal, parties, accepted)}.`,
        visibleTo: [...new Set([proposal.by, ...proposal.to])],
      });
    }
  }
}
