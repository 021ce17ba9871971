import type {
  Controller,
  GameEvent,
  LensOverrides,
  SeatId,
  TableControl,
  TableStatus,
  TurnedAway,
} from "@parley/shared";
import type { SessionSettings } from "../sessions/settings.ts";

/** What a table is made of before any event: enough to rebuild it by folding its log. */
export interface TableRecord {
  id: string;
  scenarioId: string;
  seed: number;
  seats: SeatId[];
  controllers: Record<SeatId, Controller>;
  createdAt: string;
  /** The class session the table belongs to; absent for a solo table. */
  sessionId?: string | null;
  /** The table's number within its session (1, 2, …). */
  number?: number | null;
  /** The session's overrides of the scenario's lens weights, fixed when the table is set up. */
  lenses?: LensOverrides | null;
  /** The version of the scenario it plays (see ScenarioVersion); absent for older tables. */
  scenarioHash?: string | null;
}

/**
 * A scenario file as it was when a session was set up with it. A session and its tables
 * keep playing (and replaying) that version after the file is edited or removed.
 */
export interface ScenarioVersion {
  /** SHA-256 of `source`, hex. */
  hash: string;
  scenarioId: string;
  source: string;
}

/** A stored event with the time it was stored (the rules never read the time). */
export interface StoredEvent {
  event: GameEvent;
  at: string;
  /** The rules version that accepted it (RULES_VERSION then); null if stored before versions were recorded. */
  rulesVersion: number | null;
}

export type { TableControl };

export type SessionStatus = "lobby" | "running" | "ended";

export interface SessionRecord {
  id: string;
  joinCode: string;
  /** SHA-256 of the instructor token; the token itself is never stored. */
  instructorTokenHash: string;
  scenarioId: string;
  settings: SessionSettings;
  status: SessionStatus;
  createdAt: string;
  /** The version of the scenario its tables play (see ScenarioVersion); absent for older sessions. */
  scenarioHash?: string | null;
}

export type { TurnedAway };

/** A student's wish to sit somewhere else, for the instructor to grant. */
export interface SeatRequest {
  tableId?: string;
  seat?: SeatId;
  at: string;
}

export interface ParticipantRecord {
  id: string;
  sessionId: string;
  /** Display name or roster label, as the student typed it. */
  name: string;
  /** SHA-256 of the participant token. */
  tokenHash: string;
  tableId: string | null;
  seat: SeatId | null;
  requested: SeatRequest | null;
  joinedAt: string;
  /**
   * The seat the participant last held: the current one while seated, and still the one
   * they played once the instructor gave it to a bot (set by the store, never by callers).
   */
  lastSeat?: { tableId: string; seat: SeatId } | null;
}

/**
 * The seat whose game is a participant's: the one held now, or, for a student whose seat was
 * given to a bot, the one last held (their results and debrief, once the session is over).
 */
export const seatPlayed = (p: ParticipantRecord): { tableId: string; seat: SeatId } | null =>
  p.tableId && p.seat ? { tableId: p.tableId, seat: p.seat } : (p.lastSeat ?? null);

/**
 * Where a session table is in its run, kept outside the rules (pausing is not a move):
 * waiting for the instructor's start, running, paused or ended. A running table may have
 * a deadline for its round; a paused one remembers how much time was left.
 */
export type RuntimeStatus = TableStatus;

export interface TableRuntime {
  tableId: string;
  status: RuntimeStatus;
  deadlineAt: string | null;
  remainingMs: number | null;
}

export interface SeatAssignment {
  participantId: string;
  tableId: string | null;
  seat: SeatId | null;
}

/** A write refused by a uniqueness rule of the database (a taken seat, name or code). */
export class ConflictError extends Error {
  constructor(readonly constraint: string) {
    super(`Conflict on ${constraint}`);
  }
}

/**
 * Persistence of sessions, participants, tables, their runtime and their append-only event
 * logs. Every write resolves once it is durable (on disk), and a move is acknowledged only
 * then. One implementation over Kysely serves SQLite (default) and PostgreSQL (`DATABASE_URL`).
 */
export interface Store {
  readonly kind: "sqlite" | "postgres";
  createTable(table: TableRecord): Promise<void>;
  getTable(id: string): Promise<TableRecord | undefined>;
  tablesOfSession(sessionId: string): Promise<TableRecord[]>;
  /** Appends one event; rejects if an event with the same seq is already stored. */
  appendEvent(tableId: string, event: GameEvent): Promise<void>;
  /**
   * `appendEvent` in two steps: resolves once the event is committed (it survives this
   * process crashing), with `durable`, which resolves once it is on disk (it survives a
   * power cut). A table shows a move from the first and acknowledges it from the second.
   */
  commitEvent(tableId: string, event: GameEvent): Promise<{ durable: Promise<void> }>;
  events(tableId: string): Promise<StoredEvent[]>;
  /** Keeps an instructor's control of a table, beside its events (see TableControl). */
  recordControl(tableId: string, control: TableControl): Promise<void>;
  /** A table's controls, in the order they came. */
  controls(tableId: string): Promise<TableControl[]>;

  /** Keeps a scenario version; one already kept under its hash stays as it is. */
  putScenarioVersion(version: ScenarioVersion): Promise<void>;
  scenarioVersion(hash: string): Promise<ScenarioVersion | undefined>;

  /** Rejects with ConflictError('join_code') if the code is taken. */
  createSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | undefined>;
  sessionByJoinCode(code: string): Promise<SessionRecord | undefined>;
  setSessionStatus(id: string, status: SessionStatus): Promise<void>;
  /** Replaces a session's settings (one more table for a class bigger than planned). */
  setSessionSettings(id: string, settings: SessionSettings): Promise<void>;

  /** Records a student who found every seat taken; one turned away before keeps their first time. */
  recordTurnedAway(sessionId: string, student: TurnedAway): Promise<void>;
  /** Drops a student from the turned-away list (they have joined); true if they were on it. */
  forgetTurnedAway(sessionId: string, name: string): Promise<boolean>;
  /** The students turned away who have not joined since, oldest first. */
  turnedAwayOf(sessionId: string): Promise<TurnedAway[]>;

  /** Rejects with ConflictError('name') or ConflictError('seat'). */
  createParticipant(participant: ParticipantRecord): Promise<void>;
  getParticipant(id: string): Promise<ParticipantRecord | undefined>;
  participantByTokenHash(hash: string): Promise<ParticipantRecord | undefined>;
  participantsOfSession(sessionId: string): Promise<ParticipantRecord[]>;
  participantsOfTable(tableId: string): Promise<ParticipantRecord[]>;
  /** Applies seat changes together (a swap is two); rejects with ConflictError('seat'). */
  assignSeats(changes: SeatAssignment[]): Promise<void>;
  setSeatRequest(participantId: string, request: SeatRequest | null): Promise<void>;
  setParticipantTokenHash(participantId: string, hash: string): Promise<void>;

  getRuntime(tableId: string): Promise<TableRuntime | undefined>;
  runtimesOf(tableIds: readonly string[]): Promise<TableRuntime[]>;
  putRuntime(runtime: TableRuntime): Promise<void>;
  /**
   * Takes a due deadline exactly once: clears it only if it is still `deadlineAt` on a
   * running table. True for the one caller that took it.
   */
  claimDeadline(tableId: string, deadlineAt: string): Promise<boolean>;
  /** Running tables whose deadline is at or before `at`. */
  dueDeadlines(at: string): Promise<TableRuntime[]>;
  /** The ids of live sessions' tables that are running or paused (their rooms stay open). */
  liveTables(): Promise<string[]>;

  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
