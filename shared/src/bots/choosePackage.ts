import type { Package, SeatId } from "../rules/types.ts";
import { unit } from "./dice.ts";
import { type Estimate, estimatePayoffs, scaledEstimate } from "./opponentModel.ts";
import { choicesOf, type PackageSpace, packageAt } from "./packageSpace.ts";
import type { PersonaParameters } from "./personas.ts";
import { offersFrom, type Situation } from "./situation.ts";
import { creativeFor, creativePoints, keepsRulings, type Stance } from "./stance.ts";

export interface PackageChoice {
  package: Package;
  /** Its points for the bot. */
  points: number;
  /** True when no allowed package reaches the aspiration (the bot offers its best instead). */
  belowAspiration: boolean;
  /** The counterparts whose interests it could read exactly on some issue (what they revealed). */
  informedBy: SeatId[];
}

/**
 * The package a bot proposes: among the allowed packages worth at least its aspiration,
 * the one it expects to do best for the others (a fixed-pie bargainer, expecting their
 * gain to be its loss, ends up just above its aspiration) or, for a learning bot, for
 * everyone together (it trades across issues), leaning slightly towards what they last
 * offered. Ties are broken by the bot's dice.
 */
export function choosePackage(
  situation: Situation,
  space: PackageSpace,
  parameters: PersonaParameters,
  stance: Stance,
  dice: number,
  counterparts: readonly SeatId[] = situation.counterparts,
): PackageChoice {
  const creative = creativeFor(situation, parameters);
  const bonus = creativePoints(situation, creative);
  const estimates: Estimate[] = counterparts.map((s) => estimatePayoffs(situation, space, s, parameters.opponentModel));
  const latest = counterparts
    .map((s) => offersFrom(situation, s).at(-1))
    .filter((p): p is NonNullable<typeof p> => p !== undefined)
    .map((p) => choicesOf(space, p.package));
  const k = space.issues.length;
  const joint = parameters.opponentModel === "learned";
  const ownWorst = space.own[space.size - 1] ?? 0;
  const ownRange = Math.max(1e-9, (space.own[0] ?? 0) - ownWorst);
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  let fallback = -1;
  for (let p = 0; p < space.size; p++) {
    if (!keepsRulings(situation, space, p)) continue;
    if (fallback < 0) fallback = p;
    if ((space.own[p] ?? 0) + bonus < stance.aspiration - 1e-9) break;
    // A learning bot maximises the joint gain it can see (its own share included); a
    // fixed-pie one, expecting the others' gain to be its loss, just what they get.
    let score = joint ? ((space.own[p] ?? 0) - ownWorst) / ownRange : 0;
    for (const estimate of estimates) score += scaledEstimate(space, estimate, p);
    score /= Math.max(1, estimates.length + (joint ? 1 : 0));
    let similarity = 0;
    for (const offer of latest) {
      let same = 0;
      for (let i = 0; i < k; i++) if (offer[i] === space.choices[p * k + i]) same++;
      similarity += same / Math.max(1, k);
    }
    score += (0.05 * similarity) / Math.max(1, latest.length) + 1e-6 * unit(dice, situation.view.seq, p);
    if (score > bestScore) {
      bestScore = score;
      best = p;
    }
  }
  const chosen = best >= 0 ? best : Math.max(0, fallback);
  return {
    package: packageAt(space, chosen, creative),
    points: (space.own[chosen] ?? 0) + bonus,
    belowAspiration: best < 0,
    informedBy: estimates.filter((e) => e.known.some(Boolean)).map((e) => e.seat),
  };
}
