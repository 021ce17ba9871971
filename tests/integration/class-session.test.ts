import { Client, type Room } from "@colyseus/sdk";
import type { TableSummary, TableView } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type CreatedSession,
  connectStudent,
  createSession,
  type Joined,
  joinSession,
  lastView,
  type Seen,
} from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await bootTestServer({ botDelayMs: 0 });
});
afterAll(async () => {
  await server.stop();
});

describe("a whole class in one session", () => {
  const names = ["Ada", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus"];
  let created: CreatedSession;
  const joined = new Map<string, Joined>();
  const students = new Map<string, { room: Room; seen: Seen }>();
  let overview: Room;
  const overviewUpdates: TableSummary[] = [];
  let overviewSnapshot: { tables: TableSummary[]; participants: { name: string }[] } | undefined;

  const instructor = (method: string, path: string, body?: unknown) =>
    http(server.url, method, `/sessions/${created.session.id}${path}`, { token: created.instructorToken, body });
  const tables = async () => (await instructor("GET", "/tables")).body as unknown as TableSummary[];

  it("the instructor creates a session and gets a join code and a secret token", async () => {
    created = await createSession(server.url, {
      scenarioId: "us-china-tariffs",
      title: "IR 210, Tuesday",
      timing: { mode: "live", roundSeconds: 600 },
      botPersonas: ["simple"],
    });
    expect(created.session.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(created.instructorToken.length).toBeGreaterThan(20);
    const status = await instructor("GET", "");
    expect(status.status).toBe(200);
    expect(JSON.stringify(status.body)).not.toContain(created.instructorToken);
  });

  it("refuses a wrong code, a wrong token and bad settings with a clear error, changing nothing", async () => {
    const wrongCode = await http(server.url, "POST", "/join", { body: { code: "ZZZZZZ", name: "Mallory" } });
    expect(wrongCode.status).toBe(404);
    expect(wrongCode.body.error).toMatch(/No session has the code 'ZZZZZZ'/);
    const wrongToken = await http(server.url, "GET", `/sessions/${created.session.id}`, {
      token: "not-the-token-at-all",
    });
    expect(wrongToken.status).toBe(403);
    const noToken = await http(server.url, "POST", `/sessions/${created.session.id}/control`, {
      body: { action: "end" },
    });
    expect(noToken.status).toBe(401);
    const badSettings = await http(server.url, "POST", "/sessions", {
      body: { scenarioId: "us-china-tariffs", botPersonas: ["villain"] },
    });
    expect(badSettings.status).toBe(400);
    expect(badSettings.body.error).toMatch(/'villain' is not a bot persona/);
    const badJson = await fetch(`${server.url}/api/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(badJson.status).toBe(400);
    expect((await instructor("GET", "/participants")).body).toEqual([]);
    expect(await tables()).toEqual([]);
  });

  it("seats seven students at four complete tables, with a bot in the odd seat", async () => {
    for (const name of names) joined.set(name, await joinSession(server.url, created.session.joinCode, name));
    const duplicate = await http(server.url, "POST", "/join", {
      body: { code: created.session.joinCode, name: "ada" },
    });
    expect(duplicate.status).toBe(409);

    const byTable = await tables();
    expect(byTable.map((t) => t.number)).toEqual([1, 2, 3, 4]);
    expect(byTable.map((t) => t.seats.filter((s) => s.participantName).length)).toEqual([2, 2, 2, 1]);
    expect(byTable.every((t) => t.status === "waiting")).toBe(true);

    for (const name of names) {
      const student = await connectStudent(server.url, joined.get(name)?.participantToken ?? "");
      students.set(name, student);
    }
    for (const [name, student] of students) {
      await vi.waitFor(() => expect(student.seen.views.length).toBeGreaterThan(0));
      expect(lastView(student.seen).me?.seat).toBe(joined.get(name)?.participant.seat);
    }
    const gus = students.get("Gus") as { seen: Seen };
    await vi.waitFor(() => {
      const parties = lastView(gus.seen).parties;
      expect(parties.find((p) => p.id === "usa")?.controller).toEqual({ type: "human", name: "Gus" });
      // The odd seat is a bot, and Gus is not told which persona plays it.
      expect(parties.find((p) => p.id === "china")?.controller).toEqual({ type: "bot" });
    });
  });

  it("streams a live overview to the instructor", async () => {
    overview = await new Client(server.wsUrl).joinOrCreate("session", {
      sessionId: created.session.id,
      instructorToken: created.instructorToken,
    });
    overview.onMessage("overview", (o: typeof overviewSnapshot) => {
      overviewSnapshot = o;
    });
    overview.onMessage("table", (t: TableSummary) => overviewUpdates.push(t));
    overview.onMessage("participants", () => undefined);
    await vi.waitFor(() => expect(overviewSnapshot?.tables.length).toBe(4));
    expect(overviewSnapshot?.participants.map((p) => p.name)).toEqual(names);
    const connected = overviewSnapshot?.tables.flatMap((t) => t.seats.filter((s) => s.connected)) ?? [];
    expect(connected.length).toBe(7);

    const intruder = new Client(server.wsUrl).joinOrCreate("session", {
      sessionId: created.session.id,
      instructorToken: "a-wrong-instructor-token",
    });
    await expect(intruder).rejects.toThrow(/not valid/);
  });

  it("refuses moves before the start, then starts every table and tells the students", async () => {
    const ada = students.get("Ada") as { room: Room; seen: Seen };
    ada.room.send("move", { clientSeq: 1, move: { kind: "pass" } });
    await vi.waitFor(() => expect(ada.seen.rejected.find((r) => r.clientSeq === 1)?.code).toBe("NotStarted"));

    const start = await instructor("POST", "/control", { action: "start" });
    expect(start.status).toBe(200);
    expect((start.body as unknown as { result: { ok: boolean } }[]).every((r) => r.result.ok)).toBe(true);
    for (const student of students.values()) {
      await vi.waitFor(() =>
        expect(student.seen.notices.some((n) => n.startsWith("The negotiation has begun"))).toBe(true),
      );
    }
    const again = await instructor("POST", "/control", { action: "start" });
    expect((again.body as unknown as { result: { code: string } }[])[0]?.result.code).toBe("AlreadyStarted");

    ada.room.send("move", { clientSeq: 2, move: { kind: "pass" } });
    await vi.waitFor(() => expect(ada.seen.acks.some((a) => a.clientSeq === 2)).toBe(true));
    const adaTable = joined.get("Ada")?.participant.tableId;
    // The overview shows who has moved at Ada's table, and its provisional scores.
    await vi.waitFor(() => {
      const update = overviewUpdates.filter((t) => t.tableId === adaTable).at(-1);
      expect(update?.waitingFor).not.toContain(joined.get("Ada")?.participant.seat);
      expect(update?.scores.length).toBe(2);
      expect(typeof update?.indicators.tension).toBe("number");
    });
  });

  it("seats a late student in the bot's seat, logged from the current round on", async () => {
    // The bot has played table 4's China for its round (it has nobody to wait for).
    await vi.waitFor(async () =>
      expect((await tables()).find((t) => t.number === 4)?.seats.find((s) => s.seat === "china")?.acted).toBe(true),
    );
    const hal = await joinSession(server.url, created.session.joinCode, "Hal");
    joined.set("Hal", hal);
    expect(hal.participant.table).toBe(4);
    expect(hal.participant.seat).toBe("china");
    const student = await connectStudent(server.url, hal.participantToken);
    students.set("Hal", student);
    await vi.waitFor(() => {
      const view = lastView(student.seen);
      expect(view.parties.find((p) => p.id === "china")?.controller).toEqual({ type: "human", name: "Hal" });
      expect(view.log.some((l) => l.kind === "setController" && l.text.includes("Hal"))).toBe(true);
    });
    const table4 = (await tables()).find((t) => t.number === 4);
    expect(table4?.seats.map((s) => s.participantName)).toEqual(["Gus", "Hal"]);
    // Hal hears that the round's move at his seat was the bot's, not his (the page said only "You have moved").
    // Counted in the instructor's replay, whose log carries each bot move's reason.
    const replay = await instructor("GET", `/tables/${hal.participant.tableId}/replay`);
    const log = (replay.body as unknown as { steps: { view: TableView }[] }).steps.at(-1)?.view.log ?? [];
    const halTook = log.find((l) => l.kind === "setController" && l.text.includes("Hal"));
    const botMoves = log.filter(
      (l) => l.by === "china" && l.rationale !== undefined && l.seq < (halTook?.seq ?? 0),
    ).length;
    expect(botMoves).toBeGreaterThan(0);
    await vi.waitFor(() =>
      expect(student.seen.notices).toContain(
        `You take China over from a bot, which made ${botMoves} move${botMoves === 1 ? "" : "s"} for it before you sat down; "What happened" shows them.`,
      ),
    );
  });

  it("pauses every table: moves are refused with the reason until it resumes", async () => {
    const pause = await instructor("POST", "/control", { action: "pause" });
    expect((pause.body as unknown as { result: { ok: boolean } }[]).every((r) => r.result.ok)).toBe(true);
    const bo = students.get("Bo") as { room: Room; seen: Seen };
    // The room's state says so (the page shows it as a banner); no notice says it again.
    await vi.waitFor(() => expect((bo.room.state as { status?: string }).status).toBe("paused"));
    expect(bo.seen.notices.some((n) => n.includes("paused"))).toBe(false);
    bo.room.send("move", { clientSeq: 5, move: { kind: "chat", text: "hello?" } });
    await vi.waitFor(() => expect(bo.seen.rejected.find((r) => r.clientSeq === 5)?.code).toBe("Paused"));
    expect((await tables()).every((t) => t.status === "paused")).toBe(true);
  });

  it("injects a scenario event at every table", async () => {
    const inject = await instructor("POST", "/control", { action: "injectEvent", eventId: "summit-announced" });
    expect((inject.body as unknown as { result: { ok: boolean } }[]).every((r) => r.result.ok)).toBe(true);
    for (const student of students.values()) {
      await vi.waitFor(() => {
        expect(student.seen.notices).toContain("News: Leaders' summit announced.");
        const view = lastView(student.seen);
        expect(view.scenario.events.find((e) => e.id === "summit-announced")?.fired).toBe(true);
      });
    }
    const unknown = await instructor("POST", "/control", { action: "injectEvent", eventId: "alien-invasion" });
    expect((unknown.body as unknown as { result: { code: string } }[])[0]?.result.code).toBe("UnknownEvent");
    const malformed = await instructor("POST", "/control", { action: "explode" });
    expect(malformed.status).toBe(400);
  });

  it("broadcasts a message as plain text", async () => {
    const text = "<b>Five minutes</b> left & counting";
    await instructor("POST", "/control", { action: "broadcast", text });
    const cy = students.get("Cy") as { seen: Seen };
    await vi.waitFor(() => expect(cy.seen.notices).toContain(`Message from your instructor: ${text}`));
    expect(lastView(cy.seen).log.some((l) => l.text === text)).toBe(true);
  });

  it("ends every table, and the exports list every participant", async () => {
    await instructor("POST", "/control", { action: "resume" });
    const end = await instructor("POST", "/control", { action: "end" });
    expect((end.body as unknown as { result: { ok: boolean } }[]).every((r) => r.result.ok)).toBe(true);
    for (const student of students.values()) {
      await vi.waitFor(() => expect(lastView(student.seen).phase).toBe("ended"));
      await vi.waitFor(() => expect(student.seen.notices).toContain("Your instructor has ended the negotiation."));
    }
    expect((await instructor("GET", "")).body.session).toMatchObject({ status: "ended" });
    const late = await http(server.url, "POST", "/join", { body: { code: created.session.joinCode, name: "Ivy" } });
    expect(late.status).toBe(409);

    const csv = await instructor("GET", "/export.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = csv.text.trim().split("\r\n");
    expect(lines[0]).toBe(
      "participant,participant_id,table,table_id,seat,party,outcome,ended_because,round,points,normalised,surplus,batna,in_agreement,realist,liberal,seated,seat_bot_moves,persona",
    );
    // A byte order mark first, so a spreadsheet opened by a double click reads names as UTF-8.
    const bytes = new Uint8Array(
      await (
        await fetch(`${server.url}/api/sessions/${created.session.id}/export.csv`, {
          headers: { authorization: `Bearer ${created.instructorToken}` },
        })
      ).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines.length).toBe(1 + 8);
    for (const name of [...names, "Hal"]) {
      const row = lines.find((l) => l.startsWith(`${name},`));
      expect(row, name).toBeDefined();
      expect(row).toContain(",no agreement,the instructor ended it,");
    }
    expect(lines.filter((l) => l.includes(",4,")).length).toBe(2);

    const json = await instructor("GET", "/export.json");
    const rows = (json.body as unknown as { rows: { participant: string; points: number; table: number }[] }).rows;
    expect(rows.map((r) => r.participant)).toEqual([...names, "Hal"]);
    expect(rows.every((r) => typeof r.points === "number")).toBe(true);
  });

  it("replays a table: every event for the instructor, only its own views for a student", async () => {
    const ada = joined.get("Ada") as Joined;
    const full = await instructor("GET", `/tables/${ada.participant.tableId}/replay`);
    const steps = (full.body as unknown as { steps: { event?: unknown; view: TableView }[] }).steps;
    expect(steps.length).toBeGreaterThan(3);
    expect(steps.every((s) => s.event !== undefined && s.view.viewer === "instructor")).toBe(true);

    const own = await http(server.url, "GET", "/me/replay", { token: ada.participantToken });
    expect(own.status).toBe(200);
    const ownSteps = (own.body as unknown as { steps: { event?: unknown; view: TableView }[] }).steps;
    expect(ownSteps.length).toBe(steps.length);
    expect(ownSteps.every((s) => s.event === undefined && s.view.viewer === ada.participant.seat)).toBe(true);
    expect(ownSteps.every((s) => s.view.secrets === undefined)).toBe(true);

    const otherTable = joined.get("Gus")?.participant.tableId;
    const wrong = await http(server.url, "GET", `/sessions/${created.session.id}/tables/${otherTable}/replay`, {
      token: ada.participantToken,
    });
    expect(wrong.status).toBe(403);

    for (const student of students.values()) await student.room.leave();
    await overview.leave();
  });
});
