import type { SeatId } from "../rules/types.ts";
import { unit } from "./dice.ts";
import type { PackageSpace } from "./packageSpace.ts";
import type { PersonaParameters } from "./personas.ts";
import { meanTrustWith, offersFrom, pointsOf, type Situation, trustWith } from "./situation.ts";

/**
 * Where a bot stands on the numbers this round: what it hopes for (aspiration), what it
 * will not go below (floor), and why.
 */
export interface Stance {
  /** The best points any package allowed now gives it (binding rulings kept, unlocked creative options in). */
  best: number;
  /** Its no-deal value, with the expected effect of binding cases still pending. */
  expectedBatna: number;
  /** Its mean trust in the other states. */
  trust: number;
  /** Extra points it asks for because it distrusts the other side. */
  premium: number;
  /** expectedBatna + premium: below this, no deal is better. */
  reservation: number;
  /** Where its concessions stop. */
  floor: number;
  aspiration: number;
  /** True when it held its ground this round because it was pressed (tit-for-tat). */
  heldAfterPressure: boolean;
  /**
   * Its points from locked creative options in reach (an integrator's): an offer
   * without them must be worth that much more while there is time to unlock them.
   */
  creativeInReach: number;
  /** True when it hardened against a counterpart that exploited its openness. */
  guarded: boolean;
}

/**
 * How much a bot doubts that a deal with parties it trusts this much would hold: 0 at trust
 * 50 or more, 1 at trust 0, rising steeply below 50 (a little distrust already weighs).
 */
export function distrust(trust: number): number {
  return Math.sqrt(Math.min(1, Math.max(0, (50 - trust) / 50)));
}

/** The persona's parameters as this game's bot has them: the dice vary them a little. */
export function jitter(parameters: PersonaParameters, dice: number): PersonaParameters {
  return {
    ...parameters,
    concessionExponent: parameters.concessionExponent * (0.75 + 0.6 * unit(dice, "exponent")),
    floorShare: Math.max(0, parameters.floorShare + 0.1 * (unit(dice, "floor") - 0.5)),
    distrustPremium: parameters.distrustPremium * (0.8 + 0.4 * unit(dice, "premium")),
  };
}

/** Creative options the bot puts in its packages: unlocked, and not bad for it. */
export function creativeFor(situation: Situation, parameters: PersonaParameters): string[] {
  const bonus = situation.view.me?.creativeBonus ?? {};
  return situation.unlocked.filter((id) =>
    parameters.opponentModel === "learned" ? (bonus[id] ?? 0) >= 0 : (bonus[id] ?? 0) > 0,
  );
}

export function creativePoints(situation: Situation, creative: readonly string[]): number {
  const bonus = situation.view.me?.creativeBonus ?? {};
  return creative.reduce((sum, id) => sum + (bonus[id] ?? 0), 0);
}

/** Whether the package at sorted index `p` keeps every binding ruling. */
export function keepsRulings(situation: Situation, space: PackageSpace, p: number): boolean {
  const k = space.issues.length;
  for (let i = 0; i < k; i++) {
    const issue = space.issues[i];
    const fixed = issue ? situation.fixed[issue.id] : undefined;
    if (fixed !== undefined && issue?.options[space.choices[p * k + i] ?? 0] !== fixed) return false;
  }
  return true;
}

/** The expected change to its no-deal value from binding cases that will be ruled before the talks end. */
function expectedRulingShift(situation: Situation): number {
  const { view, me } = situation;
  const payoffs = view.me?.payoffs ?? {};
  let shift = 0;
  for (const claim of view.claims) {
    if (claim.status !== "pending" || (claim.rulesInRound ?? Number.POSITIVE_INFINITY) > situation.roundLimit) continue;
    const forum = view.scenario.forums.find((f) => f.id === claim.forumId);
    const issue = view.scenario.issues.find((i) => i.id === claim.issueId);
    const merits = view.me?.merits[claim.issueId];
    if (!forum || forum.binding === false || !issue?.legal || merits === undefined) continue;
    const mine = issue.legal.positions[me];
    const theirs = Object.entries(issue.legal.positions).find(([seat, option]) => seat !== me && option !== mine)?.[1];
    const value = (option: string | undefined) =>
      (payoffs[issue.id]?.[option ?? issue.statusQuo] ?? 0) - (payoffs[issue.id]?.[issue.statusQuo] ?? 0);
    shift += merits * value(mine) + (1 - merits) * value(theirs ?? issue.statusQuo);
  }
  return shift;
}

