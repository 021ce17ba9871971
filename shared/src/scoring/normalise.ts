import type { SeatId } from "../rules/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { defined, type Metric, undefinedMetric } from "./metric.ts";
import { pointRange } from "./points.ts";

/**
 * A party's points scaled between its worst (0) and best (100) packages, so parties with
 * differently sized tables compare. Outside that range (a BATNA eroded below the worst
 * package, say) the value is clamped to 0–100.
 */
export function normalisedPoints(scenario: Scenario, seat: SeatId, points: number): Metric {
  const { best, worst } = pointRange(scenario, seat);
  if (best === worst) return undefinedMetric("Every package is worth the same to this party.");
  return defined(Math.max(0, Math.min(100, (100 * (points - worst)) / (best - worst))));
}

/** The same scale without clamping, for distances in the outcome space. */
export function scaledPoints(scenario: Scenario, seat: SeatId, points: number): number | undefined {
  const { best, worst } = pointRange(scenario, seat);
  return best === worst ? undefined : (100 * (points - worst)) / (best - worst);
}
