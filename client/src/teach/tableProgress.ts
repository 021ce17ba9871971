import type { TableSummary } from "@parley/shared";

type Seat = TableSummary["seats"][number];

/**
 * What a seat's line on a table card says of its round: walked away, moved or not moved;
 * nothing once the table has ended, or while it waits for its first student (a table of a
 * class played over days, whose bots wait: "not moved" there read like students who left).
 */
export function seatProgress(table: TableSummary, seat: Seat): string {
  if (seat.walkedAway) return "walked away";
  if (table.phase === "ended" || table.awaitingFirstStudent) return "";
  return seat.acted ? "✓ moved" : "… not moved";
}

/**
 * The seats that have a main move to make now: at tables in play (started: before the start
 * nobody has one; and not waiting for their first student), not walked away.
 */
export function playingSeatsOf(tables: readonly TableSummary[]): Seat[] {
  return tables.flatMap((t) =>
    t.phase === "playing" && t.status !== "waiting" && !t.awaitingFirstStudent
      ? t.seats.filter((s) => !s.walkedAway)
      : [],
  );
}