/** How much the other states have conceded to the viewer, in its own points (the most any one conceded). */
export function concessionsReceived(situation: Situation): number {
  let most = 0;
  for (const seat of situation.counterparts) {
    const offers = offersFrom(situation, seat).map((p) => pointsOf(situation, p.package));
    const first = offers[0];
    if (first === undefined) continue;
    most = Math.max(most, Math.max(...offers) - first);
  }
  return most;
}

export function computeStance(
  situation: Situation,
  space: PackageSpace,
  parameters: PersonaParameters,
  options: { pressedRecently: boolean; guarded: boolean; counterparts?: readonly SeatId[] },
): Stance {
  const creative = creativeFor(situation, parameters);
  let bestOwn = space.own[0] ?? 0;
  for (let p = 0; p < space.size; p++) {
    if (keepsRulings(situation, space, p)) {
      bestOwn = space.own[p] ?? 0;
      break;
    }
  }
  const best = bestOwn + creativePoints(situation, creative);
  const expectedBatna = (situation.view.me?.batna ?? 0) + expectedRulingShift(situation);
  const trust = meanTrustWith(situation.view, situation.me, options.counterparts ?? situation.counterparts);
  const doubt = distrust(trust);
  const premium = parameters.distrustPremium * doubt * Math.max(0, best - expectedBatna);
  const reservation = expectedBatna + premium;
  const exponent = parameters.concessionExponent * (options.guarded ? 2 : 1);
  const floorShare = Math.min(0.9, parameters.floorShare + (options.guarded ? 0.1 : 0));
  const floor = Math.min(best, reservation + floorShare * Math.max(0, best - reservation));
  const span = Math.max(0, best - floor);
  let conceded = situation.time ** exponent;
  if (parameters.mirrorsConcessions && span > 0)
    conceded = Math.max(conceded, Math.min(1, concessionsReceived(situation) / span));
  let aspiration = best - span * conceded;
  let heldAfterPressure = false;
  const lastOffer = situation.myOpenProposal ?? lastProposalBy(situation);
  if (options.pressedRecently && lastOffer) {
    const held = pointsOf(situation, lastOffer.package);
    if (held > aspiration) {
      aspiration = Math.min(best, held);
      heldAfterPressure = true;
    }
  }
  // Never ask for less than a deal it has already accepted and that waits for the others.
  for (const proposal of situation.view.proposals) {
    if (proposal.status === "open" && proposal.acceptedBy.includes(situation.me)) {
      aspiration = Math.max(aspiration, Math.min(best, pointsOf(situation, proposal.package)));
    }
  }
  return {
    best,
    expectedBatna,
    trust,
    premium,
    reservation,
    floor,
    aspiration: Math.max(aspiration, floor),
    heldAfterPressure,
    guarded: options.guarded,
    creativeInReach: creativeInReach(situation, parameters),
  };
}

function lastProposalBy(situation: Situation) {
  const mine = situation.view.proposals.filter((p) => p.by === situation.me);
  return mine[mine.length - 1];
}

/** How close trust must be to a creative option's threshold for an integrator to wait for it. */
export const creativeReach = 8;

/** Its bonus from creative options whose groundwork is done and whose trust is nearly there, with time left. */
function creativeInReach(situation: Situation, parameters: PersonaParameters): number {
  if (!parameters.proposesCreative || parameters.opponentModel !== "learned") return 0;
  if (situation.round > situation.roundLimit - 2 || situation.counterparts.length === 0) return 0;
  const { view, me } = situation;
  const bonus = view.me?.creativeBonus ?? {};
  const coldest = Math.min(...situation.counterparts.map((s) => trustWith(view, me, s)));
  let sum = 0;
  for (const option of view.scenario.creativeOptions) {
    if (option.unlocked || (bonus[option.id] ?? 0) <= 0) continue;
    const groundwork =
      option.unlock.after.length === 0 || option.unlock.after.some((k) => (view.groundwork[k] ?? 0) > 0);
    if (groundwork && coldest >= option.unlock.trust - creativeReach) {
      sum += bonus[option.id] ?? 0;
    }
  }
  return sum;
}
