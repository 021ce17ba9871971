import type { SeatId } from "../rules/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { outcomeSpace } from "./outcomeSpace.ts";
import { type Frontier, paretoFrontier } from "./pareto.ts";

const cache = new WeakMap<Scenario, Map<string, Frontier>>();

/**
 * The Pareto frontier of a scenario's whole outcome space (every creative option allowed)
 * for the given parties. It depends on the scenario alone, so it is computed once per
 * scenario and party list: views are rebuilt after every move.
 */
export function scenarioFrontier(scenario: Scenario, parties: SeatId[]): Frontier {
  let byParties = cache.get(scenario);
  if (!byParties) {
    byParties = new Map();
    cache.set(scenario, byParties);
  }
  const key = parties.join("|");
  let frontier = byParties.get(key);
  if (!frontier) {
    frontier = paretoFrontier(outcomeSpace(scenario, parties));
    byParties.set(key, frontier);
  }
  return frontier;
}
