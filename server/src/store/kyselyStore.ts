import { type GameEvent, nameKey, RULES_VERSION } from "@parley/shared";
import { type Kysely, Migrator, type Selectable, sql } from "kysely";
import type { ControlAction } from "../sessions/controls.ts";
import type { SessionSettings } from "../sessions/settings.ts";
import { migrationProvider } from "./migrations.ts";
import type { Database, ParticipantsTable, SessionsTable, TablesTable } from "./schema.ts";
import {
  ConflictError,
  type ParticipantRecord,
  type RuntimeStatus,
  type SessionRecord,
  type SessionStatus,
  type Store,
  type TableRecord,
  type TableRuntime,
} from "./store.ts";

/** A unique-constraint failure, on SQLite or PostgreSQL. */
function uniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return (
    e?.code === "23505" ||
    e?.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    (typeof e?.message === "string" && e.message.includes("UNIQUE constraint failed"))
  );
}

/** Which uniqueness rule a write broke, named for the caller. */
export function conflictOf(error: unknown): ConflictError | undefined {
  if (!uniqueViolation(error)) return undefined;
  const text = `${(error as { constraint?: string }).constraint ?? ""} ${(error as Error).message ?? ""}`;
  if (text.includes("join_code")) return new ConflictError("join_code");
  if (text.includes("name")) return new ConflictError("name");
  if (text.includes("seat")) return new ConflictError("seat");
  if (text.includes("number")) return new ConflictError("number");
  return new ConflictError("unique");
}

async function orConflict<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    throw conflictOf(error) ?? error;
  }
}

function tableOf(row: Selectable<TablesTable>): TableRecord {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    seed: Number(row.seed),
    seats: JSON.parse(row.seats),
    controllers: JSON.parse(row.controllers),
    createdAt: row.created_at,
    sessionId: row.session_id,
    number: row.number === null ? null : Number(row.number),
    lenses: row.lenses ? JSON.parse(row.lenses) : null,
    scenarioHash: row.scenario_hash ?? null,
  };
}

function sessionOf(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id,
    joinCode: row.join_code,
    instructorTokenHash: row.instructor_token_hash,
    scenarioId: row.scenario_id,
    settings: JSON.parse(row.settings) as SessionSettings,
    status: row.status as SessionStatus,
    createdAt: row.created_at,
    scenarioHash: row.scenario_hash ?? null,
  };
}

function participantOf(row: Selectable<ParticipantsTable>): ParticipantRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    name: row.name,
    tokenHash: row.token_hash,
    tableId: row.table_id,
    seat: row.seat,
    requested: row.requested ? JSON.parse(row.requested) : null,
    joinedAt: row.joined_at,
    lastSeat: row.last_table_id && row.last_seat ? { tableId: row.last_table_id, seat: row.last_seat } : null,
  };
}

function runtimeOf(row: {
  table_id: string;
  status: string;
  deadline_at: string | null;
  remaining_ms: number | null;
}): TableRuntime {
  return {
    tableId: row.table_id,
    status: row.status as RuntimeStatus,
    deadlineAt: row.deadline_at,
    remainingMs: row.remaining_ms === null ? null : Number(row.remaining_ms),
  };
}

