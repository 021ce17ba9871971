import { nextRandom } from "../random/seeded.ts";
import type { Issue } from "../scenario/schema.ts";
import { addLog } from "./draft.ts";
import { addLegitimacy, addTension } from "./indicators.ts";
import { magnitude } from "./magnitudes.ts";
import { capitalised, isDealParty, issueName, optionLabel, seatName, seatNames, theForum } from "./names.ts";
import type { Claim, GameState, Package, SeatId } from "./types.ts";
import { changeBatna } from "./value.ts";

/** A forum's name as read within a sentence, with its article ("the Neutral expert"; see theForum). */
export function forumName(
  state: { scenario: { forums: readonly { id: string; name: string }[] } },
  forumId: string,
): string {
  return theForum(state.scenario.forums.find((f) => f.id === forumId)?.name ?? forumId);
}

/** The ruled claim on an issue, if the forum has ruled on it. */
export function rulingOn(state: GameState, issueId: string): Claim | undefined {
  return state.families.claims.find((c) => c.issueId === issueId && c.status === "ruled");
}

/** A case on the issue that is waiting for consent or for the ruling. */
export function caseOpenOn(state: GameState, issueId: string): Claim | undefined {
  return state.families.claims.find(
    (c) => c.issueId === issueId && (c.status === "awaitingConsent" || c.status === "pending"),
  );
}

/** A binding ruling in force: every agreement must keep its option on its issue. */
export interface BindingRuling {
  claim: Claim;
  issueId: string;
  optionId: string;
}

/**
 * The binding rulings among `claims`: a state's (`bindingRulings`), or a view's, for a bot or
 * a package form that must keep them as the rules will.
 */
export function bindingRulingsOf(claims: readonly Claim[]): BindingRuling[] {
  const out: BindingRuling[] = [];
  for (const claim of claims) {
    if (claim.status === "ruled" && claim.ruling?.binding) {
      out.push({ claim, issueId: claim.issueId, optionId: claim.ruling.optionId });
    }
  }
  return out;
}

/** Binding rulings in force: every agreement must keep their option. */
export const bindingRulings = (state: GameState): BindingRuling[] => bindingRulingsOf(state.families.claims);

/** The first binding ruling a package breaks, if any. */
export function brokenRuling(state: GameState, pkg: Package): BindingRuling | undefined {
  return bindingRulings(state).find((r) => pkg.options[r.issueId] !== r.optionId);
}

/** The seats that lost a ruling: the respondents when the claimant won, else the claimant. */
export function losersOf(claim: Claim): SeatId[] {
  if (!claim.ruling) return [];
  return claim.ruling.favours === claim.claimant ? [...claim.respondents] : [claim.claimant];
}

/** A case goes ahead: the forum will rule at the end of the round `roundsToRule` rounds from now. */
export function proceed(draft: GameState, claim: Claim, seq: number): void {
  const forum = draft.scenario.forums.find((f) => f.id === claim.forumId);
  claim.status = "pending";
  claim.answerByRound = undefined;
  claim.rulesInRound = draft.round + (forum?.roundsToRule ?? 2);
  const late = claim.rulesInRound > draft.scenario.rules.roundLimit;
  addLog(draft, {
    seq,
    by: "system",
    kind: "claimProceeds",
    approach: "judicial",
    text: `The case on ${issueName(draft, claim.issueId)} goes ahead before ${forumName(draft, claim.forumId)}: it will rule at the end of round ${claim.rulesInRound}${late ? ", after the talks are due to end" : ""}.`,
    visibleTo: "all",
  });
}

/** A respondent refuses jurisdiction (or lets the deadline pass): the case is declined. */
export function decline(draft: GameState, claim: Claim, refusers: SeatId[], seq: number, silent: boolean): void {
  claim.status = "declined";
  claim.answerByRound = undefined;
  const cost = magnitude(draft, "respondToClaim").refuseLegitimacy;
  for (const seat of refusers) {
    claim.responses[seat] = "refuse";
    addLegitimacy(draft, seat, cost);
  }
  addLog(draft, {
    seq,
    by: "system",
    kind: silent ? "claimLapsed" : "respondToClaim",
    approach: "judicial",
    text: `${seatNames(draft, refusers)} ${silent ? "did not answer in time and so refused" : "refused"} the jurisdiction of ${forumName(draft, claim.forumId)} on ${issueName(draft, claim.issueId)}: the case does not go ahead, at a cost in international standing.`,
    visibleTo: "all",
  });
}

