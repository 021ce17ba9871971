import { ensureTableRoom, findTableRoom } from "../rooms/tableRooms.ts";
import type { Store } from "../store/store.ts";

/**
 * A live session's running (or paused) table keeps its room open, so its bots play on and
 * its absent students' seats are covered after the reconnection window. A crash loses the
 * room; this opens it again from the log, whether or not anyone comes back to it.
 */
export async function resumeLiveTables(store: Store): Promise<void> {
  for (const tableId of await store.liveTables()) {
    if (await findTableRoom(tableId)) continue;
    await ensureTableRoom(tableId).catch((error: unknown) => {
      console.error(`Could not reopen live table ${tableId}`, error);
    });
  }
}
