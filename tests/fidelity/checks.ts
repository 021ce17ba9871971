import type { GameResult } from "@parley/shared";
import { type Alternative, sampleOf, twoProportionTest, welchTest } from "./stats.ts";

/** The significance level of every check (one-sided). */
export const alpha = 0.05;

export interface Measure {
  label: string;
  n: number;
  /** A mean, or a rate for proportion tests. */
  value: number;
  sd?: number;
}

export interface Check {
  lesson: number;
  scenarioId: string;
  claim: string;
  test: "two-proportion z" | "Welch t";
  alternative: Alternative;
  a: Measure;
  b: Measure;
  statistic: number;
  p: number;
  /** "effect": holds when significant; "noEffect": holds when not significant (the lesson says there is none). */
  expect: "effect" | "noEffect";
  holds: boolean;
}

export interface Scope {
  scenarioId: string;
  applies: boolean;
  reason: string;
}

export interface Sizes {
  /** Also run the experiments whose checks are reported but not required (`npm run fidelity` does). */
  reported?: boolean;
  /** Games per round-robin cell (lessons 1, 3 and 6). */
  roundRobin: number;
  /** Games per arm of the dedicated experiments (lessons 2, 4 and 5). */
  arm: number;
  seed: number;
}

export function proportionCheck(
  base: Omit<Check, "test" | "statistic" | "p" | "holds" | "a" | "b">,
  a: { label: string; games: readonly GameResult[]; count: number },
  b: { label: string; games: readonly GameResult[]; count: number },
): Check {
  const result = twoProportionTest(a.count, a.games.length, b.count, b.games.length, base.alternative);
  const significant = result.p < alpha;
  return {
    ...base,
    test: "two-proportion z",
    a: { label: a.label, n: a.games.length, value: a.count / Math.max(1, a.games.length) },
    b: { label: b.label, n: b.games.length, value: b.count / Math.max(1, b.games.length) },
    statistic: result.statistic,
    p: result.p,
    holds: base.expect === "effect" ? significant : !significant,
  };
}

export function meanCheck(
  base: Omit<Check, "test" | "statistic" | "p" | "holds" | "a" | "b">,
  a: { label: string; values: readonly number[] },
  b: { label: string; values: readonly number[] },
): Check {
  const result = welchTest(a.values, b.values, base.alternative);
  const significant = result.p < alpha;
  const da = sampleOf(a.values);
  const db = sampleOf(b.values);
  return {
    ...base,
    test: "Welch t",
    a: { label: a.label, n: da.n, value: da.mean, sd: da.sd },
    b: { label: b.label, n: db.n, value: db.mean, sd: db.sd },
    statistic: result.statistic,
    p: result.p,
    holds: base.expect === "effect" ? significant : !significant,
  };
}

export const num = (values: readonly (number | null)[]) => values.map((v) => v ?? 0);

export const lessonTitles: Record<number, string> = {
  1: "Competitive bargaining claims more against a cooperative counterpart, but costs trust, tension and joint value; two hardliners agree least often",
  2: "Mediation raises the agreement rate between distrustful parties only when every party consents",
  3: "Two integrators come closest to the Pareto frontier",
  4: "Judicial settlement settles the legal issue it is seized of with a binding outcome; an unfavourable ruling raises tension; defiance costs legitimacy",
  5: "Track II measures early raise the later agreement rate",
  6: "No persona wins under both lenses in every scenario",
};
