import type { TableSummary } from "@parley/shared";
import { formatDuration } from "../ui/duration.ts";
import { personaName } from "../ui/names.ts";

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

/**
 * Who plays a seat, as its card line says, and whether to show the student's connection. A
 * student's seat a bot covers while they are away (their connection dropped past the
 * reconnection window) names them beside the bot, with their connection: the seat is still
 * theirs and comes back to them, where a bare "Bot" read like a seat nobody holds.
 */
export function seatHolder(seat: Seat): { who: string; showConnection: boolean } {
  if (seat.controller.type === "bot") {
    const bot = `Bot (${personaName(seat.controller.persona)})`;
    return seat.participantName
      ? { who: `${bot} for ${seat.participantName}, away`, showConnection: true }
      : { who: bot, showConnection: false };
  }
  return { who: seat.participantName ?? (seat.controller.name || "Player"), showConnection: true };
}

/**
 * While a live class holds an offline student's seat for them, when a bot takes it over
 * should they not be back (`now` is the server's time); undefined otherwise. The card had
 * said "offline" alone, and a bot then appeared with no warning.
 */
export function botCoverText(
  seat: Pick<Seat, "connected" | "botCoversAt" | "participantName" | "controller">,
  now: number,
): string | undefined {
  if (seat.connected || !seat.botCoversAt) return undefined;
  const left = Date.parse(seat.botCoversAt) - now;
  const who = seat.participantName || (seat.controller.type === "human" ? seat.controller.name : "") || "its student";
  return left > 0
    ? `A bot takes the seat over in ${formatDuration(left)} unless ${who} is back.`
    : "A bot is taking the seat over.";
}
