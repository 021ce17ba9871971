import type { Package, SeatId } from "../rules/types.ts";
import type { Scenario } from "../scenario/schema.ts";

/** One way to settle a factor (an issue's option, or a creative option in or out), with each party's points. */
export interface Choice {
  id: string;
  /** Points per party, in the order of the space's `parties`. */
  points: number[];
}

/** A dimension of the outcome space: an issue, or a creative option that is in the package or not. */
export interface Factor {
  kind: "issue" | "creative";
  id: string;
  choices: Choice[];
}

/**
 * Every package a table could agree on, as a product of factors. Payoffs are additive over
 * factors, which is what makes the frontier computable without listing every package.
 */
export interface OutcomeSpace {
  parties: SeatId[];
  factors: Factor[];
}

export interface SpaceConstraints {
  /** Issues whose option is fixed (binding rulings). */
  fixed?: Record<string, string>;
  /** Creative options that may be included; all of the scenario's when omitted. */
  creative?: readonly string[];
}

/** The outcome space of a scenario for the given parties, issues in scenario order, then creative options. */
export function outcomeSpace(scenario: Scenario, parties: SeatId[], constraints: SpaceConstraints = {}): OutcomeSpace {
  const tables = parties.map((seat) => scenario.parties.find((p) => p.id === seat)?.payoffs ?? {});
  const factors: Factor[] = scenario.issues.map((issue) => {
    const fixed = constraints.fixed?.[issue.id];
    const options = fixed === undefined ? issue.options : issue.options.filter((o) => o.id === fixed);
    return {
      kind: "issue",
      id: issue.id,
      choices: options.map((o) => ({ id: o.id, points: tables.map((t) => t[issue.id]?.[o.id] ?? 0) })),
    };
  });
  for (const creative of scenario.creativeOptions) {
    if (constraints.creative && !constraints.creative.includes(creative.id)) continue;
    factors.push({
      kind: "creative",
      id: creative.id,
      choices: [
        { id: "without", points: parties.map(() => 0) },
        { id: "with", points: parties.map((seat) => creative.bonus[seat] ?? 0) },
      ],
    });
  }
  return { parties: [...parties], factors };
}

/** The number of packages in the space. */
export function spaceSize(space: OutcomeSpace): number {
  return space.factors.reduce((size, f) => size * f.choices.length, 1);
}

/** The package that makes the given choice (by index) on every factor. */
export function packageFrom(space: OutcomeSpace, choices: ArrayLike<number>): Package {
  const options: Record<string, string> = {};
  const creative: string[] = [];
  space.factors.forEach((factor, i) => {
    const choice = factor.choices[choices[i] ?? 0];
    if (!choice) return;
    if (factor.kind === "issue") options[factor.id] = choice.id;
    else if (choice.id === "with") creative.push(factor.id);
  });
  return { options, creative };
}

/**
 * Visits every package with its points, in odometer order: what "scoring every outcome"
 * costs. Partial sums per depth keep each step to one vector addition.
 */
export function forEachOutcome(space: OutcomeSpace, visit: (points: Float64Array, choices: Int32Array) => void): void {
  const d = space.parties.length;
  const f = space.factors.length;
  if (space.factors.some((factor) => factor.choices.length === 0)) return;
  const choices = new Int32Array(f);
  // sums[k] = points of the choices on factors 0..k-1; sums[0] = 0.
  const sums = new Float64Array((f + 1) * d);
  const fill = (from: number) => {
    for (let k = from; k < f; k++) {
      const points = space.factors[k]?.choices[choices[k] ?? 0]?.points ?? [];
      for (let j = 0; j < d; j++) sums[(k + 1) * d + j] = (sums[k * d + j] ?? 0) + (points[j] ?? 0);
    }
  };
  fill(0);
  const out = sums.subarray(f * d, (f + 1) * d);
  for (;;) {
    visit(out, choices);
    let k = f - 1;
    while (k >= 0 && (choices[k] ?? 0) + 1 >= (space.factors[k]?.choices.length ?? 0)) {
      choices[k] = 0;
      k--;
    }
    if (k < 0) return;
    choices[k] = (choices[k] ?? 0) + 1;
    fill(k);
  }
}

/** The largest joint points (sum over the space's parties) of any package: the best per factor, added up. */
export function bestJointPoints(space: OutcomeSpace): number {
  let total = 0;
  for (const factor of space.factors) {
    total += Math.max(...factor.choices.map((c) => c.points.reduce((sum, p) => sum + p, 0)));
  }
  return total;
}
