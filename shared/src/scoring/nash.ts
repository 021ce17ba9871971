import type { Package } from "../rules/types.ts";
import type { Frontier } from "./pareto.ts";

export type FrontierPick =
  | { defined: true; index: number; points: number[]; package: Package }
  | { defined: false; reason: string };

/**
 * The Nash bargaining point: the package that maximises the product of every party's
 * surplus over its no-deal value (`disagreement`, in the frontier's party order). It lies on
 * the frontier (improving a package for one party raises a product of positive surpluses),
 * so only frontier points are searched. Undefined when no package beats every BATNA.
 */
export function nashPoint(frontier: Frontier, disagreement: number[]): FrontierPick & { product?: number } {
  const d = frontier.parties.length;
  let best = -1;
  let bestLog = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < frontier.size; i++) {
    let logProduct = 0;
    for (let j = 0; j < d; j++) {
      const surplus = (frontier.points[i * d + j] ?? 0) - (disagreement[j] ?? 0);
      if (surplus <= 0) {
        logProduct = Number.NEGATIVE_INFINITY;
        break;
      }
      logProduct += Math.log(surplus);
    }
    if (logProduct > bestLog) {
      bestLog = logProduct;
      best = i;
    }
  }
  if (best < 0) {
    return {
      defined: false,
      reason:
        "No package gives every party more than its alternative to a deal, so there is no bargaining surplus to share.",
    };
  }
  const points = Array.from(frontier.points.subarray(best * d, best * d + d));
  const product = points.reduce((p, v, j) => p * (v - (disagreement[j] ?? 0)), 1);
  return { defined: true, index: best, points, package: frontier.packageAt(best), product };
}

/**
 * The package that maximises the smallest surplus over the no-deal values: the arbitrator's
 * fallback when no package beats every BATNA. It too lies on the frontier.
 */
export function maximinPoint(frontier: Frontier, disagreement: number[]): FrontierPick {
  const d = frontier.parties.length;
  let best = -1;
  let bestMin = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < frontier.size; i++) {
    let least = Number.POSITIVE_INFINITY;
    for (let j = 0; j < d; j++) least = Math.min(least, (frontier.points[i * d + j] ?? 0) - (disagreement[j] ?? 0));
    if (least > bestMin) {
      bestMin = least;
      best = i;
    }
  }
  if (best < 0) return { defined: false, reason: "The outcome space is empty." };
  return {
    defined: true,
    index: best,
    points: Array.from(frontier.points.subarray(best * d, best * d + d)),
    package: frontier.packageAt(best),
  };
}
