import type { GameState, SeatId } from "../rules/types.ts";

/** The indicators at the end of each round, as series for the debrief charts. */
export interface Trajectories {
  rounds: number[];
  tension: number[];
  /** Mean trust over every pair of seats. */
  meanTrust: number[];
  /** Per pair, keyed like `indicators.trust`. */
  trust: Record<string, number[]>;
  legitimacy: Record<SeatId, number[]>;
  /** Each seat's no-deal value (private: only in reports for the instructor and after the game). */
  batna: Record<SeatId, number[]>;
}

export function trajectories(state: Pick<GameState, "history">): Trajectories {
  const out: Trajectories = { rounds: [], tension: [], meanTrust: [], trust: {}, legitimacy: {}, batna: {} };
  for (const snapshot of state.history) {
    out.rounds.push(snapshot.round);
    out.tension.push(snapshot.indicators.tension);
    const pairs = Object.values(snapshot.indicators.trust);
    out.meanTrust.push(pairs.length === 0 ? 50 : pairs.reduce((sum, v) => sum + v, 0) / pairs.length);
    appendEach(out.trust, snapshot.indicators.trust);
    appendEach(out.legitimacy, snapshot.indicators.legitimacy);
    appendEach(out.batna, snapshot.batna);
  }
  return out;
}

function appendEach(series: Record<string, number[]>, values: Record<string, number>): void {
  for (const [key, value] of Object.entries(values)) {
    const line = series[key] ?? [];
    line.push(value);
    series[key] = line;
  }
}
