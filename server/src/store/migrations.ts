import { type Kysely, type Migration, type MigrationProvider, sql } from "kysely";

/**
 * The one set of migrations, for SQLite and PostgreSQL alike. Never edit a migration that
 * has shipped: add the next one.
 */
const migrations: Record<string, Migration> = {
  // The walking skeleton's tables, unchanged, so its SQLite files keep working.
  "001_tables_and_events": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("tables")
        .ifNotExists()
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("scenario_id", "text", (c) => c.notNull())
        .addColumn("seed", "integer", (c) => c.notNull())
        .addColumn("seats", "text", (c) => c.notNull())
        .addColumn("controllers", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("events")
        .ifNotExists()
        .addColumn("table_id", "text", (c) => c.notNull().references("tables.id"))
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("event", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("events_pk", ["table_id", "seq"])
        .execute();
    },
  },
  "002_sessions": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("tables").addColumn("session_id", "text").execute();
      await db.schema.alterTable("tables").addColumn("number", "integer").execute();
      await db.schema
        .createIndex("tables_session_number")
        .unique()
        .on("tables")
        .columns(["session_id", "number"])
        .where(sql.ref("session_id"), "is not", null)
        .execute();
      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("join_code", "text", (c) => c.notNull().unique())
        .addColumn("instructor_token_hash", "text", (c) => c.notNull())
        .addColumn("scenario_id", "text", (c) => c.notNull())
        .addColumn("settings", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("participants")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("session_id", "text", (c) => c.notNull().references("sessions.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("name_key", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("table_id", "text", (c) => c.references("tables.id"))
        .addColumn("seat", "text")
        .addColumn("requested", "text")
        .addColumn("joined_at", "text", (c) => c.notNull())
        .addUniqueConstraint("participants_session_name", ["session_id", "name_key"])
        .execute();
      // One participant per seat: concurrent joins (even on two processes) cannot share one.
      await db.schema
        .createIndex("participants_table_seat")
        .unique()
        .on("participants")
        .columns(["table_id", "seat"])
        .where(sql.ref("table_id"), "is not", null)
        .execute();
      await db.schema
        .createTable("table_runtime")
        .addColumn("table_id", "text", (c) => c.primaryKey().references("tables.id"))
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("deadline_at", "text")
        .addColumn("remaining_ms", "integer")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("table_runtime_deadline").on("table_runtime").columns(["deadline_at"]).execute();
    },
  },
  "003_table_lenses": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("tables").addColumn("lenses", "text").execute();
    },
  },
  // Each session and table names the version of its scenario it was set up with (null: set
  // up before versions were kept, so it plays the catalog's), and each version is kept.
  "004_scenario_versions": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("scenario_versions")
        .addColumn("hash", "text", (c) => c.primaryKey())
        .addColumn("scenario_id", "text", (c) => c.notNull())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.alterTable("sessions").addColumn("scenario_hash", "text").execute();
      await db.schema.alterTable("tables").addColumn("scenario_hash", "text").execute();
    },
  },
  // Each event names the rules version that accepted it (null: stored before versions were
  // recorded), so a replay can say when it folds a game under other rules.
  "005_event_rules_version": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("events").addColumn("rules_version", "integer").execute();
    },
  },
  // The seat a participant last held, kept when the instructor gives it to a bot (the
  // gradebook still shows which table and party the student played).
  "006_participant_last_seat": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("participants").addColumn("last_table_id", "text").execute();
      await db.schema.alterTable("participants").addColumn("last_seat", "text").execute();
      await sql`UPDATE participants SET last_table_id = table_id, last_seat = seat WHERE table_id IS NOT NULL`.execute(
        db,
      );
    },
  },
  // The students who found every seat of a session taken, so the dashboard still names them
  // after a reload, on a second device and after a restart (until they join).
  "007_turned_away": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("turned_away")
        .addColumn("session_id", "text", (c) => c.notNull().references("sessions.id"))
        .addColumn("name_key", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("turned_away_pk", ["session_id", "name_key"])
        .execute();
    },
  },
  // What the instructor did to a table, kept beside its events (a pause or an added minute is
  // not a move): its replay shows why a round ran long or why a bot played a seat.
  "008_table_controls": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("table_controls")
        .addColumn("table_id", "text", (c) => c.notNull().references("tables.id"))
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("step", "integer", (c) => c.notNull())
        .addColumn("round", "integer", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("table_controls_table").on("table_controls").columns(["table_id", "at"]).execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
