import { isDealParty } from "../rules/names.ts";
import type { GameState, SeatId } from "../rules/types.ts";
import { scenarioFrontier } from "./frontierCache.ts";
import { defined, type Metric, undefinedMetric } from "./metric.ts";
import { scaledPoints } from "./normalise.ts";
import { bestJointPoints, outcomeSpace } from "./outcomeSpace.ts";
import { outcomePoints } from "./score.ts";

/** The states seated at the table: the parties whose points make up the joint outcome. */
export function tableParties(state: GameState): SeatId[] {
  return state.seats.filter((s) => isDealParty(state, s));
}

/** Each state's points from the outcome (or from no deal), in `tableParties` order. */
export function outcomeVector(state: GameState): number[] {
  return tableParties(state).map((s) => outcomePoints(state, s));
}

export interface JointScore {
  jointPoints: number;
  /** The largest joint points of any package the scenario allows, creative options included. */
  bestJointPoints: number;
  /** Joint points as a percentage of the best joint points. */
  efficiency: Metric;
}

export function jointScore(state: GameState): JointScore {
  const parties = tableParties(state);
  const jointPoints = outcomeVector(state).reduce((sum, p) => sum + p, 0);
  const best = bestJointPoints(outcomeSpace(state.scenario, parties));
  const efficiency =
    best > 0
      ? defined((100 * jointPoints) / best)
      : undefinedMetric(
          "The best joint outcome is not worth more than zero points, so there is nothing to compare with.",
        );
  return { jointPoints, bestJointPoints: best, efficiency };
}

export interface FrontierPosition {
  /** True when no package is at least as good for every state and better for one. */
  onFrontier: boolean;
  /**
   * How far the outcome is from the nearest frontier package that is at least as good for
   * every state, each state's points scaled 0–100 between its worst and best packages
   * (Euclidean). 0 when the outcome is on (or beyond) the frontier.
   */
  distance: Metric;
}

export function frontierPosition(state: GameState): FrontierPosition {
  const parties = tableParties(state);
  const d = parties.length;
  const frontier = scenarioFrontier(state.scenario, parties);
  const outcome = outcomeVector(state);
  const scaledOutcome = parties.map((s, j) => scaledPoints(state.scenario, s, outcome[j] ?? 0));
  let onFrontier = true;
  let nearest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < frontier.size; i++) {
    let atLeast = true;
    let better = false;
    for (let j = 0; j < d; j++) {
      const f = frontier.points[i * d + j] ?? 0;
      const o = outcome[j] ?? 0;
      if (f < o) {
        atLeast = false;
        break;
      }
      if (f > o) better = true;
    }
    if (!atLeast || !better) continue;
    onFrontier = false;
    let squared = 0;
    for (let j = 0; j < d; j++) {
      const fs = scaledPoints(state.scenario, parties[j] ?? "", frontier.points[i * d + j] ?? 0) ?? 0;
      squared += (fs - (scaledOutcome[j] ?? 0)) ** 2;
    }
    nearest = Math.min(nearest, Math.sqrt(squared));
  }
  if (scaledOutcome.some((v) => v === undefined)) {
    return {
      onFrontier,
      distance: undefinedMetric("A party values every package the same, so the outcome space has no scale for it."),
    };
  }
  return { onFrontier, distance: defined(onFrontier ? 0 : nearest) };
}
