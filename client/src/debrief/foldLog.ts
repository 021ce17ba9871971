import {
  apply,
  type Controller,
  type GameEvent,
  type GameState,
  initialState,
  type LensOverrides,
  type Scenario,
  type SeatId,
} from "@parley/shared";

/** A table's raw log as the server sends it to whoever may see everything (docs/API.md). */
export interface TableLogData {
  scenario: Scenario;
  tableId: string;
  number: number | null;
  seed: number;
  seats: SeatId[];
  controllers: Record<SeatId, Controller>;
  /** The session's lens weights, part of the table's setup. */
  lenses: LensOverrides | null;
  events: { event: GameEvent; at: string }[];
}

/**
 * Every state of a table, folded once with the rules: `states[i]` is the table after its
 * first i events. Exact by construction, and it makes any step, for any seat, instant.
 */
export function foldLog(log: TableLogData): GameState[] {
  let state = initialState(log.scenario, log.seed, {
    seats: log.seats,
    controllers: log.controllers,
    lenses: log.lenses ?? undefined,
  });
  const states = [state];
  for (const { event } of log.events) {
    state = apply(state, event);
    states.push(state);
  }
  return states;
}

/** The step at which each round starts (the first state showing that round). */
export function roundStarts(states: GameState[]): { round: number; step: number }[] {
  const starts: { round: number; step: number }[] = [];
  states.forEach((s, step) => {
    if (starts[starts.length - 1]?.round !== s.round) starts.push({ round: s.round, step });
  });
  return starts;
}
