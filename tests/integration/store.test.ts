import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RULES_VERSION } from "@parley/shared";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStore } from "../../server/src/store/postgres.ts";
import { openSqliteStore } from "../../server/src/store/sqlite.ts";
import { ConflictError, type SessionRecord, type Store } from "../../server/src/store/store.ts";
import { type RunningService, serviceAvailable, startPostgres } from "../helpers/services.ts";

const settings = {
  scenarioId: "us-china-tariffs",
  lens: "both" as const,
  timing: { mode: "live" as const, roundSeconds: 60 },
  tables: "auto" as const,
  botPersonas: ["simple"],
};

function session(id: string, joinCode: string): SessionRecord {
  return {
    id,
    joinCode,
    instructorTokenHash: `hash-${id}`,
    scenarioId: "us-china-tariffs",
    settings,
    status: "lobby",
    createdAt: new Date().toISOString(),
  };
}

const table = (id: string, sessionId: string | null, number: number | null) => ({
  id,
  scenarioId: "us-china-tariffs",
  seed: 2 ** 31 - 1,
  seats: ["usa", "china"],
  controllers: { usa: { type: "bot" as const, persona: "simple" }, china: { type: "human" as const, name: "Lin" } },
  createdAt: new Date().toISOString(),
  sessionId,
  number,
});

const participant = (id: string, sessionId: string, name: string, tableId: string | null, seat: string | null) => ({
  id,
  sessionId,
  name,
  tokenHash: `token-${id}`,
  tableId,
  seat,
  requested: null,
  joinedAt: new Date().toISOString(),
});

