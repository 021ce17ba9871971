import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GameEvent } from "@parley/shared";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openSqliteStore } from "../../server/src/store/sqlite.ts";
import { connectStudent, createSession, joinSession, lastView } from "../helpers/classroom.ts";
import { http } from "../helpers/server.ts";
import { type ServerProcess, startServerProcess } from "../helpers/serverProcess.ts";

const dir = mkdtempSync(join(tmpdir(), "parley-crash-"));
const sqliteFile = join(dir, "parley.sqlite");
const env = { SQLITE_FILE: sqliteFile, RECONNECT_SECONDS: "30", SWEEP_INTERVAL_MS: "500" };
let running: ServerProcess | undefined;
afterAll(async () => {
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("a crash in the middle of a session", () => {
  it("keeps every acknowledged move, and play continues after a restart", async () => {
    const first = await startServerProcess(env);
    running = first;
    const created = await createSession(first.url, {
      scenarioId: "us-china-tariffs",
      timing: { mode: "live", roundSeconds: 900 },
    });
    const ada = await joinSession(first.url, created.session.joinCode, "Ada");
    const lin = await joinSession(first.url, created.session.joinCode, "Lin");
    const tableId = ada.participant.tableId;
    const adaClient = await connectStudent(first.url, ada.participantToken);
    const linClient = await connectStudent(first.url, lin.participantToken);
    await http(first.url, "POST", `/sessions/${created.session.id}/control`, {
      token: created.instructorToken,
      body: { action: "start" },
    });
    await vi.waitFor(() => expect(lastView(adaClient.seen).phase).toBe("playing"));
    const before = (
      (await http(first.url, "GET", `/sessions/${created.session.id}/tables`, { token: created.instructorToken }))
        .body as unknown as { deadlineAt: string }[]
    )[0];

    // A burst of moves from both seats; the server dies as soon as some are acknowledged,
    // with others still in flight.
    adaClient.room.reconnection.enabled = false;
    linClient.room.reconnection.enabled = false;
    for (let i = 0; i < 5; i++) {
      adaClient.room.send("move", { clientSeq: i, move: { kind: "chat", text: `ada ${i}` } });
      linClient.room.send("move", { clientSeq: i, move: { kind: "chat", text: `lin ${i}` } });
    }
    await vi.waitFor(() => expect(adaClient.seen.acks.length + linClient.seen.acks.length).toBeGreaterThanOrEqual(3));
    await first.kill();
    const acknowledged = [...adaClient.seen.acks, ...linClient.seen.acks];

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
      ["ada", adaClient, "usa"],
      ["lin", linClient, "china"],
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
    for (const ack of adaClient.seen.acks)
      expect(view.log.some((l) => l.text.includes(`ada ${ack.clientSeq}`))).toBe(true);

    adaAgain.room.send("move", { clientSeq: 100, move: { kind: "pass" } });
    await vi.waitFor(() => expect(adaAgain.seen.acks.find((a) => a.clientSeq === 100)?.seq).toBe(stored.length));
    await adaAgain.room.leave();
  });
});
