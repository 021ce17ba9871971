import type { TableControl } from "@parley/shared";
import {
  type Controller,
  foldStored,
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
  /** What the instructor did to the table, beside its events (absent from servers before they were kept). */
  controls?: TableControl[];
}

/** A table's log folded for its debrief. */
export interface FoldedLog {
  /** `states[i]` is the table after its first i events. */
  states: GameState[];
  /** What the debrief must say when the log was played under other rules, or cannot be folded to its end (replayNotice). */
  notice?: string;
}

/**
 * Every state of a table, folded once with the rules (`foldStored`, as the server folds):
 * exact by construction, and it makes any step, for any seat, instant. An event these rules
 * cannot fold ends the states, and the notice says which.
 */
export function foldLog(log: TableLogData): FoldedLog {
  const start = initialState(log.scenario, log.seed, {
    seats: log.seats,
    controllers: log.controllers,
    lenses: log.lenses ?? undefined,
  });
  const states = [start];
  const { unfoldable } = foldStored(
    start,
    log.events.map((e) => e.event),
    (state) => states.push(state),
  );
  const notice = replayNotice(
    log.events.map((e) => e.rulesVersion ?? null),
    unfoldable,
  );
  return { states, ...(notice ? { notice } : {}) };
}
