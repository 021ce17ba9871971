import type { LogEntry, SeatId } from "@parley/shared";
import type { ReplayEntry } from "./controls.ts";

/**
 * Which lines of a replay's log to show: a council's game runs to hundreds of lines, and an
 * instructor looking for one party's moves, the bots' reasons or what they did to the table
 * had to scroll through every chat line and round change.
 */
export type LogFilter =
  | { kind: "all" }
  | { kind: "moves" }
  | { kind: "chat" }
  | { kind: "reasons" }
  | { kind: "instructor" }
  | { kind: "seat"; seat: SeatId };

/** The filter a `<select>`'s value stands for ("seat:china" for a party's lines). */
export function parseLogFilter(value: string): LogFilter {
  if (value.startsWith("seat:")) return { kind: "seat", seat: value.slice("seat:".length) };
  if (value === "moves" || value === "chat" || value === "reasons" || value === "instructor") return { kind: value };
  return { kind: "all" };
}

/** A line a party wrote by a move: not the table's own (a round, an event) and not chat. */
export const isPartyMove = (e: Pick<LogEntry, "by" | "kind">): boolean => e.by !== "system" && e.kind !== "chat";

/** The lines a filter keeps, in their order. */
export function filterLog(entries: readonly ReplayEntry[], filter: LogFilter): ReplayEntry[] {
  switch (filter.kind) {
    case "all":
      return [...entries];
    case "moves":
      return entries.filter(isPartyMove);
    case "chat":
      return entries.filter((e) => e.kind === "chat");
    case "reasons":
      return entries.filter((e) => e.rationale !== undefined);
    case "instructor":
      return entries.filter((e) => e.instructor === true);
    case "seat":
      return entries.filter((e) => e.by === filter.seat);
  }
}