/** The same suite for every database the server speaks. */
function storeSuite(open: () => Promise<Store>) {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.close();
  });

  it("migrates an already migrated database without change", async () => {
    const again = await open();
    await again.ping();
    await again.close();
  });

  it("stores a table and returns its events in order, refusing a second event with the same seq", async () => {
    await store.createTable(table("t-events", null, null));
    expect(await store.getTable("t-events")).toMatchObject({ seed: 2 ** 31 - 1, seats: ["usa", "china"] });
    await store.appendEvent("t-events", { seq: 0, by: "usa", move: { kind: "pass" } });
    await store.appendEvent("t-events", { seq: 1, by: "system", move: { kind: "broadcast", text: "<b>hi</b>" } });
    await expect(store.appendEvent("t-events", { seq: 1, by: "usa", move: { kind: "pass" } })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const events = await store.events("t-events");
    expect(events.map((e) => e.event.seq)).toEqual([0, 1]);
    // Each event names the rules version that accepted it (see shared/src/rules/version.ts).
    expect(events.map((e) => e.rulesVersion)).toEqual([RULES_VERSION, RULES_VERSION]);
    // Text is stored as text: nothing escapes or interprets it.
    expect(events[1]?.event.move).toEqual({ kind: "broadcast", text: "<b>hi</b>" });
    expect(await store.getTable("missing")).toBeUndefined();
  });

  it("keeps a table's instructor controls beside its events, in the order they came", async () => {
    await store.createTable(table("t-controls", null, null));
    const pause = { at: "2026-11-27T10:00:00.000Z", step: 3, round: 1, action: { action: "pause" as const } };
    const more = {
      at: "2026-11-27T10:01:00.000Z",
      step: 3,
      round: 1,
      action: { action: "extendDeadline" as const, minutes: 2.5 },
    };
    await store.recordControl("t-controls", pause);
    await store.recordControl("t-controls", more);
    expect(await store.controls("t-controls")).toEqual([pause, more]);
    expect(await store.controls("t-events")).toEqual([]);
  });

  it("finds a session by its join code and refuses a code already in use", async () => {
    await store.createSession(session("s1", "ABC234"));
    expect((await store.sessionByJoinCode("ABC234"))?.id).toBe("s1");
    expect((await store.getSession("s1"))?.settings.timing).toEqual({ mode: "live", roundSeconds: 60 });
    await expect(store.createSession(session("s2", "ABC234"))).rejects.toMatchObject({ constraint: "join_code" });
    await store.setSessionStatus("s1", "running");
    expect((await store.getSession("s1"))?.status).toBe("running");
  });

  it("keeps each scenario version once, and the version a session and its tables play", async () => {
    const version = { hash: "a".repeat(64), scenarioId: "us-china-tariffs", source: "id: us-china-tariffs\n" };
    await store.putScenarioVersion(version);
    // Kept under its hash: the same version again changes nothing, whatever it claims to hold.
    await store.putScenarioVersion({ ...version, source: "something else" });
    expect(await store.scenarioVersion(version.hash)).toEqual(version);
    expect(await store.scenarioVersion("b".repeat(64))).toBeUndefined();
    await store.createSession({ ...session("s-v", "VER234"), scenarioHash: version.hash });
    await store.createTable({ ...table("t-v", "s-v", 1), scenarioHash: version.hash });
    expect((await store.getSession("s-v"))?.scenarioHash).toBe(version.hash);
    expect((await store.getTable("t-v"))?.scenarioHash).toBe(version.hash);
    // Records without one (set up before versions were kept) read back as null.
    await store.createTable(table("t-nv", "s-v", 2));
    expect((await store.getTable("t-nv"))?.scenarioHash).toBeNull();
  });

  it("keeps the students turned away from a session, each once and oldest first, until they are forgotten", async () => {
    await store.createSession(session("s-away", "AWY234"));
    await store.createSession(session("s-other", "OTH234"));
    await store.recordTurnedAway("s-away", { name: "Cy", at: "2026-01-01T10:00:02.000Z" });
    await store.recordTurnedAway("s-away", { name: "Ada", at: "2026-01-01T10:00:01.000Z" });
    // Cy again, spelt otherwise: still one student, turned away first at 10:00:02.
    await store.recordTurnedAway("s-away", { name: "cy", at: "2026-01-01T10:05:00.000Z" });
    await store.recordTurnedAway("s-other", { name: "Bo", at: "2026-01-01T10:00:00.000Z" });
    expect(await store.turnedAwayOf("s-away")).toEqual([
      { name: "Ada", at: "2026-01-01T10:00:01.000Z" },
      { name: "Cy", at: "2026-01-01T10:00:02.000Z" },
    ]);
    expect(await store.forgetTurnedAway("s-away", "CY")).toBe(true);
    expect(await store.forgetTurnedAway("s-away", "Cy")).toBe(false);
    expect((await store.turnedAwayOf("s-away")).map((t) => t.name)).toEqual(["Ada"]);
    expect((await store.turnedAwayOf("s-other")).map((t) => t.name)).toEqual(["Bo"]);
  });

  it("keeps one participant per seat and per name, and swaps two seats at once", async () => {
    await store.createSession(session("s3", "XYZ789"));
    await store.createTable(table("t31", "s3", 1));
    await store.createTable(table("t32", "s3", 2));
    await expect(store.createTable(table("t33", "s3", 2))).rejects.toMatchObject({ constraint: "number" });
    expect((await store.tablesOfSession("s3")).map((t) => t.number)).toEqual([1, 2]);
    await store.createParticipant(participant("p1", "s3", "Ada", "t31", "usa"));
    await store.createParticipant(participant("p2", "s3", "Lin", "t31", "china"));
    await expect(store.createParticipant(participant("p3", "s3", "ada", "t32", "usa"))).rejects.toMatchObject({
      constraint: "name",
    });
    await expect(store.createParticipant(participant("p4", "s3", "Bo", "t31", "usa"))).rejects.toMatchObject({
      constraint: "seat",
    });
    await store.createParticipant(participant("p5", "s3", "Cy", null, null));
    expect((await store.participantByTokenHash("token-p5"))?.name).toBe("Cy");

    await store.assignSeats([
      { participantId: "p1", tableId: "t31", seat: "china" },
      { participantId: "p2", tableId: "t31", seat: "usa" },
    ]);
    const seats = Object.fromEntries((await store.participantsOfTable("t31")).map((p) => [p.id, p.seat]));
    expect(seats).toEqual({ p1: "china", p2: "usa" });
    await expect(store.assignSeats([{ participantId: "p5", tableId: "t31", seat: "usa" }])).rejects.toMatchObject({
      constraint: "seat",
    });
    // The refused change left everything as it was.
    expect((await store.getParticipant("p5"))?.tableId).toBeNull();

    await store.setSeatRequest("p5", { tableId: "t32", seat: "china", at: "2025-01-01T00:00:00.000Z" });
    expect((await store.getParticipant("p5"))?.requested?.seat).toBe("china");
    await store.setParticipantTokenHash("p5", "token-new");
    expect(await store.participantByTokenHash("token-p5")).toBeUndefined();
    expect((await store.participantsOfSession("s3")).length).toBe(3);

    // Unseated (the seat given to a bot), a participant keeps the seat it last held; seated
    // again, the new one.
    expect((await store.getParticipant("p1"))?.lastSeat).toEqual({ tableId: "t31", seat: "china" });
    expect((await store.getParticipant("p5"))?.lastSeat).toBeNull();
    await store.assignSeats([{ participantId: "p1", tableId: null, seat: null }]);
    expect(await store.getParticipant("p1")).toMatchObject({
      tableId: null,
      seat: null,
      lastSeat: { tableId: "t31", seat: "china" },
    });
    await store.assignSeats([{ participantId: "p1", tableId: "t32", seat: "usa" }]);
    expect((await store.getParticipant("p1"))?.lastSeat).toEqual({ tableId: "t32", seat: "usa" });
  });

  it("lets exactly one caller claim a due deadline", async () => {
    await store.createTable(table("t-clock", null, null));
    const deadlineAt = "2025-01-01T00:00:00.000Z";
    await store.putRuntime({ tableId: "t-clock", status: "running", deadlineAt, remainingMs: null });
    expect((await store.dueDeadlines("2025-01-01T00:00:01.000Z")).map((r) => r.tableId)).toContain("t-clock");
    expect((await store.dueDeadlines("2024-12-31T23:59:59.000Z")).map((r) => r.tableId)).not.toContain("t-clock");
    const claims = await Promise.all([
      store.claimDeadline("t-clock", deadlineAt),
      store.claimDeadline("t-clock", deadlineAt),
    ]);
    expect(claims.filter(Boolean).length).toBe(1);
    expect((await store.runtimesOf(["t-clock", "missing"])).map((r) => r.tableId)).toEqual(["t-clock"]);
    expect(await store.runtimesOf([])).toEqual([]);
    await store.putRuntime({ tableId: "t-clock", status: "paused", deadlineAt: null, remainingMs: 1234 });
    expect(await store.getRuntime("t-clock")).toEqual({
      tableId: "t-clock",
      status: "paused",
      deadlineAt: null,
      remainingMs: 1234,
    });
  });

  it("lists the running and paused tables of live sessions, which a restart must reopen", async () => {
    await store.createSession(session("s-live", "LIVE01"));
    await store.createSession({
      ...session("s-async", "ASYN01"),
      settings: { ...settings, timing: { mode: "async", roundHours: 24 } },
    });
    const runtimes = [
      ["t-live-run", "s-live", "running"],
      ["t-live-pause", "s-live", "paused"],
      ["t-live-wait", "s-live", "waiting"],
      ["t-live-end", "s-live", "ended"],
      ["t-async-run", "s-async", "running"],
    ] as const;
    for (const [id, sessionId, status] of runtimes) {
      await store.createTable(table(id, sessionId, runtimes.findIndex(([t]) => t === id) + 1));
      await store.putRuntime({ tableId: id, status, deadlineAt: null, remainingMs: null });
    }
    const live = await store.liveTables();
    expect(live).toEqual(expect.arrayContaining(["t-live-run", "t-live-pause"]));
    for (const id of ["t-live-wait", "t-live-end", "t-async-run", "t-clock"]) expect(live).not.toContain(id);
  });
}

