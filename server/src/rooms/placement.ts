import { matchMaker } from "@colyseus/core";

/**
 * Where a new room runs when several processes serve one class: round-robin over the live
 * processes, counted in the shared presence. Colyseus' default (fewest rooms) reads room
 * counts that are persisted at most once a second, so a class joining at once would all
 * land on one process.
 */
export async function selectProcessForRoom(): Promise<string> {
  const processes = (await matchMaker.stats.fetchAll()).map((p) => p.processId).sort();
  if (processes.length <= 1) return processes[0] ?? matchMaker.processId;
  const turn = await matchMaker.presence.incr("parley:placement");
  return processes[turn % processes.length] ?? matchMaker.processId;
}
