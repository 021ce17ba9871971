import { loadScenario } from "../../scenario/parse.ts";
import type { Scenario } from "../../scenario/schema.ts";

export interface RiverOptions {
  /** The `rules:` mapping, e.g. `{ roundLimit: 3, batnaErosionPerRound: 2 }`. */
  rules?: string;
  batnas?: { a: number; b: number };
  /** More seats, as YAML list items indented like the two states'. */
  extraParties?: string;
  /** A `legal:` mapping for the water issue, e.g. a court the states may go to. */
  waterLegal?: string;
  /** Further top-level YAML: forums, creative options, indicators. */
  extra?: string;
}

/** A third state of the basin that cares little either way (for `extraParties`). */
export const deltaParty = `  - id: c
    name: Delta
    publicBrief: Delta state.
    confidentialBrief: You mostly watch.
    batna: 10
    payoffs:
      water: { low: 5, high: 5 }
      fish: { few: 5, many: 5 }`;

/**
 * The rule tests' common fixture: two states share a river. Water matters to Upstream (a),
 * fish to Downstream (b), so trading them (a logroll: a 60, b 70) beats splitting both.
 * Each test adds what its rule needs (a court, a mediator, a third state) in YAML.
 */
export function riverScenario(options: RiverOptions = {}): Scenario {
  const batnas = options.batnas ?? { a: 30, b: 25 };
  return loadScenario(`
id: river
title: River
dateContext: now
summary: Two neighbours share a river.
recommended: { seats: 2, minutes: 10 }
rules: ${options.rules ?? "{ roundLimit: 3 }"}
parties:
  - id: a
    name: Upstream
    publicBrief: Upstream state.
    confidentialBrief: Water matters most to you.
    batna: ${batnas.a}
    payoffs:
      water: { low: 0, high: 60 }
      fish: { few: 40, many: 0 }
  - id: b
    name: Downstream
    publicBrief: Downstream state.
    confidentialBrief: Fish matter most to you.
    batna: ${batnas.b}
    payoffs:
      water: { low: 30, high: 0 }
      fish: { few: 0, many: 70 }
${options.extraParties ?? ""}
issues:
  - id: water
    name: Water
    statusQuo: low
    options: [{ id: low, label: Low }, { id: high, label: High }]
${options.waterLegal ? `    legal: ${options.waterLegal}` : ""}
  - id: fish
    name: Fish
    statusQuo: few
    options: [{ id: few, label: Few }, { id: many, label: Many }]
${options.extra ?? ""}
`);
}
