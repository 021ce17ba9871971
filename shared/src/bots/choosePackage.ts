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
 * the one it expects the others to like best (a fixed-pie bargainer, expecting their gain
 * to be its loss, ends up just above its aspiration; a learning one trades across issues),
 * leaning slightly towards what they last offered. Ties are broken by the bot's dice.
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
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  let fallback = -1;
  for (let p = 0; p < space.size; p++) {
    if (!keepsRulings(situation, space, p)) continue;
    if (fallback < 0) fallback = p;
    if ((space.own[p] ?? 0) + bonus < stance.aspiration - 1e-9) break;
    let score = 0;
    for (const estimate of estimates) score += scaledEstimate(space, estimate, p);
    score /= Math.max(1, estimates.length);
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
