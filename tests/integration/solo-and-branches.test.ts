import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  apply,
  type GameEvent,
  type GameState,
  initialState,
  type Scenario,
  type TableView,
  viewFor,
} from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectStudent, createSession, joinSession, lastView } from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";

const dir = mkdtempSync(join(tmpdir(), "parley-solo-"));
let server: TestServer;
let url = "";

/** Boots the server on this file's database (again, for a restart). */
async function boot() {
  server = await bootTestServer({ dataDir: dir });
  url = server.url;
}

beforeAll(boot);
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface SoloTable {
  participantToken: string;
  tableId: string;
  participant: { seat: string; name: string };
  branchedFrom?: { tableId: string; at: number };
}

interface TableLog {
  scenario: Scenario;
  seed: number;
  seats: string[];
  controllers: GameState["controllers"];
  events: { event: GameEvent; at: string }[];
}

const foldLog = (log: TableLog, upTo = log.events.length): GameState => {
  let state = initialState(log.scenario, log.seed, { seats: log.seats, controllers: log.controllers });
  for (const { event } of log.events.slice(0, upTo)) state = apply(state, event);
  return state;
};

describe("solo games", () => {
  let solo: SoloTable;

  it("a solo game is created with a participant token; the bots' personas stay secret during play", async () => {
    const created = await http<SoloTable>(url, "POST", "/solo", {
      body: { scenarioId: "us-china-tariffs", seat: "usa", name: "Ada", personas: { china: "surprise" } },
    });
    expect(created.status).toBe(201);
    solo = created.body;
    expect(solo.participant.seat).toBe("usa");
    const { room, seen } = await connectStudent(url, solo.participantToken);
    await vi.waitFor(() => expect(seen.views.length).toBeGreaterThan(0));
    const view = lastView(seen);
    expect(view.me?.seat).toBe("usa");
    expect(view.parties.find((p) => p.id === "china")?.controller).toEqual({ type: "bot" });
    // The bot plays without anyone starting the table.
    room.send("move", { clientSeq: 1, move: { kind: "pass" } });
    await vi.waitFor(() => expect(lastView(seen).log.some((e) => e.by === "china")).toBe(true));
    await room.leave();
  });

  it("refuses bad requests with a reason and creates nothing", async () => {
    const unknown = await http(url, "POST", "/solo", { body: { scenarioId: "atlantis", seat: "usa" } });
    expect(unknown.status).toBe(404);
    const notASeat = await http(url, "POST", "/solo", { body: { scenarioId: "us-china-tariffs", seat: "mars" } });
    expect(notASeat.status).toBe(400);
    expect(notASeat.body.error).toMatch(/'mars' is not a seat/);
    const villain = await http(url, "POST", "/solo", {
      body: { scenarioId: "us-china-tariffs", seat: "usa", personas: { china: "villain" } },
    });
    expect(villain.status).toBe(400);
    expect(villain.body.error).toMatch(/bot persona/);
  });

  it("a solo table comes back after a server restart, with its moves", async () => {
    const before = await http<{ steps: { view: TableView }[] }>(url, "GET", "/me/replay", {
      token: solo.participantToken,
    });
    const events = before.body.steps.length;
    expect(events).toBeGreaterThan(0);
    await server.stop();
    await boot();
    const { room, seen } = await connectStudent(url, solo.participantToken);
    await vi.waitFor(() => expect(seen.views.length).toBeGreaterThan(0));
    expect(lastView(seen).seq).toBeGreaterThanOrEqual(events);
    expect(lastView(seen).me?.seat).toBe("usa");
    await room.leave();
  });
});

