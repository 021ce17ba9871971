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
}
