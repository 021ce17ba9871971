import type { SeatId } from "../rules/types.ts";
import type { LensOverrides } from "../scenario/schema.ts";
import type { TableSummary } from "./tableSummary.ts";

/**
 * What the HTTP API and the session room say of class sessions and their students
 * (docs/API.md): the server builds these and the client reads them, so both use the types
 * here and the compiler keeps them the same.
 */

/** How a class session runs its rounds: live minutes, or hours over days. */
export type SessionTiming = { mode: "live"; roundSeconds: number } | { mode: "async"; roundHours: number };

export type SessionStatus = "lobby" | "running" | "ended";

/** A session's settings as the instructor chose them (the body of `POST /api/sessions`, with its defaults). */
export interface SessionSettingsInfo {
  scenarioId: string;
  title?: string;
  /** The scoring lens shown first in the debrief; both are always computed. */
  lens: "realist" | "liberal" | "both";
  lensWeights?: LensOverrides;
  timing: SessionTiming;
  /** A fixed number of tables, or "auto" for as many as the class needs. */
  tables: number | "auto";
  /** Personas for empty seats, used in turn (a third party's seat gets one that fits it). */
  botPersonas: string[];
  /** The class list: students then join with one of these labels. */
  roster?: string[];
}

/** The session as its instructor sees it. */
export interface SessionInfo {
  id: string;
  joinCode: string;
  scenarioId: string;
  scenarioTitle: string;
  status: SessionStatus;
  settings: SessionSettingsInfo;
  createdAt: string;
}

/** The session as a student sees it: no roster, no code, no bot personas. */
export interface StudentSessionInfo {
  id: string;
  title: string | null;
  scenarioId: string;
  scenarioTitle: string;
  status: SessionStatus;
  timing: SessionTiming;
  /** Whether the results are open to students: every table's full log and the debrief. */
  resultsOpen: boolean;
}

/**
 * A participant: a student's own (`GET /api/me`, `POST /api/join`) and each of the
 * instructor's lists alike.
 */
export interface ParticipantInfo {
  id: string;
  name: string;
  tableId: string | null;
  /** The table's number in its session. */
  table: number | null;
  seat: SeatId | null;
  /** The seat's party, by name. */
  party: string | null;
  /** A seat the student asked for, waiting for the instructor. */
  requested: { tableId?: string; seat?: SeatId; at: string } | null;
  joinedAt: string;
  /** For a student not seated now: the seat they last held (given to a bot, or left by a move). */
  lastSeat: { tableId: string; table: number | null; seat: SeatId; party: string } | null;
}

/** Where the holder of a participant token sits now, and its session (`GET /api/me`). */
export interface MeInfo {
  participant: ParticipantInfo;
  session: StudentSessionInfo;
}

/** A student who found every seat of a session taken and has not joined since (the name as they typed it, and when). */
export interface TurnedAway {
  name: string;
  at: string;
}

/** The instructor's overview of a session (`GET /api/sessions/:id`, the session room's `overview`). */
export interface SessionOverview {
  session: SessionInfo;
  participants: ParticipantInfo[];
  tables: TableSummary[];
  /** The students who found every seat taken and have not joined since, oldest first. */
  turnedAway: TurnedAway[];
  /**
   * How many students could join now and be seated, by the server's seating rule (seats no
   * student holds at tables still in play); null when there is no limit (tables as many as the
   * class fills). The session room sends it again as `seatsFree` whenever it changes.
   */
  seatsFree: number | null;
}

/** What an instructor can do to a table, or to every table of a session at once (the server checks it with its schema). */
export type ControlAction =
  | { action: "start" | "pause" | "resume" | "advanceRound" }
  /** Added to the round's time left; may be fractional (0.5 = 30 seconds). */
  | { action: "extendDeadline"; minutes: number }
  | { action: "injectEvent"; eventId: string }
  | { action: "broadcast"; text: string }
  | { action: "replaceWithBot"; seat: SeatId }
  | { action: "end"; reason?: string };

/**
 * An instructor's control of a table that took effect, kept beside its events (a pause is no
 * move, and a round the instructor advanced reads in the rules' log as the clock's). Public
 * to the table: nothing in it is any seat's secret. The logs and replays carry them.
 */
export interface TableControl {
  at: string;
  /** How many of the table's events were stored when it came (the replay's step it came at). */
  step: number;
  /** The round the table was in then. */
  round: number;
  action: ControlAction;
}

/** What an instructor's control did at one table. */
export interface TableControlResult {
  tableId: string;
  table: number | null;
  result: { ok: true } | { ok: false; code: string; message: string };
}
