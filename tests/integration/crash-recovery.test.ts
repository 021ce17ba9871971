import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GameEvent } from "@parley/shared";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openSqliteStore } from "../../server/src/store/sqlite.ts";
import { rawLog } from "../helpers/chaos.ts";
import { classOf, connectStudent, lastView, type Student } from "../helpers/classroom.ts";
import { http } from "../helpers/server.ts";
import { type ServerProcess, startServerProcess } from "../helpers/serverProcess.ts";

const dir = mkdtempSync(join(tmpdir(), "parley-crash-"));
const sqliteFile = join(dir, "parley.sqlite");
const env = { SQLITE_FILE: sqliteFile, RECONNECT_SECONDS: "30", SWEEP_INTERVAL_MS: "500" };
const live = { timing: { mode: "live", roundSeconds: 900 } };
let running: ServerProcess | undefined;
afterAll(async () => {
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// Each test kills and restarts a server process, twice: 12–17 s on a quiet machine, so the
// default 20 s limit failed them on a busy one (a CI run beside other work).
describe("a crash in the middle of a session", { timeout: 60_000 }, () => {
  it("keeps every acknowledged move, and play continues after a restart", async () => {
    const first = await startServerProcess(env);
    running = first;
    const { created, students } = await classOf(first.url, ["Ada", "Lin"], live);
    const [ada, lin] = students as [Student, Student];
    const tableId = ada.participant.tableId;
    await vi.waitFor(() => expect(lastView(ada.seen).phase).toBe("playing"));
    const before = (
      (await http(first.url, "GET", `/sessions/${created.session.id}/tables`, { token: created.instructorToken }))
        .body as unknown as { deadlineAt: string }[]
    )[0];

    // A burst of moves from both seats; the server dies as soon as some are acknowledged,
    // with others still in flight.
    ada.room.reconnection.enabled = false;
    lin.room.reconnection.enabled = false;
    for (let i = 0; i < 5; i++) {
      ada.room.send("move", { clientSeq: i, move: { kind: "chat", text: `ada ${i}` } });
      lin.room.send("move", { clientSeq: i, move: { kind: "chat", text: `lin ${i}` } });
    }
    await vi.waitFor(() => expect(ada.seen.acks.length + lin.seen.acks.length).toBeGreaterThanOrEqual(3));
    await first.kill();
    const acknowledged = [...ada.seen.acks, ...lin.seen.acks];

    const store = await openSqliteStore(sqliteFile);
    const stored = (await store.events(tableId)).map((s) => s.event);
    await store.close();
    const bySeq = new Map<number, GameEvent>(stored.map((e) => [e.seq, e]));
    for (const ack of acknowledged) {
      const event = bySeq.get(ack.seq);
      expect(event, `acknowledged seq ${ack.seq}`).toBeDefined();
    }
    // Each acknowledged chat is the one its sender sent with that clientSeq.
    for (const [name, client, seat] of [
      ["ada", ada, "usa"],
      ["lin", lin, "china"],
    ] as const) {
      for (const ack of client.seen.acks) {
        expect(bySeq.get(ack.seq)).toMatchObject({
          by: seat,
          move: { kind: "chat", text: `${name} ${ack.clientSeq}` },
        });
      }
    }

    const second = await startServerProcess(env);
    running = second;
    const status = await http(second.url, "GET", `/sessions/${created.session.id}/tables`, {
      token: created.instructorToken,
    });
    const table = (
      status.body as unknown as { status: string; deadlineAt: string; seats: { participantName: string }[] }[]
    )[0];
    expect(table?.status).toBe("running");
    expect(table?.deadlineAt).toBe(before?.deadlineAt);
    expect(table?.seats.map((s) => s.participantName)).toEqual(["Ada", "Lin"]);

    const adaAgain = await connectStudent(second.url, ada.participantToken);
    await vi.waitFor(() => expect(adaAgain.seen.views.length).toBeGreaterThan(0));
    const view = lastView(adaAgain.seen);
    expect(view.me?.seat).toBe("usa");
    expect(view.seq).toBe(stored.length);
    for (const ack of ada.seen.acks) expect(view.log.some((l) => l.text.includes(`ada ${ack.clientSeq}`))).toBe(true);

    adaAgain.room.send("move", { clientSeq: 100, move: { kind: "pass" } });
    await vi.waitFor(() => expect(adaAgain.seen.acks.find((a) => a.clientSeq === 100)?.seq).toBe(stored.length));
    await adaAgain.room.leave();
  });
});

/** Processes started by the tests below, each on its own SQLite file. */
const started = new Set<ServerProcess>();
afterAll(async () => {
  for (const server of started) await server.stop();
});
async function startTracked(processEnv: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(processEnv);
  started.add(server);
  return server;
}
async function killTracked(server: ServerProcess) {
  await server.kill();
  started.delete(server);
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("after a restart, live tables run on by themselves", { timeout: 60_000 }, () => {
  it("reopens a live table after a restart even if nobody comes back: a bot covers the absent student and plays on", async () => {
    const quiet = join(dir, "nobody-returns.sqlite");
    const env = { SQLITE_FILE: quiet, RECONNECT_SECONDS: "1", SWEEP_INTERVAL_MS: "300", BOT_DELAY_MS: "20" };
    const first = await startTracked(env);
    const { created, students } = await classOf(first.url, ["Ada"], live);
    const [ada] = students as [Student];
    ada.room.reconnection.enabled = false;
    await vi.waitFor(() => expect(lastView(ada.seen).phase).toBe("playing"));
    const { tableId, seat } = ada.participant;
    const before = await rawLog(first.url, created.session.id, tableId, created.instructorToken);
    await killTracked(first);

    // Nobody reconnects: the process reopens the table itself, holds Ada's seat for the
    // window, then a bot plays it.
    const second = await startTracked(env);
    await vi.waitFor(
      async () => {
        const log = await rawLog(second.url, created.session.id, tableId, created.instructorToken);
        const since = log.events.slice(before.events.length).map((e) => e.event);
        const takeover = since.findIndex(
          (e) => e.move.kind === "setController" && e.move.seat === seat && e.move.controller.type === "bot",
        );
        expect(takeover).toBeGreaterThanOrEqual(0);
        expect(since.slice(takeover).some((e) => e.by === seat)).toBe(true);
      },
      { timeout: 15_000, interval: 200 },
    );
    await killTracked(second);

    // Another restart, then Ada comes back: she still hears what the bot did for her (the
    // server had kept the bot's start in memory only, and said nothing after a restart).
    const third = await startTracked(env);
    const back = await connectStudent(third.url, ada.participantToken);
    await vi.waitFor(() =>
      expect(lastView(back.seen).parties.find((p) => p.id === seat)?.controller?.type).toBe("human"),
    );
    await vi.waitFor(() =>
      expect(back.seen.notices.join("\n")).toMatch(
        /Welcome back: while you were away a bot played .+ and made [1-9]\d* moves?/,
      ),
    );
    await back.room.leave();
    await killTracked(third);
  });

  it("gives a round its clock back when the process died after taking its deadline but before ending the round", async () => {
    const file = join(dir, "lost-deadline.sqlite");
    const env = { SQLITE_FILE: file, RECONNECT_SECONDS: "30", SWEEP_INTERVAL_MS: "300", BOT_DELAY_MS: "20" };
    const first = await startTracked(env);
    // Ada sits at the table and thinks: round 1 waits for her move.
    const { created, students } = await classOf(first.url, ["Ada"], live);
    const [ada] = students as [Student];
    ada.room.reconnection.enabled = false;
    const summary = async (url: string) =>
      (
        await http<{ deadlineAt: string | null; round: number; open: boolean }[]>(
          url,
          "GET",
          `/sessions/${created.session.id}/tables`,
          { token: created.instructorToken },
        )
      ).body[0];
    const deadlineAt = (await summary(first.url))?.deadlineAt;
    expect(deadlineAt).toBeTruthy();
    await killTracked(first);
    // What the dead process had done: taken the due deadline (the compare-and-set that makes
    // one process fire it), and died before storing the round's end.
    const store = await openSqliteStore(file);
    expect(await store.claimDeadline(ada.participant.tableId, deadlineAt as string)).toBe(true);
    await store.close();

    const second = await startTracked(env);
    await vi.waitFor(
      async () => {
        const table = await summary(second.url);
        expect(table?.open).toBe(true);
        expect(table?.round).toBe(1);
        expect(Date.parse(table?.deadlineAt ?? "")).toBeGreaterThan(Date.now() + 800_000);
      },
      { timeout: 10_000, interval: 200 },
    );
    await killTracked(second);
  });

  it("gives a new round its own clock when the process died between starting it and storing its deadline", async () => {
    const file = join(dir, "lost-round-clock.sqlite");
    const env = { SQLITE_FILE: file, RECONNECT_SECONDS: "30", SWEEP_INTERVAL_MS: "300", BOT_DELAY_MS: "20" };
    const first = await startTracked(env);
    const roundSeconds = 900;
    const { created, students } = await classOf(first.url, ["Ada"], { timing: { mode: "live", roundSeconds } });
    const [ada] = students as [Student];
    ada.room.reconnection.enabled = false;
    const tableId = ada.participant.tableId;
    const store = () => openSqliteStore(file);
    const firstRound = await (async () => {
      const s = await store();
      const runtime = await s.getRuntime(tableId);
      await s.close();
      return runtime;
    })();
    // Round 1 runs a while, then Ada's move (the bot has made its own) opens round 2.
    await sleep(1500);
    await vi.waitFor(() =>
      expect(lastView(ada.seen).parties.find((p) => p.id !== ada.participant.seat)?.acted).toBe(true),
    );
    ada.room.send("move", { clientSeq: 1, move: { kind: "pass" } });
    await vi.waitFor(() => expect(lastView(ada.seen).round).toBe(2));
    await killTracked(first);
    // What a kill between storing the round's opening event and its new deadline leaves: the
    // log in round 2, the clock still on round 1's deadline.
    const s = await store();
    await s.putRuntime(firstRound as NonNullable<typeof firstRound>);
    const roundTwoAt = (await s.events(tableId)).find((e) => e.event.by === ada.participant.seat)?.at as string;
    await s.close();

    const second = await startTracked(env);
    await vi.waitFor(
      async () => {
        const tables = await http<{ deadlineAt: string | null; round: number }[]>(
          second.url,
          "GET",
          `/sessions/${created.session.id}/tables`,
          { token: created.instructorToken },
        );
        expect(tables.body[0]?.round).toBe(2);
        expect(Date.parse(tables.body[0]?.deadlineAt ?? "")).toBeGreaterThanOrEqual(
          Date.parse(roundTwoAt) + roundSeconds * 1000,
        );
      },
      { timeout: 10_000, interval: 200 },
    );
    await killTracked(second);
  });
});