describe("SQLite store", () => {
  const dir = mkdtempSync(join(tmpdir(), "parley-store-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  storeSuite(() => openSqliteStore(join(dir, "store.sqlite")));

  it("upgrades a walking-skeleton database and keeps its tables", async () => {
    const file = join(dir, "old.sqlite");
    const old = new Database(file);
    old.exec(`CREATE TABLE tables (id TEXT PRIMARY KEY, scenario_id TEXT NOT NULL, seed INTEGER NOT NULL,
      seats TEXT NOT NULL, controllers TEXT NOT NULL, created_at TEXT NOT NULL)`);
    old.exec(`CREATE TABLE events (table_id TEXT NOT NULL REFERENCES tables(id), seq INTEGER NOT NULL,
      event TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (table_id, seq))`);
    old.prepare("INSERT INTO tables VALUES ('old', 'us-china-tariffs', 7, '[\"usa\"]', '{}', 'x')").run();
    old.close();
    const store = await openSqliteStore(file);
    expect(await store.getTable("old")).toMatchObject({ id: "old", seed: 7, sessionId: null });
    await store.close();
  });

  it("gives the participants of a database from before last seats were kept the seats they hold", async () => {
    const file = join(dir, "before-last-seat.sqlite");
    const store = await openSqliteStore(file);
    await store.createSession(session("s9", "LST999"));
    await store.createTable(table("t91", "s9", 1));
    await store.createParticipant(participant("p91", "s9", "Ada", "t91", "usa"));
    await store.createParticipant(participant("p92", "s9", "Bo", null, null));
    await store.close();
    // Back to the schema before migration 006 (and those after it), with its participants as they were stored then.
    const old = new Database(file);
    old.exec("ALTER TABLE participants DROP COLUMN last_table_id");
    old.exec("ALTER TABLE participants DROP COLUMN last_seat");
    // The migrations after it go too (a database of then had none of them).
    old.exec("DROP TABLE turned_away");
    old.exec("DROP TABLE table_controls");
    for (const name of ["006_participant_last_seat", "007_turned_away", "008_table_controls"])
      old.prepare("DELETE FROM kysely_migration WHERE name = ?").run(name);
    old.close();
    const upgraded = await openSqliteStore(file);
    expect((await upgraded.getParticipant("p91"))?.lastSeat).toEqual({ tableId: "t91", seat: "usa" });
    expect((await upgraded.getParticipant("p92"))?.lastSeat).toBeNull();
    await upgraded.close();
  });
});

const hasPostgres = serviceAvailable("postgres");
describe.skipIf(!hasPostgres)("PostgreSQL store", () => {
  let postgres: RunningService;
  beforeAll(async () => {
    postgres = await startPostgres(2740);
  });
  afterAll(async () => {
    await postgres?.stop();
  });
  storeSuite(() => openPostgresStore(postgres.url));
});
