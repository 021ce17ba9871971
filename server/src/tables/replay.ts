import {
  type Controller,
  foldStored,
  type GameEvent,
  type LensOverrides,
  RULES_VERSION,
  replayNotice,
  type Scenario,
  type SeatId,
  type TableView,
  type Viewer,
  type ViewOptions,
  viewFor,
} from "@parley/shared";
import type { StoredEvent, TableControl, TableRecord } from "../store/store.ts";
import { initialStateOf } from "./liveTable.ts";

export interface ReplayStep {
  seq: number;
  at: string;
  /** The raw event: only in the instructor's replay (seats see what their view shows). */
  event?: GameEvent;
  view: TableView;
}

export interface Replay {
  tableId: string;
  scenarioId: string;
  viewer: Viewer;
  /**
   * How the table was set up (its seed draws the rulings) and the scenario as its session
   * kept it (every party's payoffs: the instructor sees them all), so `parley replay` can
   * fold the events again, even after the scenario's file changed: only in the instructor's
   * replay.
   */
  setup?: {
    scenario: Scenario;
    seed: number;
    seats: SeatId[];
    controllers: Record<SeatId, Controller>;
    lenses: LensOverrides | null;
  };
  initial: TableView;
  steps: ReplayStep[];
  /** The rules versions its events were accepted under (null: before versions were recorded), and this build's. */
  rules: { played: (number | null)[]; current: number };
  /**
   * Said to whoever reads it when it folds the game under rules other than those it was
   * played with, or these rules could not fold every event (the steps then stop before it).
   */
  notice: string | undefined;
  /** What the instructor did to the table (a pause, added minutes, a broadcast), public to every seat. */
  controls: TableControl[];
}

/**
 * A table's history as `viewer` may see it: the same fold as live play, one view per
 * event, every view through `viewFor`.
 */
export function buildReplay(
  scenario: Scenario,
  record: TableRecord,
  stored: readonly StoredEvent[],
  viewer: Viewer,
  options: ViewOptions = {},
  controls: readonly TableControl[] = [],
): Replay {
  const start = initialStateOf(scenario, record);
  const initial = viewFor(start, viewer, options);
  const steps: ReplayStep[] = [];
  const { unfoldable } = foldStored(
    start,
    stored.map((s) => s.event),
    (state, i) => {
      const { event, at } = stored[i] as StoredEvent;
      steps.push({
        seq: event.seq,
        at,
        ...(viewer === "instructor" ? { event } : {}),
        view: viewFor(state, viewer, options),
      });
    },
  );
  const setup = {
    scenario,
    seed: record.seed,
    seats: [...record.seats],
    controllers: { ...record.controllers },
    lenses: record.lenses ?? null,
  };
  return {
    tableId: record.id,
    scenarioId: record.scenarioId,
    viewer,
    ...(viewer === "instructor" ? { setup } : {}),
    initial,
    steps,
    rules: { played: [...new Set(stored.map((e) => e.rulesVersion))], current: RULES_VERSION },
    notice: replayNotice(
      stored.map((e) => e.rulesVersion),
      unfoldable,
    ),
    controls: [...controls],
  };
}
