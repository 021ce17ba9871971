import type { Decision } from "./answers.ts";
import { creativeReach } from "./stance.ts";
import { bargain } from "./tactics/bargain.ts";
import { escalate, threaten } from "./tactics/competitive.ts";
import type { Context, Tactic } from "./tactics/context.ts";
import { fileClaim } from "./tactics/judicial.ts";
import { seekMediation, seekMediationWhenDistrustful, takeUpGoodOffices } from "./tactics/mediation.ts";
import {
  answerFactFinding,
  buildTowardsCreative,
  creativeCandidates,
  proposeCreative,
  shareInterests,
} from "./tactics/mutualGains.ts";
import { answerCooperationInKind, answerPressureInKind } from "./tactics/reciprocity.ts";
import { trackTwoOpening } from "./tactics/trackTwo.ts";

export type { Context } from "./tactics/context.ts";

/** The order in which a state considers its options; the persona's parameters switch each one on or off. */
const tactics: Tactic[] = [
  answerPressureInKind,
  answerCooperationInKind,
  trackTwoOpening,
  answerFactFinding,
  shareInterests,
  proposeCreative,
  seekMediationWhenDistrustful,
  takeUpGoodOffices,
  fileClaim,
  escalate,
  threaten,
];

/** What a state does with a round in which its standing offer needs no change. */
const spareRound: Tactic[] = [seekMediation, buildTowardsCreative];

/** A state's main move of the round. */
export function stateMainMove(context: Context): Decision {
  for (const tactic of tactics) {
    const decision = tactic(context);
    if (decision) return decision;
  }
  // An integrator lets last round's offer stand for a round when it can use the round to
  // build towards a creative option, and puts off bargaining when one is nearly in reach.
  const { situation, parameters } = context;
  const open = situation.myOpenProposal;
  const nearly = creativeCandidates(context).some(
    (c) => c.groundwork && c.coldest < c.option.unlock.trust && c.coldest >= c.option.unlock.trust - creativeReach,
  );
  const fresh = open !== undefined && open.round === situation.round - 1;
  if (parameters.opponentModel === "learned" && (fresh || (nearly && situation.round <= situation.roundLimit - 2))) {
    const building = buildTowardsCreative(context);
    if (building) return building;
  }
  const offer = bargain(context);
  if (offer && offer.move.kind !== "pass") return offer;
  for (const tactic of spareRound) {
    const decision = tactic(context);
    if (decision) return decision;
  }
  return offer ?? { move: { kind: "pass" }, rationale: "Passed: nothing useful to do this round." };
}