/** Round-end hook: a case still waiting for consent after its deadline counts as refused. */
export function lapseUnansweredClaims(draft: GameState, seq: number): void {
  for (const claim of draft.families.claims) {
    if (claim.status !== "awaitingConsent" || (claim.answerByRound ?? draft.round) > draft.round) continue;
    const silent = claim.respondents.filter((s) => claim.responses[s] !== "consent");
    decline(draft, claim, silent, seq, true);
  }
}

/** Round-end hook: forums rule on the cases due this round, drawing from the claimant's merits. */
export function issueRulings(draft: GameState, seq: number): void {
  for (const claim of draft.families.claims) {
    if (claim.status === "pending" && claim.rulesInRound === draft.round) rule(draft, claim, seq);
  }
}

function rule(draft: GameState, claim: Claim, seq: number): void {
  const issue = draft.scenario.issues.find((i) => i.id === claim.issueId);
  const forum = draft.scenario.forums.find((f) => f.id === claim.forumId);
  if (!issue?.legal) return;
  const [draw, next] = nextRandom(draft.rng);
  draft.rng = next;
  const claimantWins = draw < (issue.legal.merits[claim.claimant] ?? 0.5);
  const respondent = claim.respondents.find((s) => issue.legal?.positions[s] !== undefined) ?? claim.respondents[0];
  const favours = claimantWins || !respondent ? claim.claimant : respondent;
  const optionId = issue.legal.positions[favours] ?? issue.statusQuo;
  const binding = forum?.binding ?? true;
  claim.status = "ruled";
  claim.ruling = { optionId, favours, round: draft.round, binding };
  addTension(draft, magnitude(draft, "ruling").tension);
  if (binding) applyToNoDeal(draft, claim, issue, seq);
  addLog(draft, {
    seq,
    by: "system",
    kind: "ruling",
    approach: "judicial",
    text: `${capitalised(forumName(draft, claim.forumId))} rules on ${issue.name} in favour of ${seatName(draft, favours)}: '${optionLabel(draft, issue.id, optionId)}'. ${
      binding
        ? "The ruling is binding: any agreement must keep it, and it applies if there is no deal."
        : "The ruling is advisory: it does not bind the parties."
    }`,
    visibleTo: "all",
  });
  if (binding) expireProposalsBreaking(draft, claim, seq);
}

/** A binding ruling changes the no-deal world: each state's BATNA moves by the ruled option's value against the status quo's. */
function applyToNoDeal(draft: GameState, claim: Claim, issue: Issue, seq: number): void {
  const optionId = claim.ruling?.optionId ?? issue.statusQuo;
  for (const seat of draft.seats) {
    if (!isDealParty(draft, seat)) continue;
    const table = draft.scenario.parties.find((p) => p.id === seat)?.payoffs[issue.id] ?? {};
    const shift = (table[optionId] ?? 0) - (table[issue.statusQuo] ?? 0);
    claim.batnaShift[seat] = shift;
    changeBatna(draft, seat, shift, "judicial", claim.claimant, seq);
  }
}

function expireProposalsBreaking(draft: GameState, claim: Claim, seq: number): void {
  const optionId = claim.ruling?.optionId;
  for (const proposal of draft.proposals) {
    if (proposal.status !== "open" || proposal.package.options[claim.issueId] === optionId) continue;
    proposal.status = "expired";
    addLog(draft, {
      seq,
      by: "system",
      kind: "proposalExpired",
      approach: "judicial",
      text: `Proposal ${proposal.id} by ${seatName(draft, proposal.by)} falls: it does not keep the ruling on ${issueName(draft, claim.issueId)}.`,
      visibleTo: [...new Set([proposal.by, ...proposal.to])],
    });
  }
}
