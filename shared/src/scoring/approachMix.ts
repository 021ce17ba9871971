import { type Approach, approaches, type GameState, type SeatId, type ValueCause } from "../rules/types.ts";
import { defined, type Metric, undefinedMetric } from "./metric.ts";

export const valueCauses: ValueCause[] = [...approaches, "erosion", "scriptedEvent", "crisis"];

export interface ApproachMix {
  /** Moves of each approach the seat made (chat and passes not counted). */
  counts: Record<Approach, number>;
  /** Each approach's share of those moves, 0–1. */
  shares: Record<Approach, Metric>;
  /**
   * What moved the seat's value, by cause: the sum of every change of its no-deal value
   * (BATNA) caused by a move of that approach, by anyone, plus the jump from its BATNA to
   * the agreement's points, credited to the approach of the move that put the agreed package
   * on the table (creative bonuses to mutual gains). Round-end erosion, scripted events and
   * crises have causes of their own. The causes add up to its final points minus its
   * initial BATNA.
   */
  gains: Record<ValueCause, number>;
  /** The part of `gains` caused by the seat's own moves. */
  ownGains: Record<ValueCause, number>;
}

const zeroes = (): Record<ValueCause, number> =>
  Object.fromEntries(valueCauses.map((c) => [c, 0])) as Record<ValueCause, number>;

export function approachMix(state: GameState, seat: SeatId): ApproachMix {
  const counts = {
    ...(state.approachCounts[seat] ?? (Object.fromEntries(approaches.map((a) => [a, 0])) as Record<Approach, number>)),
  };
  const total = approaches.reduce((sum, a) => sum + counts[a], 0);
  const shares = Object.fromEntries(
    approaches.map((a) => [a, total === 0 ? undefinedMetric("No moves made yet.") : defined(counts[a] / total)]),
  ) as Record<Approach, Metric>;
  const gains = zeroes();
  const ownGains = zeroes();
  for (const change of state.valueChanges) {
    if (change.seat !== seat) continue;
    gains[change.cause] += change.delta;
    if (change.by === seat) ownGains[change.cause] += change.delta;
  }
  return { counts, shares, gains, ownGains };
}
