import { callTableRoom, forgetDeadProcesses } from "../rooms/tableRooms.ts";
import type { Store } from "../store/store.ts";
import { resumeLiveTables } from "./liveTables.ts";

/**
 * A round deadline whose table room is closed (an async table nobody is watching, or a
 * table whose process crashed) still has to fire. Every process sweeps the database for
 * due deadlines and opens the room, which fires the deadline; the database's
 * compare-and-set (`claimDeadline`) makes sure only one of them advances the round.
 * The same sweep reopens live tables whose room was lost (see resumeLiveTables), the
 * first time as the process starts; with several processes, those of a process that died
 * too, once the sweep has found it dead (see forgetDeadProcesses).
 */
export function startDeadlineSweeper(store: Store, intervalMs: number): () => void {
  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      // A failed check (Redis unreachable, say) must not hold up the deadlines below.
      await forgetDeadProcesses().catch((error: unknown) => console.error("Could not check for dead processes", error));
      // A second's grace, so open rooms fire their own deadlines first.
      const due = await store.dueDeadlines(new Date(Date.now() - 1000).toISOString());
      for (const runtime of due) {
        await callTableRoom(runtime.tableId, "scheduleDeadline").catch((error: unknown) => {
          console.error(`Could not open table ${runtime.tableId} for its deadline`, error);
        });
      }
      await resumeLiveTables(store);
    } catch (error) {
      console.error("Deadline sweep failed", error);
    } finally {
      sweeping = false;
    }
  };
  const timer = setInterval(() => void sweep(), Math.max(200, intervalMs));
  timer.unref();
  void sweep();
  return () => clearInterval(timer);
}
