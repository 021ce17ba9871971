import { andList } from "../rules/names.ts";
import type { LogEntry, SeatId } from "../rules/types.ts";

/**
 * A log line as read anywhere (the table's log, the debrief's log and its step text, the
 * command line's game text): a chat
 * line names its speaker and, when private, whom it went to; every other line names its
 * actors in its own text.
 */
export function entryText(
  entry: Pick<LogEntry, "kind" | "by" | "text" | "visibleTo">,
  name: (seat: SeatId) => string,
): string {
  // The instructor's broadcast is said to be theirs (it read like any other line of the log).
  if (entry.kind === "broadcast") return `Instructor: “${entry.text}”`;
  if (entry.kind !== "chat" || entry.by === "system") return entry.text;
  const to = entry.visibleTo === "all" ? [] : entry.visibleTo.filter((seat) => seat !== entry.by);
  return `${name(entry.by)}${to.length > 0 ? ` (to ${andList(to.map(name))} only)` : ""}: “${entry.text}”`;
}
