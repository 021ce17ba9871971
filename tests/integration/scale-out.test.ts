import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectStudent, createSession, joinSession, lastView, type Seen } from "../helpers/classroom.ts";
import { http } from "../helpers/server.ts";
import { type ServerProcess, startServerProcess } from "../helpers/serverProcess.ts";
import { type RunningService, serviceAvailable, startPostgres, startRedis } from "../helpers/services.ts";

const hasRedis = serviceAvailable("redis");
const hasPostgres = serviceAvailable("postgres");

describe.skipIf(!hasRedis)("two server processes sharing Redis serve one class", () => {
  let redis: RunningService;
  let postgres: RunningService | undefined;
  const dir = mkdtempSync(join(tmpdir(), "parley-scale-"));
  const processes: ServerProcess[] = [];
  let database: Record<string, string> = {};

  beforeAll(async () => {
    redis = await startRedis(6391);
    // Sessions live in the shared database: PostgreSQL as in production, else one SQLite file.
    if (hasPostgres) postgres = await startPostgres(2741);
    database = postgres ? { DATABASE_URL: postgres.url } : { SQLITE_FILE: join(dir, "parley.sqlite") };
    for (const port of [2721, 2722]) await startProcess(port);
  }, 90_000);

  /** A server process on `port`, sharing the database and Redis, sweeping every second. */
  async function startProcess(port: number): Promise<ServerProcess> {
    const started = await startServerProcess({
      ...database,
      PORT: String(port),
      REDIS_URL: redis.url,
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      SWEEP_INTERVAL_MS: "1000",
    });
    processes.push(started);
    return started;
  }

  afterAll(async () => {
    for (const p of processes) await p.stop();
    await redis?.stop();
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("seats the students of one session on tables hosted by both processes", async () => {
    const [a, b] = processes as [ServerProcess, ServerProcess];
    const processIds = await Promise.all(
      [a, b].map(async (p) => (await http(p.url, "GET", "/health")).body.processId as string),
    );
    expect(new Set(processIds).size).toBe(2);

    const created = await createSession(a.url, {
      scenarioId: "us-china-tariffs",
      timing: { mode: "live", roundSeconds: 900 },
    });
    // Students reach either process (as behind a load balancer).
    const students: { room: Room; seen: Seen; tableId: string; processId: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const via = i % 2 === 0 ? a : b;
      const joined = await joinSession(via.url, created.session.joinCode, `Student ${i + 1}`);
      const reservation = await http(via.url, "POST", "/me/reservation", { token: joined.participantToken });
      const processId = reservation.body.processId as string;
      const student = await connectStudent(via.url, joined.participantToken);
      students.push({ ...student, tableId: joined.participant.tableId, processId });
    }
    for (const s of students) await vi.waitFor(() => expect(s.seen.views.length).toBeGreaterThan(0));
    const hostOf = new Map(students.map((s) => [s.tableId, s.processId]));
    expect(hostOf.size).toBe(4);
    // Tables are spread over both processes, and each table has exactly one host.
    expect(new Set(hostOf.values())).toEqual(new Set(processIds));

    // The instructor's overview, opened on one process, sees tables on both.
    const overview = await new Client(b.wsUrl).joinOrCreate("session", {
      sessionId: created.session.id,
      instructorToken: created.instructorToken,
    });
    const updates: { tableId: string; waitingFor: string[] }[] = [];
    overview.onMessage("overview", () => undefined);
    overview.onMessage("participants", () => undefined);
    overview.onMessage("table", (t: { tableId: string; waitingFor: string[] }) => updates.push(t));

    // A control sent to one process reaches every table, wherever it runs.
    const start = await http(b.url, "POST", `/sessions/${created.session.id}/control`, {
      token: created.instructorToken,
      body: { action: "start" },
    });
    expect((start.body as unknown as { result: { ok: boolean } }[]).map((r) => r.result.ok)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    for (const s of students) {
      await vi.waitFor(() => expect(s.seen.notices.some((n) => n.startsWith("The negotiation has begun"))).toBe(true));
    }
    for (const s of students) {
      s.room.send("move", { clientSeq: 1, move: { kind: "pass" } });
      await vi.waitFor(() => expect(s.seen.acks.some((ack) => ack.clientSeq === 1)).toBe(true));
    }
    await vi.waitFor(() => {
      const seenTables = new Set(updates.map((u) => u.tableId));
      expect(seenTables.size).toBe(4);
    });
    expect(lastView(students[0]?.seen as Seen).phase).toBe("playing");

    // The tables one process hosts end first: their results are held while the other
    // process's tables play. When those end, the news crosses to the first process through
    // Redis and every student's results open.
    const control = (via: ServerProcess, body: Record<string, unknown>) =>
      http(via.url, "POST", `/sessions/${created.session.id}/control`, { token: created.instructorToken, body });
    const firstHost = processIds[0];
    const early = [...hostOf].filter(([, host]) => host === firstHost).map(([tableId]) => tableId);
    expect((await control(b, { action: "end", tables: early })).status).toBe(200);
    const earlyStudents = students.filter((s) => early.includes(s.tableId));
    const lateStudents = students.filter((s) => !early.includes(s.tableId));
    for (const s of earlyStudents) {
      await vi.waitFor(() => expect(lastView(s.seen)).toMatchObject({ phase: "ended", resultsHeld: true }));
    }
    for (const s of lateStudents) expect(lastView(s.seen).phase).toBe("playing");
    expect((await control(b, { action: "end" })).status).toBe(200);
    for (const s of students) {
      await vi.waitFor(() => {
        expect(lastView(s.seen).phase).toBe("ended");
        expect(lastView(s.seen).resultsHeld).toBeUndefined();
        expect(lastView(s.seen).scores).toHaveLength(2);
      });
    }
    for (const s of students) await s.room.leave();
    await overview.leave();
  });

  it("moves a dead process's tables to the live one, where their students carry on", async () => {
    const [a, b] = processes as [ServerProcess, ServerProcess];
    const processIdOf = async (p: ServerProcess) => (await http(p.url, "GET", "/health")).body.processId as string;
    const dying = await processIdOf(a);
    const created = await createSession(b.url, {
      scenarioId: "us-china-tariffs",
      timing: { mode: "live", roundSeconds: 900 },
    });
    const students: { room: Room; seen: Seen; token: string; tableId: string; processId: string; seat: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const joined = await joinSession(b.url, created.session.joinCode, `Pupil ${i + 1}`);
      const reservation = await http(b.url, "POST", "/me/reservation", { token: joined.participantToken });
      const student = await connectStudent(b.url, joined.participantToken);
      students.push({
        ...student,
        token: joined.participantToken,
        tableId: joined.participant.tableId,
        processId: reservation.body.processId as string,
        seat: joined.participant.seat,
      });
    }
    const start = await http(b.url, "POST", `/sessions/${created.session.id}/control`, {
      token: created.instructorToken,
      body: { action: "start" },
    });
    expect(start.status).toBe(200);
    for (const [i, s] of students.entries()) {
      await vi.waitFor(() => expect(s.seen.views.length).toBeGreaterThan(0));
      s.room.send("move", { clientSeq: 1, move: { kind: "chat", text: `before the crash, ${i}` } });
      await vi.waitFor(() => expect(s.seen.acks.some((ack) => ack.clientSeq === 1)).toBe(true));
    }
    const stranded = students.filter((s) => s.processId === dying);
    expect(stranded.length).toBeGreaterThan(0);

    // The process dies with no goodbye: Redis still lists its rooms. The live process's
    // sweep finds it dead and opens its tables from their stored logs: the instructor's
    // overview shows them served again (a table whose room is gone shows as closed).
    await a.kill();
    await vi.waitFor(
      async () => {
        const tables = await http<{ tableId: string; open: boolean }[]>(
          b.url,
          "GET",
          `/sessions/${created.session.id}/tables`,
          { token: created.instructorToken },
        );
        expect(tables.body.map((t) => t.open)).toEqual([true, true]);
      },
      { timeout: 20_000, interval: 500 },
    );
    for (const s of stranded) {
      // The page asks the live process for its seat again, as the web client does when its
      // connection is lost for good; the live process opens the table from its stored log.
      const reservation = await http(b.url, "POST", "/me/reservation", { token: s.token });
      expect(reservation.status, reservation.text).toBe(200); // at the first attempt
      expect(reservation.body.processId).not.toBe(dying);
      const again = await connectStudent(b.url, s.token);
      await vi.waitFor(() => expect(again.seen.views.length).toBeGreaterThan(0));
      const view = lastView(again.seen);
      expect(view.me?.seat).toBe(s.seat);
      const mine = students.indexOf(s);
      expect(view.log.some((line) => line.text.includes(`before the crash, ${mine}`))).toBe(true);
      again.room.send("move", { clientSeq: 2, move: { kind: "chat", text: `after the crash, ${mine}` } });
      await vi.waitFor(() => expect(again.seen.acks.some((ack) => ack.clientSeq === 2)).toBe(true));
      s.room = again.room;
    }
    for (const s of students) await s.room.leave().catch(() => undefined);
  }, 60_000);

  it("gives a student of a process that just died the seat at the first try, before any sweep", async () => {
    // A third process takes the dead one's place; it hosts one of the new session's tables.
    const c = await startProcess(2723);
    const b = processes[1] as ServerProcess;
    const dying = (await http(c.url, "GET", "/health")).body.processId as string;
    const created = await createSession(b.url, {
      scenarioId: "us-china-tariffs",
      timing: { mode: "live", roundSeconds: 900 },
    });
    const students: { room: Room; seen: Seen; token: string; processId: string }[] = [];
    // Three tables: round-robin over the live processes puts one on the third process.
    for (let i = 0; i < 6; i++) {
      const joined = await joinSession(b.url, created.session.joinCode, `Late ${i + 1}`);
      const reservation = await http(b.url, "POST", "/me/reservation", { token: joined.participantToken });
      const student = await connectStudent(b.url, joined.participantToken);
      students.push({ ...student, token: joined.participantToken, processId: reservation.body.processId as string });
    }
    const started = await http(b.url, "POST", `/sessions/${created.session.id}/control`, {
      token: created.instructorToken,
      body: { action: "start" },
    });
    expect(started.status).toBe(200);
    const stranded = students.find((s) => s.processId === dying);
    if (!stranded) throw new Error("No table was placed on the third process");
    await vi.waitFor(() => expect(stranded.seen.views.length).toBeGreaterThan(0));
    stranded.room.send("move", { clientSeq: 1, move: { kind: "chat", text: "just before" } });
    await vi.waitFor(() => expect(stranded.seen.acks).toHaveLength(1));

    await c.kill();
    // At once, long before a sweep could have found the process dead (that alone takes a
    // 2 s ping): the reservation meets the silent room, and is made again on a live process.
    const reservation = await http(b.url, "POST", "/me/reservation", { token: stranded.token });
    expect(reservation.status, reservation.text).toBe(200);
    expect(reservation.body.processId).not.toBe(dying);
    const again = await connectStudent(b.url, stranded.token);
    await vi.waitFor(() => expect(again.seen.views.length).toBeGreaterThan(0));
    expect(lastView(again.seen).log.some((line) => line.text.includes("just before"))).toBe(true);
    for (const s of students) if (s.processId !== dying) await s.room.leave();
    await again.room.leave();
  }, 60_000);
});
