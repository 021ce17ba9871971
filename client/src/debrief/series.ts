import {
  type Approach,
  approaches,
  approachMix,
  type GameState,
  meanTrust,
  outcomePoints,
  type SeatId,
  seatName,
} from "@parley/shared";
import type { Row, Series } from "../charts/lineSeries.ts";

/** The last state of every round: what the over-rounds charts plot. */
export function endOfRounds(states: GameState[]): GameState[] {
  const byRound = new Map<number, GameState>();
  for (const s of states) byRound.set(s.round, s);
  return [...byRound.values()];
}

/** Each party's points if the game ended then (its BATNA before a deal), round by round. */
export function scoreRows(rounds: GameState[]): { rows: Row[]; series: Series[] } {
  const first = rounds[0];
  const seats = first ? first.seats : [];
  return {
    series: seats.map((s) => ({ key: s, label: first ? seatName(first, s) : s })),
    rows: rounds.map((state) => {
      const row: Row = { round: state.round };
      for (const s of seats) row[s] = outcomePoints(state, s);
      return row;
    }),
  };
}

/** Trust lines drawn at most: more, at a table of five or eight, is a tangle nobody can read. */
export const pairsDrawn = 6;

/**
 * Tension, mean trust and trust of every pair, round by round: the first pairs drawn as
 * lines (`series`), the others in the numbers only (`more`). The chart had dropped those
 * others without a word: at a table of eight, 22 of its 28 pairs, the United States and
 * Russia among them, were nowhere.
 */
export function relationRows(rounds: GameState[]): { rows: Row[]; series: Series[]; more: Series[] } {
  const first = rounds[0];
  const pairs = first ? Object.keys(first.indicators.trust) : [];
  const pairLabel = (key: string) => {
    const [a = "", b = ""] = key.split("|");
    return first ? `Trust ${seatName(first, a)}–${seatName(first, b)}` : key;
  };
  const pairSeries = pairs.map((p) => ({ key: `trust:${p}`, label: pairLabel(p) }));
  return {
    series: [
      { key: "tension", label: "Tension" },
      ...(pairs.length > 1 ? [{ key: "meanTrust", label: "Mean trust" }] : []),
      ...pairSeries.slice(0, pairsDrawn),
    ],
    more: pairSeries.slice(pairsDrawn),
    rows: rounds.map((state) => {
      const row: Row = { round: state.round, tension: state.indicators.tension, meanTrust: meanTrust(state) };
      for (const p of pairs) row[`trust:${p}`] = state.indicators.trust[p];
      return row;
    }),
  };
}

/**
 * The approach mix's bars: the four approaches and Track II, then the basic moves (propose,
 * answer, walk away) that belong to none, so that a party who only proposed and answered
 * has a bar too (its row was empty, as if it had done nothing).
 */
export const countedApproaches: Approach[] = [...approaches.filter((a) => a !== "universal"), "universal"];

/** Each party's moves by approach at a step (chat and passes not counted). */
export function mixRows(state: GameState): { party: string; seat: SeatId; counts: Record<Approach, number> }[] {
  return state.seats.map((seat) => ({ seat, party: seatName(state, seat), counts: approachMix(state, seat).counts }));
}
