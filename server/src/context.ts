import type { ScenarioCatalog } from "./scenarios/catalog.ts";
import type { Store } from "./store/store.ts";

/** What rooms and routes of one server process share. */
export interface ServerContext {
  store: Store;
  catalog: ScenarioCatalog;
  /** Pause before a bot moves, so people can follow the table (0 in tests). */
  botDelayMs: number;
  /** How long a dropped student's seat is held before a bot takes over (live sessions). */
  reconnectSeconds: number;
  /**
   * How often a table room runs its timers (a bot's pause, the round clock) and sends its
   * public state: Colyseus's patch rate, `DEFAULT_TICK_MS` unless given. Every table ticks,
   * busy or not: at 50 ms (Colyseus's default) a thousand tables spent a tenth of a core on
   * ticks alone. Moves do not wait for it: views go out as soon as a move is stored.
   */
  tickMs?: number;
  /** The most students a session keeps as turned away (`TURNED_AWAY_KEPT` unless given; tests give fewer). */
  turnedAwayKept?: number;
}

export const DEFAULT_TICK_MS = 200;
