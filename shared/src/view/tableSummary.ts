import type { Controller, Indicators, Outcome, SeatId } from "../rules/types.ts";
import type { PartyScore } from "../scoring/score.ts";

/** Where a table stands in its session: waiting for the start, running, paused or ended. */
export type TableStatus = "waiting" | "running" | "paused" | "ended";

/**
 * Whether a class session's results open to its students (every party's score, the bots'
 * personas and reasons, the full replay): once every table has ended and, when its tables
 * fill as students come (`"auto"`, which can still open a table for a latecomer playing the
 * same parties), once its instructor has ended the session too. The server holds results by
 * it; the dashboard tells the instructor when only their end is missing.
 */
export function sessionResultsOpen(
  session: { tables: number | "auto"; ended: boolean },
  everyTableEnded: boolean,
): boolean {
  return everyTableEnded && (session.tables !== "auto" || session.ended);
}

/** One seat of a table at a glance, for the instructor. */
export interface SeatSummary {
  seat: SeatId;
  party: string;
  participantId: string | null;
  participantName: string | null;
  /** The instructor sees bot personas during play; seats never do. */
  controller: Controller;
  connected: boolean;
  /**
   * When a bot will take the seat over (ISO time) if its student is not back: a student's
   * seat in a live class, held for them after their connection dropped. Null otherwise.
   */
  botCoversAt: string | null;
  /** Made its main move this round. */
  acted: boolean;
  walkedAway: boolean;
}

/**
 * One table at a glance, for the instructor's live overview only (it carries every
 * party's provisional score, which seats may not see before the end). The server builds it
 * (`summarise`) and sends it over HTTP and the session room; the dashboard shows it.
 */
export interface TableSummary {
  tableId: string;
  sessionId: string | null;
  number: number | null;
  scenarioId: string;
  status: TableStatus;
  deadlineAt: string | null;
  /** Round time left while paused. */
  remainingMs: number | null;
  round: number;
  roundLimit: number;
  phase: "playing" | "ended";
  seq: number;
  seats: SeatSummary[];
  /** Active seats that have not made their main move this round. */
  waitingFor: SeatId[];
  indicators: Indicators;
  /** Tension is over the scenario's crisis threshold (the instructor may want to look). */
  crisis: boolean;
  scores: PartyScore[];
  outcome: Outcome | null;
  /** Whether a room serves the table right now (false: it rests in the database). */
  open: boolean;
  /**
   * A table of a class played over days at which no student has sat yet: its bots wait for
   * the first, so its seats have not moved, and no one has left them.
   */
  awaitingFirstStudent: boolean;
  /**
   * False at a table nobody played: no student ever sat at it and no seat made a move (a
   * table added for latecomers who never came; see neverPlayed). Its points are only its
   * BATNAs at the start, so the dashboard and the debrief say "not played" and score nothing.
   */
  played: boolean;
  /**
   * Said when these rules cannot fold the table's stored log to its end (it was played under
   * other rules, see replayNotice): the summary is of the table as far as they could.
   */
  notice?: string;
}
