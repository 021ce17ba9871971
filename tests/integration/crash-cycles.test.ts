import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Room } from "@colyseus/sdk";
import { isSystemEvent, type Move } from "@parley/shared";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openSqliteStore } from "../../server/src/store/sqlite.ts";
import { foldedView, freeMove, mainMove, rawLog, seededRandom, watchTable } from "../helpers/chaos.ts";
import { connectStudent, createSession, joinSession, lastView, type Seen } from "../helpers/classroom.ts";
import { http } from "../helpers/server.ts";
import { type ServerProcess, startServerProcess } from "../helpers/serverProcess.ts";

/**
 * A live class on a real server process that is killed (SIGKILL) at a random moment, over
 * and over, and restarted on the same SQLite file. `CRASH_CYCLES` sets how many kills
 * (6 by default, about 40 s), `CRASH_SEED` the seed of every random choice.
 */
const cycles = Number(process.env.CRASH_CYCLES ?? 6);
const seed = Number(process.env.CRASH_SEED ?? 20261126);

const dir = mkdtempSync(join(tmpdir(), "parley-crash-cycles-"));
const sqliteFile = join(dir, "parley.sqlite");
const running = new Set<ServerProcess>();
afterAll(async () => {
  for (const server of running) await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  running.add(server);
  return server;
}

async function kill(server: ServerProcess) {
  await server.kill();
  running.delete(server);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Student {
  name: string;
  token: string;
  tableId: string;
  seat: string;
  room?: Room;
  seen?: Seen;
  /** Every move this student sent, by its client sequence number (unique across connections). */
  sent: Map<number, Move>;
  nextSeq: number;
  chats: { count: number; lastAt: number };
}

interface Acked {
  tableId: string;
  seat: string;
  seq: number;
  clientSeq: number;
  move: Move;
}

interface Class {
  sessionId: string;
  token: string;
  tableIds: string[];
  students: Student[];
  /** Seats a bot plays, per table. */
  botSeats: Map<string, string[]>;
}

const names = ["Ada", "Ben", "Cai", "Dee", "Eli", "Fay"];

async function newClass(baseUrl: string, label: string): Promise<Class> {
  const created = await createSession(baseUrl, {
    scenarioId: "camp-david-1978",
    title: `Crash cycles ${label}`,
    tables: 3,
    botPersonas: ["hardliner"],
    timing: { mode: "live", roundSeconds: 900 },
  });
  const students: Student[] = [];
  for (const name of names) {
    const joined = await joinSession(baseUrl, created.session.joinCode, name);
    students.push({
      name,
      token: joined.participantToken,
      tableId: joined.participant.tableId,
      seat: joined.participant.seat,
      sent: new Map(),
      nextSeq: 1,
      chats: { count: 0, lastAt: 0 },
    });
  }
  const tables = await http<{ tableId: string; seats: { seat: string; participantId: string | null }[] }[]>(
    baseUrl,
    "GET",
    `/sessions/${created.session.id}/tables`,
    { token: created.instructorToken },
  );
  const botSeats = new Map(
    tables.body.map((t) => [t.tableId, t.seats.filter((s) => s.participantId === null).map((s) => s.seat)]),
  );
  // Every table has students and bots at it.
  for (const seats of botSeats.values()) expect(seats.length).toBeGreaterThan(0);
  expect(new Set(students.map((s) => s.tableId)).size).toBe(tables.body.length);
  const started = await http(baseUrl, "POST", `/sessions/${created.session.id}/control`, {
    token: created.instructorToken,
    body: { action: "start" },
  });
  expect(started.status).toBe(200);
  return {
    sessionId: created.session.id,
    token: created.instructorToken,
    tableIds: tables.body.map((t) => t.tableId),
    students,
    botSeats,
  };
}

function send(student: Student, move: Move): number {
  const clientSeq = student.nextSeq++;
  student.sent.set(clientSeq, move);
  student.room?.send("move", { clientSeq, move });
  if (move.kind === "chat") student.chats = { count: student.chats.count + 1, lastAt: Date.now() };
  return clientSeq;
}

/** Within the server's chat limit (bursts of 5, then one every 2 s), with a margin. */
const mayChat = (s: Student) => s.chats.count < 4 || Date.now() - s.chats.lastAt > 2300;

/** Every acknowledgement a student has received on its current connection. */
function acksOf(student: Student): Acked[] {
  return (student.seen?.acks ?? []).flatMap((ack) => {
    const move = ack.clientSeq === undefined ? undefined : student.sent.get(ack.clientSeq);
    if (!move || ack.clientSeq === undefined) return [];
    return [{ tableId: student.tableId, seat: student.seat, seq: ack.seq, clientSeq: ack.clientSeq, move }];
  });
}

type TableInfo = { tableId: string; status: string; open: boolean; phase: string };

async function tablesOf(baseUrl: string, cls: Class): Promise<TableInfo[]> {
  const response = await http<TableInfo[]>(baseUrl, "GET", `/sessions/${cls.sessionId}/tables`, { token: cls.token });
  return response.body;
}

describe("crash and restart, over and over", () => {
  it(
    `keeps every acknowledged move through ${cycles} kills, and every table resumes each time`,
    async () => {
      const random = seededRandom(seed);
      const env = { SQLITE_FILE: sqliteFile, RECONNECT_SECONDS: "30", SWEEP_INTERVAL_MS: "300", BOT_DELAY_MS: "20" };
      const began = Date.now();
      let server = await start(env);
      const classes: Class[] = [];
      let cls = await newClass(server.url, "1");
      classes.push(cls);
      const acked: Acked[] = [];
      const stats = {
        kills: 0,
        acked: 0,
        storedUnacked: 0,
        eventsChecked: 0,
        viewsCompared: 0,
        restartMs: [] as number[],
      };
      /** Events stored per table when the server was last killed. */
      const storedAtKill = new Map<string, number>();

      for (let cycle = 0; cycle <= cycles; cycle++) {
        // ---- (re)connect: the tables are open again by themselves, then everyone comes back
        if (cycle > 0) {
          await vi.waitFor(
            async () => {
              for (const t of await tablesOf(server.url, cls))
                if (t.status === "running") expect(t.open, `table ${t.tableId} open after restart ${cycle}`).toBe(true);
            },
            { timeout: 10_000, interval: 100 },
          );
        }
        if ((await tablesOf(server.url, cls)).every((t) => t.status === "ended")) {
          cls = await newClass(server.url, String(classes.length + 1));
          classes.push(cls);
        }
        for (const student of cls.students) {
          const { room, seen } = await connectStudent(server.url, student.token);
          room.reconnection.enabled = false; // the next server listens on another port
          Object.assign(student, { room, seen, chats: { count: 0, lastAt: 0 } });
        }
        for (const student of cls.students) {
          await vi.waitFor(() => expect(student.seen?.views.length).toBeGreaterThan(0));
          const view = lastView(student.seen as Seen);
          expect(view.me?.seat).toBe(student.seat);
          expect(view.seq).toBeGreaterThanOrEqual(storedAtKill.get(student.tableId) ?? 0);
        }

        // ---- the replay equals the live game: the instructor's live view against the log folded by the rules
        const watchers = await Promise.all(
          cls.tableIds.map((tableId) => watchTable(server.url, cls.sessionId, tableId, cls.token)),
        );
        for (const [index, tableId] of cls.tableIds.entries()) {
          const watcher = watchers[index] as { room: Room; seen: Seen };
          watcher.room.reconnection.enabled = false;
          await vi.waitFor(() => expect(watcher.seen.views.length).toBeGreaterThan(0));
          const live = lastView(watcher.seen);
          const log = await rawLog(server.url, cls.sessionId, tableId, cls.token);
          expect(log.events.length).toBeGreaterThanOrEqual(live.seq);
          expect(foldedView(log, live.seq)).toEqual(live);
          stats.viewsCompared++;
        }

        // ---- the tables resume: each student's moves are accepted again, and the bots play on
        const logLengthAtResume = new Map<string, number>();
        for (const tableId of cls.tableIds)
          logLengthAtResume.set(tableId, (await rawLog(server.url, cls.sessionId, tableId, cls.token)).events.length);
        const playing = (s: Student) => lastView(s.seen as Seen).phase === "playing";
        for (const student of cls.students.filter(playing)) {
          const chat = send(student, { kind: "chat", text: `${student.name} is back (${cycle})` });
          await vi.waitFor(() => expect(student.seen?.acks.some((a) => a.clientSeq === chat)).toBe(true));
        }
        for (const student of cls.students.filter(playing)) {
          const move = mainMove(lastView(student.seen as Seen), random);
          if (!move) continue;
          const clientSeq = send(student, move);
          await vi.waitFor(() =>
            expect(
              (student.seen as Seen).acks.some((a) => a.clientSeq === clientSeq) ||
                (student.seen as Seen).rejected.some((r) => r.clientSeq === clientSeq),
            ).toBe(true),
          );
          const rejection = student.seen?.rejected.find((r) => r.clientSeq === clientSeq);
          // A legal move is refused only because the round moved on meanwhile, never by a broken table.
          if (rejection) expect(["AlreadyActed", "GameOver"], JSON.stringify(move)).toContain(rejection.code);
        }
        for (const tableId of cls.tableIds) {
          const bots = cls.botSeats.get(tableId) ?? [];
          await vi.waitFor(
            async () => {
              const log = await rawLog(server.url, cls.sessionId, tableId, cls.token);
              const since = log.events.slice(logLengthAtResume.get(tableId)).map((e) => e.event);
              if (foldedView(log, log.events.length).phase === "playing")
                expect(since.some((e) => bots.includes(e.by))).toBe(true);
            },
            { timeout: 10_000, interval: 100 },
          );
        }
        if (cycle === cycles) {
          for (const w of watchers) await w.room.leave();
          for (const s of cls.students) await s.room?.leave();
          break;
        }

        // ---- play, and die at a random moment with moves in flight
        const ticker = setInterval(() => {
          for (const student of cls.students) {
            const view = student.seen?.views.length ? lastView(student.seen) : undefined;
            if (view?.phase !== "playing") continue;
            const roll = random();
            const main = roll < 0.08 ? mainMove(view, random) : undefined;
            if (main) send(student, main);
            else if (roll < 0.6) {
              const move = freeMove(view, random, `${student.name} ${student.nextSeq}`);
              if (move.kind !== "chat" || mayChat(student)) send(student, move);
            }
          }
        }, 80);
        await sleep(300 + random() * 1700);
        // The instructor's view just before the kill also equals the log folded up to it.
        const tableIndex = Math.floor(random() * cls.tableIds.length);
        const justBefore = lastView((watchers[tableIndex] as { seen: Seen }).seen);
        const logBefore = await rawLog(server.url, cls.sessionId, cls.tableIds[tableIndex] as string, cls.token);
        expect(foldedView(logBefore, justBefore.seq)).toEqual(justBefore);
        stats.viewsCompared++;
        await sleep(random() * 200);
        await kill(server);
        clearInterval(ticker);
        stats.kills++;
        for (const student of cls.students) acked.push(...acksOf(student));

        // ---- every acknowledged move is stored as it was sent, in an unbroken log
        const store = await openSqliteStore(sqliteFile);
        try {
          for (const c of classes) {
            for (const tableId of c.tableIds) {
              const events = (await store.events(tableId)).map((s) => s.event);
              expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
              const before = storedAtKill.get(tableId) ?? 0;
              storedAtKill.set(tableId, events.length);
              const ackedHere = acked.filter((a) => a.tableId === tableId);
              for (const a of ackedHere) {
                expect(events[a.seq], `acknowledged seq ${a.seq} at ${tableId}`).toMatchObject({
                  seq: a.seq,
                  by: a.seat,
                  move: a.move,
                });
              }
              stats.eventsChecked += events.length;
              // A move stored without its acknowledgement (the process died in between) is one its
              // student sent; moves made while a bot held the seat are the bot's.
              const ackedSeqs = new Set(ackedHere.map((a) => a.seq));
              const controllers = { ...(await store.getTable(tableId))?.controllers };
              for (const event of events) {
                if (isSystemEvent(event)) {
                  if (event.move.kind === "setController") controllers[event.move.seat] = event.move.controller;
                  continue;
                }
                const student = c.students.find((s) => s.tableId === tableId && s.seat === event.by);
                if (!student || ackedSeqs.has(event.seq) || controllers[event.by]?.type !== "human") continue;
                // Stored as sent, with the rules' defaults filled in (e.g. no creative options).
                expect([...student.sent.values()]).toContainEqual(expect.objectContaining(withoutDefaults(event.move)));
                if (event.seq >= before) stats.storedUnacked++;
              }
            }
          }
        } finally {
          await store.close();
        }

        const restarting = Date.now();
        server = await start(env);
        stats.restartMs.push(Date.now() - restarting);
      }

      stats.acked = acked.length;
      expect(stats.kills).toBe(cycles);
      expect(stats.acked).toBeGreaterThan(cycles * 6);
      const seconds = ((Date.now() - began) / 1000).toFixed(1);
      const restart = stats.restartMs.reduce((a, b) => a + b, 0) / Math.max(1, stats.restartMs.length);
      console.log(
        `crash cycles: ${stats.kills} kills in ${seconds} s (seed ${seed}), ${classes.length} class(es); ` +
          `${stats.acked} acknowledged moves all found in the log; ${stats.eventsChecked} stored events checked; ` +
          `${stats.storedUnacked} stored without an ack; ${stats.viewsCompared} live views equal to the folded log; ` +
          `restart ${restart.toFixed(0)} ms on average`,
      );
    },
    60_000 + cycles * 20_000,
  );
});

function withoutDefaults(move: Move): Partial<Move> {
  if (move.kind !== "propose" || move.package.creative?.length) return move;
  const { creative: _none, ...options } = move.package;
  return { ...move, package: options };
}
