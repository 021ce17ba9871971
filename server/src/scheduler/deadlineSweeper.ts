import { callTableRoom, forgetDeadProcesses } from "../rooms/tableRooms.ts";
import type { Store } from "../store/store.ts";
import { resumeLiveTables } from "./liveTables.ts";
import { RetryLater } from "./retryLater.ts";

/**
 * A round deadline whose table room is closed (an async table nobody is watching, or a
 * table whose process crashed) still has to fire. Every process sweeps the database for
 * due deadlines and opens the room, which fires the deadline; the database's
 * compare-and-set (`claimDeadline`) makes sure only one of them advances the round.
 * The same sweep reopens live tables whose room was lost (see resumeLiveTables), the
 * first time as the process starts; with several processes, those of a process that died
 * too, once the sweep has found it dead (see forgetDeadProcesses). A table whose room would
 * not open is tried again at longer and longer intervals (see RetryLater).
 */
export function startDeadlineSweeper(store: Store, intervalMs: number): () => void {
  const period = Math.max(200, intervalMs);
  const deadlines = new RetryLater(period);
  const reopening = new RetryLater(period);
  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      // A failed check (Redis unreachable, say) must not hold up the deadlines below.
      await forgetDeadProcesses().catch((error: unknown) => console.error("Could not check for dead processes", error));
      // A second's grace, so open rooms fire their own deadlines first.
      const due = await store.dueDeadlines(new Date(Date.now() - 1000).toISOString());
      deadlines.keepOnly(due.map((runtime) => runtime.tableId));
      for (const runtime of due) {
        await deadlines.attempt(runtime.tableId, `Could not open table ${runtime.tableId} for its deadline`, () =>
          callTableRoom(runtime.tableId, "scheduleDeadline"),
        );
      }
      await resumeLiveTables(store, reopening);
    } catch (error) {
      console.error("Deadline sweep failed", error);
    } finally {
      sweeping = false;
    }
  };
  const timer = setInterval(() => void sweep(), period);
  timer.unref();
  void sweep();
  return () => clearInterval(timer);
}
