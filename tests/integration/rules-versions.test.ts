import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RULES_VERSION, rulesNotice } from "@parley/shared";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it, vi } from "vitest";
import { classOf } from "../helpers/classroom.ts";
import { bootTestServer, http } from "../helpers/server.ts";

/**
 * Every stored event names the rules version that accepted it, and a replay that folds a
 * game under other rules says so; one these rules cannot fold at all stops before the
 * event they cannot fold, and says that too, instead of failing whole, and so do the
 * dashboard's summary of the table and the session's results.
 */
const data = mkdtempSync(join(tmpdir(), "parley-rules-"));
afterAll(() => rmSync(data, { recursive: true, force: true }));

interface Replay {
  steps: { seq: number }[];
  rules: { played: (number | null)[]; current: number };
  notice?: string;
}

describe("rules versions", () => {
  it("are stored with each event, and a replay under other rules says so", async () => {
    let server = await bootTestServer({ dataDir: data });
    const { created, students, instructor } = await classOf(server.url, ["Ana", "Bo"], { tables: 1 });
    const [ana] = students;
    if (!ana) throw new Error("no student");
    for (let i = 1; i <= 3; i++) ana.room.send("move", { clientSeq: i, move: { kind: "chat", text: `line ${i}` } });
    await vi.waitFor(() => expect(ana.seen.acks.length).toBe(3), { timeout: 10_000 });
    expect((await instructor("POST", "/control", { action: "end" })).status).toBe(200);
    for (const s of students) await s.room.leave();
    const tableId = ana.participant.tableId;
    const logPath = `/sessions/${created.session.id}/tables/${tableId}/log`;
    const token = created.instructorToken;

    // Stored under this build's rules: no notice anywhere.
    const log = await http<{ events: { rulesVersion: number | null }[] }>(server.url, "GET", logPath, { token });
    const count = log.body.events.length;
    expect(count).toBeGreaterThanOrEqual(4);
    expect(new Set(log.body.events.map((e) => e.rulesVersion))).toEqual(new Set([RULES_VERSION]));
    const own = await http<Replay>(server.url, "GET", "/me/replay", { token: ana.participantToken });
    expect(own.body.rules).toEqual({ played: [RULES_VERSION], current: RULES_VERSION });
    expect(own.body.notice).toBeUndefined();
    await server.stop();

    // The same game as if its first event had been stored before versions were recorded and
    // the rest under an older version.
    const db = new Database(server.sqliteFile);
    db.prepare("update events set rules_version = ? where table_id = ?").run(RULES_VERSION - 1, tableId);
    db.prepare("update events set rules_version = null where table_id = ? and seq = 0").run(tableId);
    db.close();
    server = await bootTestServer({ dataDir: data });
    const older = await http<Replay>(server.url, "GET", "/me/replay", { token: ana.participantToken });
    expect(older.status).toBe(200);
    expect(older.body.steps).toHaveLength(count);
    expect(older.body.notice).toBe(rulesNotice([null, RULES_VERSION - 1]));
    expect(older.body.notice).toContain(
      `This game was played under rules version ${RULES_VERSION - 1} (and some of it before`,
    );
    const raw = await http<{ events: { rulesVersion: number | null }[] }>(server.url, "GET", logPath, { token });
    expect(raw.body.events.map((e) => e.rulesVersion)).toEqual([
      null,
      ...Array.from({ length: count - 1 }, () => RULES_VERSION - 1),
    ]);
    await server.stop();

    // An event these rules cannot fold (a kind of move they no longer have): the replay
    // stops before it and says where, for the student and for the instructor.
    const tamper = new Database(server.sqliteFile);
    const third = tamper.prepare("select event from events where table_id = ? and seq = 2").get(tableId) as {
      event: string;
    };
    const event = JSON.parse(third.event);
    event.move = { kind: "retiredMove" };
    tamper.prepare("update events set event = ? where table_id = ? and seq = 2").run(JSON.stringify(event), tableId);
    tamper.close();
    server = await bootTestServer({ dataDir: data });
    for (const [path, auth] of [
      ["/me/replay", ana.participantToken],
      [`/sessions/${created.session.id}/tables/${tableId}/replay?viewer=instructor`, token],
    ] as const) {
      const stopped = await http<Replay>(server.url, "GET", path, { token: auth });
      expect(stopped.status).toBe(200);
      expect(stopped.body.steps.map((s) => s.seq)).toEqual([0, 1]);
      expect(stopped.body.notice).toContain(
        `Event 2 cannot be folded under rules version ${RULES_VERSION} (No rule for move 'retiredMove'): the replay stops before it.`,
      );
    }
    // The dashboard, the results and their exports still show the session: this table as far
    // as the rules can fold it, and why no further.
    const overview = await http<{ tables: { tableId: string; seq: number; notice?: string }[] }>(
      server.url,
      "GET",
      `/sessions/${created.session.id}`,
      { token },
    );
    expect(overview.status).toBe(200);
    const summary = overview.body.tables.find((t) => t.tableId === tableId);
    expect(summary?.seq).toBe(2);
    expect(summary?.notice).toContain("Event 2 cannot be folded");
    for (const path of ["export.json", "export.csv"]) {
      const exported = await http(server.url, "GET", `/sessions/${created.session.id}/${path}`, { token });
      expect(exported.status).toBe(200);
    }
    // A "what if" from before that event still branches; from after it, it says why not.
    const branch = (at: number) =>
      http<{ code?: string; error?: string }>(
        server.url,
        "POST",
        `/sessions/${created.session.id}/tables/${tableId}/branch`,
        { token, body: { at, seat: ana.participant.seat } },
      );
    expect((await branch(2)).status).toBe(201);
    const refused = await branch(4);
    expect([refused.status, refused.body.code]).toEqual([409, "Unfoldable"]);
    expect(refused.body.error).toContain("Event 2 cannot be folded");
    await server.stop();
  });

  it("a running table these rules cannot fold is tried again later, not at every sweep, and the instructor can still end it", async () => {
    const dir = mkdtempSync(join(data, "running-"));
    let server = await bootTestServer({ dataDir: dir });
    const { created, students } = await classOf(server.url, ["Ana", "Bo"], {
      tables: 1,
      timing: { mode: "live", roundSeconds: 600 },
    });
    const [ana] = students;
    if (!ana) throw new Error("no student");
    for (let i = 1; i <= 2; i++) ana.room.send("move", { clientSeq: i, move: { kind: "chat", text: `line ${i}` } });
    await vi.waitFor(() => expect(ana.seen.acks.length).toBe(2), { timeout: 10_000 });
    for (const s of students) await s.room.leave();
    const tableId = ana.participant.tableId;
    await server.stop();
    const tamper = new Database(server.sqliteFile);
    // The student's last chat line becomes a kind of move these rules do not have.
    const chats = (
      tamper.prepare("select seq, event from events where table_id = ? order by seq").all(tableId) as {
        seq: number;
        event: string;
      }[]
    ).filter((row) => JSON.parse(row.event).move?.kind === "chat");
    const last = chats.at(-1);
    if (!last) throw new Error("no chat stored");
    const event = JSON.parse(last.event);
    event.move = { kind: "retiredMove" };
    tamper
      .prepare("update events set event = ? where table_id = ? and seq = ?")
      .run(JSON.stringify(event), tableId, last.seq);
    tamper.close();

    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      // Sweeps every 200 ms: over 2 s, about ten. The table is tried at 0, 0.2, 0.6 and 1.4 s.
      server = await bootTestServer({ dataDir: dir, sweepIntervalMs: 200 });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const reopenings = errors.mock.calls.filter((call) =>
        String(call[0]).startsWith(`Could not reopen live table ${tableId}`),
      );
      expect(reopenings.map((call) => String(call[0]))).toEqual([
        `Could not reopen live table ${tableId} (tried 1 time; next in 200 ms)`,
      ]);
      expect(String(reopenings[0]?.[1])).toContain(`cannot fold its event ${last.seq}`);

      // The instructor ends the session: that table ends too (its runtime: no event can be
      // added to a log these rules cannot fold), and the sweeps stop trying it.
      const token = created.instructorToken;
      const ended = await http<{ tableId: string; result: { ok: boolean } }[]>(
        server.url,
        "POST",
        `/sessions/${created.session.id}/control`,
        { token, body: { action: "end" } },
      );
      expect(ended.status).toBe(200);
      expect(ended.body.find((r) => r.tableId === tableId)?.result).toEqual({ ok: true });
      const attempts = () =>
        errors.mock.calls.filter((call) => call.some((part) => String(part).includes("cannot resume"))).length;
      const before = attempts();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(attempts()).toBe(before);
      const overview = await http<{
        session: { status: string };
        tables: { tableId: string; status: string; notice?: string }[];
      }>(server.url, "GET", `/sessions/${created.session.id}`, { token });
      expect(overview.body.session.status).toBe("ended");
      const card = overview.body.tables.find((t) => t.tableId === tableId);
      expect(card?.status).toBe("ended");
      expect(card?.notice).toContain("cannot be folded");
    } finally {
      errors.mockRestore();
      await server.stop();
    }
  });
});
