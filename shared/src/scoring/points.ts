import type { Package, SeatId } from "../rules/types.ts";
import type { Scenario } from "../scenario/schema.ts";

/** Points of a package under one party's private table (options plus creative bonuses). */
export function packagePoints(scenario: Scenario, party: SeatId, pkg: Package): number {
  const table = scenario.parties.find((p) => p.id === party)?.payoffs ?? {};
  let points = 0;
  for (const issue of scenario.issues) {
    const option = pkg.options[issue.id];
    if (option !== undefined) points += table[issue.id]?.[option] ?? 0;
  }
  for (const id of pkg.creative ?? []) {
    points += scenario.creativeOptions.find((c) => c.id === id)?.bonus[party] ?? 0;
  }
  return points;
}

/**
 * The best and worst points a party can get from any package. Payoffs are additive over
 * issues, so each bound is the sum of per-issue bounds; positive creative bonuses can only
 * raise the best.
 */
export function pointRange(scenario: Scenario, party: SeatId): { best: number; worst: number } {
  const table = scenario.parties.find((p) => p.id === party)?.payoffs ?? {};
  let best = 0;
  let worst = 0;
  for (const issue of scenario.issues) {
    const values = issue.options.map((o) => table[issue.id]?.[o.id] ?? 0);
    best += Math.max(...values);
    worst += Math.min(...values);
  }
  for (const creative of scenario.creativeOptions) {
    const bonus = creative.bonus[party] ?? 0;
    if (bonus > 0) best += bonus;
    else worst += bonus;
  }
  return { best, worst };
}

/** The package a party likes best (first best option on each issue). */
export function bestPackageFor(scenario: Scenario, party: SeatId): Package {
  const table = scenario.parties.find((p) => p.id === party)?.payoffs ?? {};
  const options: Record<string, string> = {};
  for (const issue of scenario.issues) {
    let best = issue.options[0]?.id ?? "";
    for (const option of issue.options) {
      if ((table[issue.id]?.[option.id] ?? 0) > (table[issue.id]?.[best] ?? 0)) best = option.id;
    }
    options[issue.id] = best;
  }
  return { options, creative: [] };
}
