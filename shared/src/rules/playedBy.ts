import type { LogEntry, SeatId, Stint } from "./types.ts";

/** A seat's player as anyone may know it: a student's name, a bot (its persona once revealed). */
export type Player = { type: "human"; name: string } | { type: "bot"; persona?: string };

/**
 * How many moves a bot made at `seat` after event `since` (and before event `until`): every
 * bot move, and only a bot's, carries its reason on the first log line it wrote
 * (see attachRationale in apply.ts), so this counts them.
 */
export function botMovesOf(log: readonly LogEntry[], seat: SeatId, since = -1, until = Infinity): number {
  return log.filter(
    (entry) => entry.by === seat && entry.seq > since && entry.seq < until && entry.rationale !== undefined,
  ).length;
}

/** The same student (by name) or the same bot (by persona, as far as it is known). */
export const samePlayer = (a: Player, b: Player): boolean =>
  a.type === "human" ? b.type === "human" && a.name === b.name : b.type === "bot" && a.persona === b.persona;

/**
 * Who played a seat, in order: every student who held it, and a bot where it made a move (a
 * bot that held the seat for a moment and made none did not play it); the same player twice
 * in a row is named once. A seat nobody played gets its first player. The bots' moves are
 * counted by their reasons (botMovesOf), so `log` must carry them: the table's own log, or a
 * view's once its results are out.
 */
export function playedBy<P extends Player>(stints: readonly Stint<P>[], log: readonly LogEntry[], seat: SeatId): P[] {
  const players: P[] = [];
  stints.forEach((stint, i) => {
    if (stint.controller.type === "bot" && botMovesOf(log, seat, stint.since, stints[i + 1]?.since) === 0) return;
    const last = players[players.length - 1];
    if (!last || !samePlayer(last, stint.controller)) players.push(stint.controller);
  });
  const first = stints[0]?.controller;
  return players.length === 0 && first ? [first] : players;
}

/** A bot playing a seat for a student now: since which event, and the student's name. */
export interface Cover {
  since: number;
  name: string;
}

/**
 * The cover a seat is under: when its players since the last student are bots only, from
 * the first of them; none when a student plays it, or when bots have played it from the start.
 */
export function coverOf(stints: readonly Stint<Player>[]): Cover | undefined {
  let first = stints.length;
  while (first > 0 && stints[first - 1]?.controller.type === "bot") first--;
  const student = stints[first - 1]?.controller;
  const bot = stints[first];
  return bot && student?.type === "human" ? { since: bot.since, name: student.name } : undefined;
}

/**
 * Whether nobody played a table at all: no student ever sat at it and no seat made a move
 * (a table added for latecomers that nobody came to, ended by the instructor's End before it
 * started). Its points are only its BATNAs at the start, so the debrief and the exports say
 * "not played" rather than score it as a table that failed to agree. A table whose bots
 * played (started with no student) was played.
 */
export function neverPlayed(table: {
  seats: readonly SeatId[];
  stints: Readonly<Record<SeatId, readonly Stint<Player>[]>>;
  log: readonly LogEntry[];
}): boolean {
  return !hadAStudent(table) && !table.log.some((entry) => entry.by !== "system");
}

/**
 * Whether a student has ever sat at the table (a seat given to a bot since still counts): in
 * a class played over days, a table's bots wait until one has.
 */
export function hadAStudent(table: {
  seats: readonly SeatId[];
  stints: Readonly<Record<SeatId, readonly Stint<Player>[]>>;
}): boolean {
  return table.seats.some((seat) => (table.stints[seat] ?? []).some((s) => s.controller.type === "human"));
}
