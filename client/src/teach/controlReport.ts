import type { TableControlResult as ControlResult, TableSummary } from "@parley/shared";

/** What the instructor pressed, as the report names it (`labelOf` in the dashboard). */
export type ControlKind =
  | "start"
  | "pause"
  | "resume"
  | "advanceRound"
  | "extendDeadline"
  | "injectEvent"
  | "broadcast"
  | "replaceWithBot"
  | "end";

/**
 * A table that refused because it already was as the control would make it (started,
 * paused, running): nothing went wrong there, and the report says so in a few words.
 */
function alreadyAs(kind: ControlKind, result: ControlResult, before: TableSummary | undefined): string | undefined {
  if (result.result.ok) return undefined;
  const code = result.result.code;
  if (code === "GameOver") return "had already ended";
  if (kind === "start" && code === "AlreadyStarted") return "had already started";
  if (kind === "pause" && code === "NotRunning" && before?.status === "paused") return "were already paused";
  if (kind === "resume" && code === "NotPaused" && before?.status === "running") return "were already running";
  // A table added for latecomers waits for its Start: there is no clock to pause or resume yet.
  if ((kind === "pause" || kind === "resume") && before?.status === "waiting") return "wait for Start";
  return undefined;
}

const tableList = (rs: readonly ControlResult[]) => rs.map((r) => r.table ?? "?").join(", ");
/** "were already paused" of one table: "was already paused"; "wait for Start": "waits for Start". */
const singular = (as: string) => as.replace(/^were /, "was ").replace(/^wait /, "waits ");

/**
 * The line under the controls after one was used: where it was done, where nothing was
 * left to do (a table already ended, started, paused or running), and where it was refused
 * and why. `tables` is the dashboard's picture from before the control.
 */
export function controlReport(
  label: string,
  kind: ControlKind,
  results: readonly ControlResult[],
  tables: readonly TableSummary[],
): string {
  const before = (r: ControlResult) => tables.find((t) => t.tableId === r.tableId);
  const already = new Map<string, ControlResult[]>();
  const refused: ControlResult[] = [];
  for (const r of results) {
    if (r.result.ok) continue;
    const as = alreadyAs(kind, r, before(r));
    if (as) already.set(as, [...(already.get(as) ?? []), r]);
    else refused.push(r);
  }
  const done = results.filter((r) => r.result.ok).length;
  const asides = [...already].map(
    ([as, rs]) => `table${rs.length === 1 ? "" : "s"} ${tableList(rs)} ${rs.length === 1 ? singular(as) : as}`,
  );
  // No table to act on (tables open as students join, and none has): said as such.
  if (results.length === 0) return `${label}: nothing changed: there is no table yet.`;
  return (
    // "Done at 0 tables" read as a failure where every table was already as asked.
    `${label}: ${done === 0 ? "nothing changed" : `done at ${done} table${done === 1 ? "" : "s"}`}` +
    (asides.length > 0 ? ` (${asides.join("; ")})` : "") +
    (refused.length > 0
      ? `; refused at ${refused.map((r) => `table ${r.table} (${r.result.ok ? "" : r.result.message})`).join(", ")}`
      : ".")
  );
}

/**
 * The session's state in the dashboard's heading, from its tables: a session whose every
 * open table is paused says so (the server's session status stays "running" meanwhile).
 */
export function sessionStatusText(
  status: "lobby" | "running" | "ended",
  over: boolean,
  tables: readonly TableSummary[],
): string {
  if (over) return "ended";
  const open = tables.filter((t) => t.status !== "ended");
  const paused = open.filter((t) => t.status === "paused");
  // A table added for latecomers, waiting for its Start, is not one still playing.
  const waiting = open.filter((t) => t.status === "waiting");
  if (status === "running" && paused.length > 0 && paused.length + waiting.length === open.length)
    return waiting.length === 0
      ? "paused"
      : `paused (table${waiting.length === 1 ? "" : "s"} ${waiting.map((t) => t.number ?? "?").join(", ")} ${waiting.length === 1 ? "waits" : "wait"} for Start)`;
  if (status === "running" && paused.length > 0)
    return `running (table${paused.length === 1 ? "" : "s"} ${paused.map((t) => t.number ?? "?").join(", ")} paused)`;
  return status;
}
