/**
 * The database as Kysely sees it, the same on SQLite and PostgreSQL: JSON in text columns,
 * times as ISO-8601 text (which sorts like the time it names), flags as text states.
 */
export interface Database {
  tables: TablesTable;
  events: EventsTable;
  sessions: SessionsTable;
  participants: ParticipantsTable;
  table_runtime: TableRuntimeTable;
  scenario_versions: ScenarioVersionsTable;
  turned_away: TurnedAwayTable;
  table_controls: TableControlsTable;
}

/** An instructor's control of a table (see TableControl). */
export interface TableControlsTable {
  table_id: string;
  at: string;
  /** How many of the table's events were stored when the control came. */
  step: number;
  round: number;
  /** JSON: ControlAction */
  action: string;
}

/** A scenario file as a session was set up with it, kept under its SHA-256. */
export interface ScenarioVersionsTable {
  hash: string;
  scenario_id: string;
  /** The file's text (YAML), parsed again when a table of this version is loaded. */
  source: string;
  created_at: string;
}

export interface TablesTable {
  id: string;
  scenario_id: string;
  seed: number;
  /** JSON: SeatId[] */
  seats: string;
  /** JSON: Record<SeatId, Controller> at creation; later changes are events. */
  controllers: string;
  created_at: string;
  session_id: string | null;
  /** The table's number within its session (1, 2, …). */
  number: number | null;
  /** JSON: LensOverrides, or null for the scenario's weights. */
  lenses: string | null;
  /** The scenario's version (scenario_versions.hash); null for tables from before versions. */
  scenario_hash: string | null;
}

export interface EventsTable {
  table_id: string;
  seq: number;
  /** JSON: GameEvent */
  event: string;
  at: string;
  /** The RULES_VERSION that accepted it; null for events stored before versions were recorded. */
  rules_version: number | null;
}

export interface SessionsTable {
  id: string;
  join_code: string;
  instructor_token_hash: string;
  scenario_id: string;
  /** JSON: SessionSettings */
  settings: string;
  status: string;
  created_at: string;
  /** The scenario's version (scenario_versions.hash); null for sessions from before versions. */
  scenario_hash: string | null;
}

export interface ParticipantsTable {
  id: string;
  session_id: string;
  name: string;
  /** Lower-cased name, unique within a session. */
  name_key: string;
  token_hash: string;
  table_id: string | null;
  seat: string | null;
  /** JSON: SeatRequest, or null. */
  requested: string | null;
  joined_at: string;
  /** The seat last held (the current one while seated), kept when the participant is unseated. */
  last_table_id: string | null;
  last_seat: string | null;
}

export interface TableRuntimeTable {
  table_id: string;
  status: string;
  deadline_at: string | null;
  remaining_ms: number | null;
  updated_at: string;
}

/** A student who found every seat of a session taken, until they join it. */
export interface TurnedAwayTable {
  session_id: string;
  /** The name as participants.name_key keys it: one row per student. */
  name_key: string;
  name: string;
  /** When they were first turned away. */
  at: string;
}
