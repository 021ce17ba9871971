import {
  apply,
  type Controller,
  type GameEvent,
  type GameState,
  initialState,
  type LensOverrides,
  replayNotice,
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
  /** Each event, when it was stored and the rules version that accepted it (null: before versions were recorded). */
  events: { event: GameEvent; at: string; rulesVersion?: number | null }[];
}

/**
 * Every state of a table, folded once with the rules: `states[i]` is the table after its
 * first i events. Exact by construction, and it makes any step, for any seat, instant. An
 * event these rules cannot fold (a log played under other rules) ends it: see `foldNotice`.
 */
export function foldLog(log: TableLogData): GameState[] {
  let state = initialState(log.scenario, log.seed, {
    seats: log.seats,
    controllers: log.controllers,
    lenses: log.lenses ?? undefined,
  });
  const states = [state];
  for (const { event } of log.events) {
    try {
      state = apply(state, event);
    } catch {
      break;
    }
    states.push(state);
  }
  return states;
}

/**
 * What the replay of `log` must tell its reader, given its fold: that it was played under
 * other rules (rulesNotice), and where these rules could not fold it, if they could not.
 */
export function foldNotice(log: Pick<TableLogData, "events">, states: readonly GameState[]): string | undefined {
  const last = states[states.length - 1];
  const failed = log.events[states.length - 1];
  let unfoldable: { seq: number; error: unknown } | undefined;
  if (last && failed) {
    try {
      apply(last, failed.event);
    } catch (error) {
      unfoldable = { seq: failed.event.seq, error };
    }
  }
  return replayNotice(
    log.events.map((e) => e.rulesVersion ?? null),
    unfoldable,
  );
}

/** The step at which each round starts (the first state showing that round). */
export function roundStarts(states: GameState[]): { round: number; step: number }[] {
  const starts: { round: number; step: number }[] = [];
  states.forEach((s, step) => {
    if (starts[starts.length - 1]?.round !== s.round) starts.push({ round: s.round, step });
  });
  return starts;
}
