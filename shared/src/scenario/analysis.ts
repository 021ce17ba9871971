import type { AgreementRule, Scenario } from "./schema.ts";

/** One option per issue, by issue id (creative options left out: they are conditional). */
export type OptionChoice = Record<string, string>;

export interface PackageValue {
  options: OptionChoice;
  /** Points per state party. */
  points: Record<string, number>;
  /** Sum over the state parties. */
  joint: number;
}

export interface IssueProfile {
  /** Per state: its best minus its worst payoff on this issue (how much the issue matters to it). */
  stakes: Record<string, number>;
  /** Per state: the option(s) it likes best. */
  bestOptions: Record<string, string[]>;
}

/**
 * The numbers an author needs to judge a scenario, over the state parties' private tables at
 * the start of play (before erosion, escalation or events):
 * - `midpoint`: the midpoint compromise. Per issue, each state's payoffs are scaled to 0–1
 *   between its worst and best option on that issue (an issue a state does not care about
 *   counts as 1 for every option); the midpoint option is the one that leaves the
 *   worst-off state best off (the highest lowest scaled value), ties broken by the higher
 *   mean, then by the order of the options. It is what "meeting in the middle issue by
 *   issue" gives, without trading across issues.
 * - `bestJoint`: the package with the highest sum of the states' points.
 * - `zone`: packages that the agreement rule could accept with every accepting state above
 *   its BATNA (for "all": every state above its BATNA).
 * - `nash`: among packages that put every state above its BATNA, the one maximising the
 *   product of their surpluses (the Nash bargaining point); undefined when there is none.
 */
export interface ScenarioAnalysis {
  states: string[];
  packageCount: number;
  parties: Record<string, { best: number; worst: number; batna: number }>;
  issues: Record<string, IssueProfile>;
  midpoint: PackageValue;
  bestJoint: PackageValue;
  zone: { count: number; example?: OptionChoice };
  /** Packages that put every state (not just a qualifying coalition) above its BATNA. */
  everyoneAbove: number;
  nash?: PackageValue;
}

export function analyseScenario(scenario: Scenario): ScenarioAnalysis {
  const states = scenario.parties.filter((p) => p.kind === "state");
  const stateIds = states.map((s) => s.id);
  const issues = scenario.issues;
  /** payoff[i][o][s]: points of state s for option o of issue i. */
  const payoff = issues.map((issue) =>
    issue.options.map((option) => states.map((state) => state.payoffs[issue.id]?.[option.id] ?? 0)),
  );
  const batnas = states.map((s) => s.batna);

  const profiles: Record<string, IssueProfile> = {};
  issues.forEach((issue, i) => {
    const stakes: Record<string, number> = {};
    const bestOptions: Record<string, string[]> = {};
    states.forEach((state, s) => {
      const values = column(payoff[i], s);
      const max = Math.max(...values);
      stakes[state.id] = max - Math.min(...values);
      bestOptions[state.id] = issue.options.filter((_, o) => values[o] === max).map((o) => o.id);
    });
    profiles[issue.id] = { stakes, bestOptions };
  });

  const packageValue = (choice: number[]): PackageValue => {
    const options: OptionChoice = {};
    const points: Record<string, number> = {};
    let joint = 0;
    states.forEach((state, s) => {
      let sum = 0;
      choice.forEach((o, i) => {
        sum += payoff[i]?.[o]?.[s] ?? 0;
      });
      points[state.id] = sum;
      joint += sum;
    });
    choice.forEach((o, i) => {
      const issue = issues[i];
      if (issue) options[issue.id] = issue.options[o]?.id ?? "";
    });
    return { options, points, joint };
  };

  const midpointChoice = payoff.map((matrix) => midpointOption(matrix, states.length));
  const bestJointChoice = payoff.map((matrix) => argmax(matrix.map((row) => row.reduce((a, b) => a + b, 0))));

  const search = searchPackages(payoff, batnas, stateIds, scenario.rules.agreement);

  const parties: ScenarioAnalysis["parties"] = {};
  states.forEach((state, s) => {
    let best = 0;
    let worst = 0;
    for (const matrix of payoff) {
      const values = column(matrix, s);
      best += Math.max(...values);
      worst += Math.min(...values);
    }
    parties[state.id] = { best, worst, batna: state.batna };
  });

  return {
    states: stateIds,
    packageCount: payoff.reduce((n, matrix) => n * matrix.length, 1),
    parties,
    issues: profiles,
    midpoint: packageValue(midpointChoice),
    bestJoint: packageValue(bestJointChoice),
    zone: {
      count: search.zoneCount,
      ...(search.zoneExample ? { example: packageValue(search.zoneExample).options } : {}),
    },
    everyoneAbove: search.everyoneAbove,
    ...(search.nash ? { nash: packageValue(search.nash) } : {}),
  };
}

