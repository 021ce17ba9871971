import { ensureTableRoom, openTableRooms } from "../rooms/tableRooms.ts";
import type { Store } from "../store/store.ts";

/**
 * A live session's running (or paused) table keeps its room open, so its bots play on and
 * its absent students' seats are covered after the reconnection window. A crash loses the
 * room; this opens it again from the log, whether or not anyone comes back to it.
 */
export async function resumeLiveTables(store: Store): Promise<void> {
  const live = await store.liveTables();
  if (live.length === 0) return;
  // One look at the open rooms, not one per table: with a thousand live tables, a query
  // each held the event loop for a second every sweep.
  const open = await openTableRooms();
  for (const tableId of live) {
    if (open.has(tableId)) continue;
    await ensureTableRoom(tableId).catch((error: unknown) => {
      console.error(`Could not reopen live table ${tableId}`, error);
    });
  }
}
