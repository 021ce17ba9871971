import { foldStored, sessionResultsOpen } from "@parley/shared";
import type { ServerContext } from "../context.ts";
import { scenarioOf } from "../scenarios/versions.ts";
import type { SessionRecord } from "../store/store.ts";
import { initialStateOf } from "../tables/liveTable.ts";

/**
 * Tables this process has seen end. An end is final, so a table found here is never folded
 * again; the set is cleared when it grows large, which only costs a fold per table.
 */
const knownEnded = new Set<string>();
const knownEndedLimit = 50_000;

/** Notes that a table's game has ended (its end event is stored). */
export function tableEnded(tableId: string): void {
  if (knownEnded.size >= knownEndedLimit) knownEnded.clear();
  knownEnded.add(tableId);
}

/**
 * Whether a session's results are open to its students (the rule: `sessionResultsOpen`).
 * Until then a student's table, ended or not, reveals nothing of the scenario's secrets.
 */
export async function resultsOpen(ctx: ServerContext, of: string | SessionRecord): Promise<boolean> {
  const session = typeof of === "string" ? await ctx.store.getSession(of) : of;
  if (!session) return false;
  const sessionId = session.id;
  const rule = { tables: session.settings.tables, ended: session.status === "ended" };
  // Held whatever its tables say (an auto session its instructor has not ended): none is read.
  if (!sessionResultsOpen(rule, true)) return false;
  return sessionResultsOpen(rule, await everyTableEnded(ctx, sessionId));
}

/**
 * Whether every table of a session has ended (a solo game's one table included). A table
 * counts as ended when its stored runtime says so or, as that write may lag behind the end
 * event, when its log folds to an ended game.
 */
async function everyTableEnded(ctx: ServerContext, sessionId: string): Promise<boolean> {
  const tables = await ctx.store.tablesOfSession(sessionId);
  const runtimes = await ctx.store.runtimesOf(tables.map((t) => t.id));
  const unsure = tables.filter(
    (t) => !knownEnded.has(t.id) && runtimes.find((r) => r.tableId === t.id)?.status !== "ended",
  );
  for (const t of unsure) {
    const scenario = await scenarioOf(ctx, t);
    const events = (await ctx.store.events(t.id)).map((e) => e.event);
    if (!scenario || foldStored(initialStateOf(scenario, t), events).state.phase !== "ended") return false;
    tableEnded(t.id);
  }
  return true;
}