function column(matrix: number[][] | undefined, s: number): number[] {
  return (matrix ?? []).map((row) => row[s] ?? 0);
}

function argmax(values: number[]): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v > (values[best] ?? Number.NEGATIVE_INFINITY)) best = i;
  });
  return best;
}

/** The option that leaves the worst-off state best off on 0–1 scaled payoffs (see above). */
function midpointOption(matrix: number[][], stateCount: number): number {
  const scaled = matrix.map((row) => row.slice());
  for (let s = 0; s < stateCount; s++) {
    const values = column(matrix, s);
    const min = Math.min(...values);
    const range = Math.max(...values) - min;
    matrix.forEach((row, o) => {
      const target = scaled[o];
      if (target) target[s] = range === 0 ? 1 : ((row[s] ?? 0) - min) / range;
    });
  }
  let best = 0;
  let bestLowest = Number.NEGATIVE_INFINITY;
  let bestMean = Number.NEGATIVE_INFINITY;
  const epsilon = 1e-9;
  scaled.forEach((row, o) => {
    const lowest = Math.min(...row);
    const mean = row.reduce((a, b) => a + b, 0) / Math.max(1, row.length);
    if (lowest > bestLowest + epsilon || (Math.abs(lowest - bestLowest) <= epsilon && mean > bestMean + epsilon)) {
      best = o;
      bestLowest = lowest;
      bestMean = mean;
    }
  });
  return best;
}

interface SearchResult {
  zoneCount: number;
  zoneExample?: number[];
  everyoneAbove: number;
  nash?: number[];
}

/**
 * Visits every package once (depth-first over issues), skipping branches where no
 * completion can satisfy the agreement rule. Exact counts; fast enough for the format's
 * limit (8 issues × 6 options, 1.7 million packages).
 */
function searchPackages(payoff: number[][][], batnas: number[], stateIds: string[], rule: AgreementRule): SearchResult {
  const n = stateIds.length;
  // The most each state can still add from issue i onwards: the bound used for pruning.
  const remainingBest: number[][] = Array.from({ length: payoff.length + 1 }, () => new Array<number>(n).fill(0));
  for (let i = payoff.length - 1; i >= 0; i--) {
    for (let s = 0; s < n; s++) {
      const row = remainingBest[i];
      if (row) row[s] = (remainingBest[i + 1]?.[s] ?? 0) + Math.max(...column(payoff[i], s));
    }
  }
  const required = new Set<number>();
  let min = n;
  if (rule.rule === "qualified") {
    for (const id of [...rule.mustInclude, ...rule.vetoes]) {
      const index = stateIds.indexOf(id);
      if (index >= 0) required.add(index);
    }
    min = Math.max(rule.min, required.size);
  } else {
    for (let s = 0; s < n; s++) required.add(s);
  }

  const result: SearchResult = { zoneCount: 0, everyoneAbove: 0 };
  let nashProduct = Number.NEGATIVE_INFINITY;
  const choice: number[] = [];
  const sums = new Array<number>(n).fill(0);

  const visit = (i: number): void => {
    const bound = remainingBest[i] ?? [];
    let possible = 0;
    for (let s = 0; s < n; s++) {
      const canClear = (sums[s] ?? 0) + (bound[s] ?? 0) > (batnas[s] ?? 0);
      if (canClear) possible++;
      else if (required.has(s)) return;
    }
    if (possible < min) return;

    const matrix = payoff[i];
    if (!matrix) {
      result.zoneCount++;
      result.zoneExample ??= [...choice];
      if (possible === n) {
        result.everyoneAbove++;
        let product = 1;
        for (let s = 0; s < n; s++) product *= (sums[s] ?? 0) - (batnas[s] ?? 0);
        if (product > nashProduct) {
          nashProduct = product;
          result.nash = [...choice];
        }
      }
      return;
    }
    matrix.forEach((row, o) => {
      choice.push(o);
      for (let s = 0; s < n; s++) sums[s] = (sums[s] ?? 0) + (row[s] ?? 0);
      visit(i + 1);
      for (let s = 0; s < n; s++) sums[s] = (sums[s] ?? 0) - (row[s] ?? 0);
      choice.pop();
    });
  };
  visit(0);
  return result;
}
