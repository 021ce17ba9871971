import type { TableView } from "../view/viewFor.ts";
import { acceptable, councilVote, courtAnswer, type Decision, rejection, thirdPartyAnswer } from "./answers.ts";
import { mediatorProposalAnswer } from "./mediatorAnswer.ts";
import { packageSpaceFor } from "./packageSpace.ts";
import type { PersonaParameters } from "./personas.ts";
import { pressuresOn, readSituation, type Situation, sharedWith } from "./situation.ts";
import { computeStance } from "./stance.ts";
import { stateMainMove } from "./stateMove.ts";
import { facilitatorMove, mediatorMove } from "./thirdParties.ts";

/** The seq of the bot's own last main move (its last log line that is not an answer), or -1. */
function lastOwnMoveSeq(situation: Situation): number {
  const free = new Set([
    "accept",
    "reject",
    "withdraw",
    "chat",
    "walkAway",
    "acceptMediation",
    "consentArbitration",
    "respondToClaim",
    "comply",
    "defy",
  ]);
  for (let i = situation.view.log.length - 1; i >= 0; i--) {
    const entry = situation.view.log[i];
    if (entry && entry.by === situation.me && !free.has(entry.kind)) return entry.seq;
  }
  return -1;
}

/**
 * The one decision procedure every persona runs, from its seat's view alone: first the
 * answers that cannot wait (courts, mediation, arbitration, an acceptable proposal, a
 * council's draft coming to the vote), then
 * its main move of the round, then its answer to a mediator's proposal it will not accept
 * now (what it needs, and a rejection when it would never take it), then a rejection of
 * what it will not take. Null when it has nothing to do now.
 */
export function decide(view: TableView, parameters: PersonaParameters, dice: number): Decision | null {
  const situation = readSituation(view);
  if (!situation) return null;
  const space = packageSpaceFor(view);
  if (situation.kind === "mediator") return mediatorMove(situation, space, dice);
  if (situation.kind === "ngo") return facilitatorMove(situation, parameters);

  const pressures = pressuresOn(situation);
  const since = lastOwnMoveSeq(situation);
  const recentPressures = pressures.filter((p) => p.seq > since);
  const opened = sharedWith(situation);
  const exploiters = parameters.guardsAgainstExploitation
    ? [...new Set(pressures.filter((p) => opened.has(p.by) || p.round > 1).map((p) => p.by))]
    : [];
  const stance = computeStance(situation, space, parameters, {
    pressedRecently: parameters.mirrorsApproach && recentPressures.length > 0,
    guarded: exploiters.length > 0,
  });

  const answer =
    courtAnswer(situation, parameters) ??
    thirdPartyAnswer(situation, parameters) ??
    acceptable(situation, parameters, stance) ??
    councilVote(situation, parameters, stance);
  if (answer) return answer;
  if (!situation.acted) {
    return stateMainMove({ situation, space, parameters, stance, dice, pressures, recentPressures, exploiters });
  }
  return mediatorProposalAnswer(situation, parameters, stance) ?? rejection(situation, parameters, stance) ?? null;
}
