import { isDealParty } from "../rules/names.ts";
import type { GameState, SeatId } from "../rules/types.ts";
import { type Metric, undefinedMetric } from "./metric.ts";
import { normalisedPoints } from "./normalise.ts";
import { packagePoints } from "./points.ts";

export type { Metric } from "./metric.ts";

export interface PartyScore {
  seat: SeatId;
  /** Points of the outcome under this party's private table, or its BATNA without a deal. */
  points: number;
  /** Points scaled between the party's worst (0) and best (100) possible packages. */
  normalised: Metric;
  /** Points above (or below) the party's BATNA at the end. */
  surplus: number;
  batna: number;
  inAgreement: boolean;
}

/** A third party's (mediator, NGO) aims: points for any agreement, and per point of tension below 50. */
export interface Aims {
  agreementBonus: number;
  tensionWeight: number;
}

/**
 * A third party's points from its aims, in their two parts: the agreement's (if any) and the
 * table's calm (tension below 50 at the end, negative above). The one place this is computed:
 * scores, and the screens that explain them.
 */
export function aimsPoints(
  aims: Aims,
  agreed: boolean,
  tension: number,
): { agreement: number; calm: number; total: number } {
  const agreement = agreed ? aims.agreementBonus : 0;
  const calm = aims.tensionWeight * (50 - tension);
  return { agreement, calm, total: agreement + calm };
}

/** A third party without aims in its scenario scores nothing. */
export const noAims: Aims = { agreementBonus: 0, tensionWeight: 0 };

/** Points each seat gets from the current outcome (or from no agreement, if none yet). */
export function outcomePoints(state: GameState, seat: SeatId): number {
  const outcome = state.outcome;
  if (!isDealParty(state, seat)) {
    const aims = state.scenario.parties.find((p) => p.id === seat)?.aims ?? noAims;
    return aimsPoints(aims, outcome?.kind === "agreement", state.indicators.tension).total;
  }
  if (outcome?.kind === "agreement" && outcome.parties.includes(seat)) {
    return packagePoints(state.scenario, seat, outcome.package);
  }
  return state.batna[seat] ?? 0;
}

export function scoreParty(state: GameState, seat: SeatId): PartyScore {
  const points = outcomePoints(state, seat);
  const batna = state.batna[seat] ?? 0;
  const inAgreement = state.outcome?.kind === "agreement" && state.outcome.parties.includes(seat);
  let normalised: Metric;
  if (!isDealParty(state, seat)) {
    normalised = undefinedMetric("A third party has no payoff table to scale against.");
  } else {
    normalised = normalisedPoints(state.scenario, seat, points);
  }
  return { seat, points, normalised, surplus: isDealParty(state, seat) ? points - batna : 0, batna, inAgreement };
}

export function scoreTable(state: GameState): PartyScore[] {
  return state.seats.map((seat) => scoreParty(state, seat));
}