/** Brings the database up to the latest migration; throws with the failing step. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Database migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}

/** The one Store implementation; the dialect (SQLite or PostgreSQL) is chosen by the caller. */
export function kyselyStore(db: Kysely<Database>, kind: Store["kind"]): Store {
  const now = () => new Date().toISOString();
  // The hottest write, one per move: plain SQL, without the query builder's work per call
  // (about 4% of a move under load).
  const insertEvent = async (tableId: string, event: GameEvent): Promise<void> => {
    await orConflict(
      sql`insert into events (table_id, seq, event, at, rules_version) values (${tableId}, ${event.seq}, ${JSON.stringify(event)}, ${now()}, ${RULES_VERSION})`.execute(
        db,
      ),
    );
  };
  return {
    kind,
    async createTable(t) {
      await orConflict(
        db
          .insertInto("tables")
          .values({
            id: t.id,
            scenario_id: t.scenarioId,
            seed: t.seed,
            seats: JSON.stringify(t.seats),
            controllers: JSON.stringify(t.controllers),
            created_at: t.createdAt,
            session_id: t.sessionId ?? null,
            number: t.number ?? null,
            lenses: t.lenses ? JSON.stringify(t.lenses) : null,
            scenario_hash: t.scenarioHash ?? null,
          })
          .execute(),
      );
    },
    async getTable(id) {
      const row = await db.selectFrom("tables").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? tableOf(row) : undefined;
    },
    async tablesOfSession(sessionId) {
      const rows = await db
        .selectFrom("tables")
        .selectAll()
        .where("session_id", "=", sessionId)
        .orderBy("number")
        .execute();
      return rows.map(tableOf);
    },
    appendEvent: insertEvent,
    // Here a commit is durable (PostgreSQL commits synchronously; the SQLite store adds its WAL sync).
    async commitEvent(tableId, event) {
      await insertEvent(tableId, event);
      return { durable: Promise.resolve() };
    },
    async events(tableId) {
      const rows = await db
        .selectFrom("events")
        .select(["event", "at", "rules_version"])
        .where("table_id", "=", tableId)
        .orderBy("seq")
        .execute();
      return rows.map((row) => ({
        event: JSON.parse(row.event) as GameEvent,
        at: row.at,
        rulesVersion: row.rules_version ?? null,
      }));
    },
    async recordControl(tableId, c) {
      await db
        .insertInto("table_controls")
        .values({ table_id: tableId, at: c.at, step: c.step, round: c.round, action: JSON.stringify(c.action) })
        .execute();
    },
    async controls(tableId) {
      const rows = await db
        .selectFrom("table_controls")
        .select(["at", "step", "round", "action"])
        .where("table_id", "=", tableId)
        .orderBy("step")
        .orderBy("at")
        .execute();
      return rows.map((row) => ({
        at: row.at,
        step: Number(row.step),
        round: Number(row.round),
        action: JSON.parse(row.action) as ControlAction,
      }));
    },

    async putScenarioVersion(v) {
      await db
        .insertInto("scenario_versions")
        .values({ hash: v.hash, scenario_id: v.scenarioId, source: v.source, created_at: now() })
        .onConflict((c) => c.column("hash").doNothing())
        .execute();
    },
    async scenarioVersion(hash) {
      const row = await db.selectFrom("scenario_versions").selectAll().where("hash", "=", hash).executeTakeFirst();
      return row ? { hash: row.hash, scenarioId: row.scenario_id, source: row.source } : undefined;
    },

    async createSession(s) {
      await orConflict(
        db
          .insertInto("sessions")
          .values({
            id: s.id,
            join_code: s.joinCode,
            instructor_token_hash: s.instructorTokenHash,
            scenario_id: s.scenarioId,
            settings: JSON.stringify(s.settings),
            status: s.status,
            created_at: s.createdAt,
            scenario_hash: s.scenarioHash ?? null,
          })
          .execute(),
      );
    },
    async getSession(id) {
      const row = await db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? sessionOf(row) : undefined;
    },
    async sessionByJoinCode(code) {
      const row = await db.selectFrom("sessions").selectAll().where("join_code", "=", code).executeTakeFirst();
      return row ? sessionOf(row) : undefined;
    },
    async setSessionStatus(id, status) {
      await db.updateTable("sessions").set({ status }).where("id", "=", id).execute();
    },
    async setSessionSettings(id, settings) {
      await db
        .updateTable("sessions")
        .set({ settings: JSON.stringify(settings) })
        .where("id", "=", id)
        .execute();
    },

    async recordTurnedAway(sessionId, student) {
      await db
        .insertInto("turned_away")
        .values({ session_id: sessionId, name_key: nameKey(student.name), name: student.name, at: student.at })
        .onConflict((c) => c.columns(["session_id", "name_key"]).doNothing())
        .execute();
    },
    async forgetTurnedAway(sessionId, name) {
      const result = await db
        .deleteFrom("turned_away")
        .where("session_id", "=", sessionId)
        .where("name_key", "=", nameKey(name))
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async turnedAwayOf(sessionId) {
      const rows = await db
        .selectFrom("turned_away")
        .select(["name", "at"])
        .where("session_id", "=", sessionId)
        .orderBy("at")
        .orderBy("name_key")
        .execute();
      return rows;
    },

    async createParticipant(p) {
      await orConflict(
        db
          .insertInto("participants")
          .values({
            id: p.id,
            session_id: p.sessionId,
            name: p.name,
            name_key: nameKey(p.name),
            token_hash: p.tokenHash,
            table_id: p.tableId,
            seat: p.seat,
            requested: p.requested ? JSON.stringify(p.requested) : null,
            joined_at: p.joinedAt,
            last_table_id: p.tableId,
            last_seat: p.seat,
          })
          .execute(),
      );
    },
    async getParticipant(id) {
      const row = await db.selectFrom("participants").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? participantOf(row) : undefined;
    },
    async participantByTokenHash(hash) {
      const row = await db.selectFrom("participants").selectAll().where("token_hash", "=", hash).executeTakeFirst();
      return row ? participantOf(row) : undefined;
    },
    async participantsOfSession(sessionId) {
      const rows = await db
        .selectFrom("participants")
        .selectAll()
        .where("session_id", "=", sessionId)
        .orderBy("joined_at")
        .orderBy("id")
        .execute();
      return rows.map(participantOf);
    },
    async participantsOfTable(tableId) {
      const rows = await db.selectFrom("participants").selectAll().where("table_id", "=", tableId).execute();
      return rows.map(participantOf);
    },
    async assignSeats(changes) {
      await orConflict(
        db.transaction().execute(async (trx) => {
          // Free every seat first, so a swap never trips over its own half.
          for (const change of changes) {
            await trx
              .updateTable("participants")
              .set({ table_id: null, seat: null })
              .where("id", "=", change.participantId)
              .execute();
          }
          for (const change of changes) {
            if (change.tableId === null) continue;
            await trx
              .updateTable("participants")
              .set({
                table_id: change.tableId,
                seat: change.seat,
                requested: null,
                last_table_id: change.tableId,
                last_seat: change.seat,
              })
              .where("id", "=", change.participantId)
              .execute();
          }
        }),
      );
    },
    async setSeatRequest(participantId, request) {
      await db
        .updateTable("participants")
        .set({ requested: request ? JSON.stringify(request) : null })
        .where("id", "=", participantId)
        .execute();
    },
    async setParticipantTokenHash(participantId, hash) {
      await db.updateTable("participants").set({ token_hash: hash }).where("id", "=", participantId).execute();
    },

    async getRuntime(tableId) {
      const row = await db.selectFrom("table_runtime").selectAll().where("table_id", "=", tableId).executeTakeFirst();
      return row ? runtimeOf(row) : undefined;
    },
    async runtimesOf(tableIds) {
      if (tableIds.length === 0) return [];
      const rows = await db
        .selectFrom("table_runtime")
        .selectAll()
        .where("table_id", "in", [...tableIds])
        .execute();
      return rows.map(runtimeOf);
    },
    async putRuntime(r) {
      const values = {
        status: r.status,
        deadline_at: r.deadlineAt,
        remaining_ms: r.remainingMs === null ? null : Math.round(r.remainingMs),
        updated_at: now(),
      };
      await db
        .insertInto("table_runtime")
        .values({ table_id: r.tableId, ...values })
        .onConflict((oc) => oc.column("table_id").doUpdateSet(values))
        .execute();
    },
    async claimDeadline(tableId, deadlineAt) {
      const result = await db
        .updateTable("table_runtime")
        .set({ deadline_at: null, updated_at: now() })
        .where("table_id", "=", tableId)
        .where("deadline_at", "=", deadlineAt)
        .where("status", "=", "running")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async dueDeadlines(at) {
      const rows = await db
        .selectFrom("table_runtime")
        .selectAll()
        .where("status", "=", "running")
        .where("deadline_at", "is not", null)
        .where("deadline_at", "<=", at)
        .execute();
      return rows.map(runtimeOf);
    },
    async liveTables() {
      const rows = await db
        .selectFrom("table_runtime")
        .innerJoin("tables", "tables.id", "table_runtime.table_id")
        .innerJoin("sessions", "sessions.id", "tables.session_id")
        .select(["table_runtime.table_id as tableId", "sessions.settings as settings"])
        .where("table_runtime.status", "in", ["running", "paused"])
        .execute();
      // A session's tables share its settings: each is read once.
      const live = new Map<string, boolean>();
      const isLive = (settings: string) => {
        let known = live.get(settings);
        if (known === undefined) {
          known = (JSON.parse(settings) as SessionSettings).timing.mode === "live";
          live.set(settings, known);
        }
        return known;
      };
      return rows.filter((row) => isLive(row.settings)).map((row) => row.tableId);
    },

    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}
