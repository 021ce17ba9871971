import { ensureTableRoom, openTableRooms } from "../rooms/tableRooms.ts";
import type { Store } from "../store/store.ts";
import type { RetryLater } from "./retryLater.ts";

/**
 * A live session's running (or paused) table keeps its room open, so its bots play on and
 * its absent students' seats are covered after the reconnection window. A crash loses the
 * room; this opens it again from the log, whether or not anyone comes back to it. One that
 * does not open is tried again later (`retry`), not at every sweep.
 */
export async function resumeLiveTables(store: Store, retry: RetryLater): Promise<void> {
  const live = await store.liveTables();
  if (live.length === 0) return retry.keepOnly([]);
  // One look at the open rooms, not one per table: with a thousand live tables, a query
  // each held the event loop for a second every sweep.
  const open = await openTableRooms();
  // A table open now (a student's return opened it) starts again from no failures.
  retry.keepOnly(live.filter((tableId) => !open.has(tableId)));
  for (const tableId of live) {
    if (open.has(tableId)) continue;
    await retry.attempt(tableId, `Could not reopen live table ${tableId}`, () => ensureTableRoom(tableId));
  }
}
