import { voteRound } from "../rules/proposals.ts";
import { forumName } from "../rules/rulings.ts";
import type { Move, Proposal } from "../rules/types.ts";
import type { PersonaParameters } from "./personas.ts";
import { listNames, meanTrustWith, nameOf, pointsOf, possessive, type Situation } from "./situation.ts";
import { distrust, type Stance } from "./stance.ts";

export interface Decision {
  move: Move;
  rationale: string;
}

const n = (value: number) => String(Math.round(value));

/** The states (other than the viewer) a proposal would bind. */
function otherDealParties(situation: Situation, proposal: Proposal): string[] {
  return [proposal.by, ...proposal.to].filter((s) => s !== situation.me && situation.states.includes(s));
}

/**
 * The least a proposal must be worth for the bot to accept it now: its aspiration, or in
 * the last round its reservation value (its BATNA plus the premium its distrust of the
 * proposal's other parties asks for).
 */
export function acceptanceBar(
  situation: Situation,
  parameters: PersonaParameters,
  stance: Stance,
  proposal: Proposal,
): { bar: number; reason: "aspiration" | "reservation"; reservation: number } {
  const others = otherDealParties(situation, proposal);
  const trust = meanTrustWith(situation.view, situation.me, others);
  const doubt = distrust(trust);
  const reservation =
    stance.expectedBatna + parameters.distrustPremium * doubt * Math.max(0, stance.best - stance.expectedBatna);
  const floor = Math.max(reservation, stance.floor - stance.reservation + reservation);
  if (situation.lastRound) return { bar: floor, reason: "reservation", reservation };
  // An integrator asks for the creative options it could have: unlocked ones the offer leaves out, and ones nearly unlocked.
  const bonus = situation.view.me?.creativeBonus ?? {};
  const missing =
    parameters.proposesCreative && parameters.opponentModel === "learned"
      ? situation.unlocked
          .filter((id) => !(proposal.package.creative ?? []).includes(id))
          .reduce((sum, id) => sum + Math.max(0, bonus[id] ?? 0), 0)
      : 0;
  return {
    bar: Math.max(stance.aspiration, floor) + stance.creativeInReach + missing,
    reason: "aspiration",
    reservation,
  };
}

/** The best open proposal to the bot that clears its bar, if any. */
export function acceptable(situation: Situation, parameters: PersonaParameters, stance: Stance): Decision | undefined {
  let best: { proposal: Proposal; points: number; bar: number; reason: string } | undefined;
  for (const proposal of situation.awaitingAnswer) {
    const points = pointsOf(situation, proposal.package);
    const { bar, reason } = acceptanceBar(situation, parameters, stance, proposal);
    if (points + 1e-9 >= bar && (!best || points > best.points)) best = { proposal, points, bar, reason };
  }
  if (!best) return undefined;
  const who = possessive(situation.view, best.proposal.by);
  const why =
    best.reason === "aspiration"
      ? `it is worth ${n(best.points)} to it, at or above its aspiration (${n(best.bar)})`
      : `it is the last round and the offer (${n(best.points)}) beats its no-deal value with a margin for distrust (${n(best.bar)})`;
  return {
    move: { kind: "accept", proposalId: best.proposal.id },
    rationale: `Accepted ${who} proposal because ${why}.`,
  };
}

/**
 * A proposal to reject, once the bot has made its own move this round. A bot that rejects
 * openly turns down everything it will not take; the others let an ordinary offer stand
 * (they may take it later) and reject only hard demands (anchors and ultimatums), or, when
 * they mirror, the offers of a side that rejected theirs.
 */
export function rejection(situation: Situation, parameters: PersonaParameters, stance: Stance): Decision | undefined {
  const rejectedMine = (seat: string) =>
    situation.view.proposals.some((p) => p.by === situation.me && p.rejectedBy.includes(seat));
  const proposal = situation.awaitingAnswer.find(
    (p) =>
      parameters.rejectsOpenly ||
      p.framing === "anchor" ||
      p.framing === "ultimatum" ||
      (parameters.mirrorsApproach && rejectedMine(p.by)),
  );
  if (!proposal) return undefined;
  const points = pointsOf(situation, proposal.package);
  const { bar } = acceptanceBar(situation, parameters, stance, proposal);
  const hard = proposal.framing === "anchor" || proposal.framing === "ultimatum" ? ` (${proposal.framing})` : "";
  return {
    move: { kind: "reject", proposalId: proposal.id },
    rationale: `Rejected ${possessive(situation.view, proposal.by)} proposal${hard}: worth ${n(points)} to it, below what it holds out for (${n(bar)}).`,
  };
}

