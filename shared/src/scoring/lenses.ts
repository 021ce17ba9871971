import { trustBetween } from "../rules/indicators.ts";
import { isDealParty } from "../rules/names.ts";
import type { GameState, SeatId } from "../rules/types.ts";
import type { LensOverrides, LensWeights } from "../scenario/schema.ts";
import { defined, type Metric, undefinedMetric } from "./metric.ts";
import { normalisedPoints } from "./normalise.ts";
import { outcomePoints } from "./score.ts";

export type { LensOverrides };

/**
 * The lens weights in force: the scenario's, then the table's own overrides (a session's
 * choice, fixed when the table was set up), then any overrides of this one report.
 */
export function lensWeights(state: Pick<GameState, "scenario" | "lenses">, overrides: LensOverrides = {}): LensWeights {
  const base = state.scenario.lenses;
  return {
    realist: { ...base.realist, ...withoutUndefined(state.lenses.realist), ...withoutUndefined(overrides.realist) },
    liberal: { ...base.liberal, ...withoutUndefined(state.lenses.liberal), ...withoutUndefined(overrides.liberal) },
  };
}

function withoutUndefined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface LensScore {
  /** The weighted mean of the components, on their 0–100 scales. */
  score: Metric;
  components: Record<string, Metric>;
}

/** The weighted mean of defined components; undefined (with the first reason) if any weighted one is not. */
function weightedMean(components: Record<string, Metric>, weights: Record<string, number>): Metric {
  let sum = 0;
  let total = 0;
  for (const [name, weight] of Object.entries(weights)) {
    if (weight === 0) continue;
    const component = components[name];
    if (!component?.defined) return undefinedMetric(component?.reason ?? `No ${name} component.`);
    sum += weight * component.value;
    total += weight;
  }
  return total === 0 ? undefinedMetric("Every weight of this lens is zero.") : defined(sum / total);
}

/**
 * Realist lens: the party's own outcome (points scaled 0–100) and its relative gains (its
 * scaled points minus the mean of the other states'), weighted by the lens weights.
 */
export function realistLens(state: GameState, seat: SeatId, weights: LensWeights["realist"]): LensScore {
  if (!isDealParty(state, seat)) return thirdParty();
  const own = normalisedPoints(state.scenario, seat, outcomePoints(state, seat));
  const others = state.seats.filter((s) => s !== seat && isDealParty(state, s));
  const otherScores = others.map((s) => normalisedPoints(state.scenario, s, outcomePoints(state, s)));
  let relative: Metric;
  if (!own.defined) relative = own;
  else if (others.length === 0) relative = undefinedMetric("There is no other state to compare with.");
  else {
    const missing = otherScores.find((m) => !m.defined);
    relative =
      missing ??
      defined(own.value - otherScores.reduce((sum, m) => sum + (m.defined ? m.value : 0), 0) / otherScores.length);
  }
  const components = { own, relative };
  return { score: weightedMean(components, weights), components };
}

/**
 * Liberal-internationalist lens: the party's own outcome (scaled 0–100), the table's joint
 * efficiency (percent of the best joint outcome), its mean trust with the other states and
 * its legitimacy at the end, weighted by the lens weights.
 */
export function liberalLens(
  state: GameState,
  seat: SeatId,
  weights: LensWeights["liberal"],
  efficiency: Metric,
): LensScore {
  if (!isDealParty(state, seat)) return thirdParty();
  const own = normalisedPoints(state.scenario, seat, outcomePoints(state, seat));
  const others = state.seats.filter((s) => s !== seat && isDealParty(state, s));
  const trust =
    others.length === 0
      ? undefinedMetric("There is no other state to trust.")
      : defined(others.reduce((sum, s) => sum + trustBetween(state, seat, s), 0) / others.length);
  const legitimacy = defined(state.indicators.legitimacy[seat] ?? 50);
  const components = { own, joint: efficiency, trust, legitimacy };
  return { score: weightedMean(components, weights), components };
}

function thirdParty(): LensScore {
  const reason = "The lenses score the states; a third party has no outcome of its own to weigh.";
  return { score: undefinedMetric(reason), components: {} };
}