describe("the instructor's raw log and what-if branches", () => {
  let sessionId = "";
  let token = "";
  let tableId = "";
  let studentToken = "";

  beforeAll(async () => {
    const created = await createSession(url, {
      scenarioId: "us-china-tariffs",
      timing: { mode: "live", roundSeconds: 600 },
      tables: 1,
    });
    sessionId = created.session.id;
    token = created.instructorToken;
    const ada = await joinSession(url, created.session.joinCode, "Ada", "usa");
    studentToken = ada.participantToken;
    tableId = ada.participant.tableId;
    await http(url, "POST", `/sessions/${sessionId}/control`, { token, body: { action: "start" } });
    const { room, seen } = await connectStudent(url, studentToken);
    await vi.waitFor(() => expect(seen.views.length).toBeGreaterThan(0));
    for (let i = 0; i < 3; i++) {
      const round = lastView(seen).round;
      room.send("move", { clientSeq: i, move: { kind: "pass" } });
      await vi.waitFor(() => expect(lastView(seen).round).toBeGreaterThan(round));
    }
    // Paused, the table holds still while the tests read it.
    await http(url, "POST", `/sessions/${sessionId}/control`, { token, body: { action: "pause" } });
    await room.leave();
  });

  it("folding the raw log with the rules gives exactly the instructor's replay", async () => {
    const log = await http<TableLog>(url, "GET", `/sessions/${sessionId}/tables/${tableId}/log`, { token });
    expect(log.status).toBe(200);
    const replay = await http<{ steps: { view: TableView }[] }>(
      url,
      "GET",
      `/sessions/${sessionId}/tables/${tableId}/replay?viewer=instructor`,
      { token },
    );
    const last = replay.body.steps[replay.body.steps.length - 1]?.view;
    expect(viewFor(foldLog(log.body), "instructor")).toEqual(last);
    const all = await http<{ tables: TableLog[] }>(url, "GET", `/sessions/${sessionId}/logs`, { token });
    expect(all.body.tables.map((t) => t.events.length)).toEqual([log.body.events.length]);
  });

  it("the raw log is the instructor's only", async () => {
    const wrong = await http(url, "GET", `/sessions/${sessionId}/tables/${tableId}/log`, { token: studentToken });
    expect(wrong.status).toBe(403);
    const none = await http(url, "GET", `/sessions/${sessionId}/logs`);
    expect(none.status).toBe(401);
  });

  it("the instructor branches a what-if game from any step, as any seat", async () => {
    const log = (await http<TableLog>(url, "GET", `/sessions/${sessionId}/tables/${tableId}/log`, { token })).body;
    const at = Math.min(4, log.events.length);
    const branch = await http<SoloTable>(url, "POST", `/sessions/${sessionId}/tables/${tableId}/branch`, {
      token,
      body: { at, seat: "china", name: "Prof" },
    });
    expect(branch.status).toBe(201);
    expect(branch.body.branchedFrom).toEqual({ tableId, at });
    const { room, seen } = await connectStudent(url, branch.body.participantToken);
    await vi.waitFor(() => expect(seen.views.length).toBeGreaterThan(0));
    const view = lastView(seen);
    expect(view.me?.seat).toBe("china");
    // The branch starts where the source was at that step (its bots may already have moved on).
    const source = viewFor(foldLog(log, at), "china");
    expect(view.round).toBeGreaterThanOrEqual(source.round);
    expect(view.log.slice(0, source.log.length).map((e) => e.text)).toEqual(source.log.map((e) => e.text));
    await room.leave();

    const beyond = await http(url, "POST", `/sessions/${sessionId}/tables/${tableId}/branch`, {
      token,
      body: { at: 10_000, seat: "usa" },
    });
    expect(beyond.status).toBe(400);
  });

  it("a student may branch only their own seat, and only once their table has ended", async () => {
    const early = await http(url, "POST", "/me/branch", { token: studentToken, body: { at: 1 } });
    expect(early.status).toBe(409);
    const secretLog = await http(url, "GET", "/me/log", { token: studentToken });
    expect(secretLog.status).toBe(409);
    await http(url, "POST", `/sessions/${sessionId}/control`, { token, body: { action: "end" } });
    const other = await http(url, "POST", "/me/branch", { token: studentToken, body: { at: 1, seat: "china" } });
    expect(other.status).toBe(403);
    const own = await http<SoloTable>(url, "POST", "/me/branch", { token: studentToken, body: { at: 1 } });
    expect(own.status).toBe(201);
    expect(own.body.participant.seat).toBe("usa");
    // Once the whole session has ended, the student's debrief reveals everything.
    const log = await http<TableLog>(url, "GET", "/me/log", { token: studentToken });
    expect(log.status).toBe(200);
    expect(log.body.scenario.parties.find((p) => p.id === "china")?.payoffs).toBeDefined();
  });
});