/**
 * At a council (a qualified majority) a draft goes to the vote at the end of its life, where
 * silence is an abstention that lets it pass and binds the bot all the same. Before that
 * round ends the bot answers a draft due for the vote that it would not accept: a permanent
 * member vetoes it (the bots do not abstain: they vote for what they would accept and
 * against the rest), an elected member votes against one worth less than its reservation
 * value. The answer comes before its main move, so that the round cannot end first.
 */
export function councilVote(situation: Situation, parameters: PersonaParameters, stance: Stance): Decision | undefined {
  const { view, me } = situation;
  const rule = view.scenario.agreement;
  if (rule.rule !== "qualified") return undefined;
  const veto = rule.vetoes.includes(me);
  for (const proposal of situation.awaitingAnswer) {
    if (view.round < voteRound(proposal, view.scenario.roundLimit)) continue;
    const points = pointsOf(situation, proposal.package);
    const { bar, reservation } = acceptanceBar(situation, parameters, stance, proposal);
    const against = veto ? bar : reservation;
    if (points + 1e-9 >= against) continue;
    return {
      move: { kind: "reject", proposalId: proposal.id },
      rationale: `${veto ? "Vetoed" : "Voted against"} ${possessive(view, proposal.by)} draft as it came to the vote: worth ${n(points)} to it, below ${veto ? "what it would accept" : "its no-deal value with a margin for distrust"} (${n(against)}).`,
    };
  }
  return undefined;
}

/** Answers to the courts: jurisdiction over claims against it, and rulings that went against it. */
export function courtAnswer(situation: Situation, parameters: PersonaParameters): Decision | undefined {
  const { view, me } = situation;
  for (const claim of view.claims) {
    if (claim.status !== "awaitingConsent" || !claim.respondents.includes(me) || claim.responses[me]) continue;
    const merits = view.me?.merits[claim.issueId] ?? 0.5;
    const consent = merits >= parameters.acceptsJurisdictionFromMerits;
    const issue = view.scenario.issues.find((i) => i.id === claim.issueId)?.name ?? claim.issueId;
    const forum = forumName(view, claim.forumId);
    return {
      move: { kind: "respondToClaim", claimId: claim.id, consent },
      rationale: consent
        ? `Accepted the jurisdiction of ${forum} on ${issue}: its lawyers give it a ${Math.round(merits * 100)}% chance.`
        : `Refused the jurisdiction of ${forum} on ${issue}: its lawyers give it only a ${Math.round(merits * 100)}% chance, and it would rather pay in standing than risk a binding loss.`,
    };
  }
  for (const claim of view.claims) {
    if (claim.status !== "ruled" || !claim.ruling || claim.compliance[me]) continue;
    const lost = claim.ruling.favours === claim.claimant ? claim.respondents.includes(me) : claim.claimant === me;
    if (!lost) continue;
    const issue = view.scenario.issues.find((i) => i.id === claim.issueId)?.name ?? claim.issueId;
    const cost = -(claim.batnaShift[me] ?? 0);
    const defy = parameters.defiesRulings && claim.ruling.binding;
    return {
      move: { kind: defy ? "defy" : "comply", claimId: claim.id },
      rationale: defy
        ? `Defied the ruling on ${issue}: it does not accept the forum's authority over ${issue}${cost > 0 ? `, and complying would cost it ${n(cost)} points without a deal` : ""}.`
        : `Complied with the ruling on ${issue}: it respects the decision and keeps its standing.`,
    };
  }
  return undefined;
}

/** Consent to mediation someone asked for, and to arbitration when the persona wants it. */
export function thirdPartyAnswer(situation: Situation, parameters: PersonaParameters): Decision | undefined {
  const { view, me } = situation;
  if (
    situation.mediators.length > 0 &&
    view.mediation.invitedBy.length > 0 &&
    !view.mediation.consented.includes(me) &&
    parameters.mediation !== "refuse"
  ) {
    const by = listNames(view.mediation.invitedBy.map((s) => nameOf(view, s)));
    return {
      move: { kind: "acceptMediation" },
      rationale: `Accepted the mediation ${by} asked for: a neutral broker may find a package the two sides cannot find alone.`,
    };
  }
  if (situation.counterparts.length === 0 || view.arbitration.consented.includes(me)) return undefined;
  const othersConsented = view.arbitration.consented.some((s) => s !== me);
  const late = situation.round >= situation.roundLimit - 1;
  if ((parameters.arbitration === "seek" && late) || (parameters.arbitration === "accept" && othersConsented)) {
    return {
      move: { kind: "consentArbitration" },
      rationale: othersConsented
        ? "Consented to binding arbitration that the other side asked for: a fair award beats no deal."
        : "Consented to binding arbitration as the talks near their end without a deal: a tribunal's fair award beats falling back on its alternative.",
    };
  }
  return undefined;
}
