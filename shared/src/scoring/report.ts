import type { GameState, Package, SeatId } from "../rules/types.ts";
import type { LensWeights } from "../scenario/schema.ts";
import { type ApproachMix, approachMix } from "./approachMix.ts";
import { scenarioFrontier } from "./frontierCache.ts";
import { frontierPosition, type JointScore, jointScore, tableParties } from "./joint.ts";
import { type LensOverrides, type LensScore, lensWeights, liberalLens, realistLens } from "./lenses.ts";
import type { Metric } from "./metric.ts";
import { nashPoint } from "./nash.ts";
import { type PartyScore, scoreTable } from "./score.ts";
import { type Trajectories, trajectories } from "./trajectories.ts";

export type NashReport =
  | { defined: true; package: Package; points: Record<SeatId, number> }
  | { defined: false; reason: string };

export interface TableReport extends JointScore {
  /** The states whose points make up the joint outcome, the frontier and the Nash point. */
  parties: SeatId[];
  scores: PartyScore[];
  frontier: {
    size: number;
    /** Frontier points (each state's points), at most `frontierPointLimit` of them. */
    points: Record<SeatId, number>[];
    truncated: boolean;
  };
  onFrontier: boolean;
  distanceToFrontier: Metric;
  /** The Nash bargaining point over the current (final) BATNAs. */
  nash: NashReport;
  trajectories: Trajectories;
  approaches: Record<SeatId, ApproachMix>;
  lensWeights: LensWeights;
  lenses: Record<SeatId, { realist: LensScore; liberal: LensScore }>;
}

export interface ReportOptions {
  /** A session's lens weights, over the scenario's. */
  lenses?: LensOverrides;
}

export const frontierPointLimit = 2000;

/** Everything the debrief shows about a table, computed from its state alone. */
export function tableReport(state: GameState, options: ReportOptions = {}): TableReport {
  const parties = tableParties(state);
  const joint = jointScore(state);
  const frontier = scenarioFrontier(state.scenario, parties);
  const d = parties.length;
  const pointsAt = (i: number) =>
    Object.fromEntries(parties.map((s, j) => [s, frontier.points[i * d + j] ?? 0])) as Record<SeatId, number>;
  const shown = Math.min(frontier.size, frontierPointLimit);
  const nash = nashPoint(
    frontier,
    parties.map((s) => state.batna[s] ?? 0),
  );
  const position = frontierPosition(state);
  const weights = lensWeights(state, options.lenses);
  return {
    parties,
    scores: scoreTable(state),
    ...joint,
    frontier: {
      size: frontier.size,
      points: Array.from({ length: shown }, (_, i) => pointsAt(i)),
      truncated: shown < frontier.size,
    },
    onFrontier: position.onFrontier,
    distanceToFrontier: position.distance,
    nash: nash.defined
      ? { defined: true, package: nash.package, points: pointsAt(nash.index) }
      : { defined: false, reason: nash.reason },
    trajectories: trajectories(state),
    approaches: Object.fromEntries(state.seats.map((s) => [s, approachMix(state, s)])),
    lensWeights: weights,
    lenses: Object.fromEntries(
      state.seats.map((s) => [
        s,
        {
          realist: realistLens(state, s, weights.realist),
          liberal: liberalLens(state, s, weights.liberal, joint.efficiency),
        },
      ]),
    ),
  };
}
