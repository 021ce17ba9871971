import { matchMaker } from "@colyseus/core";
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqliteStore } from "../../server/src/store/sqlite.ts";
import {
  classOf as classroom,
  connectStudent,
  dropConnection,
  joinSession,
  lastView,
  type Seen,
  type Student,
} from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await bootTestServer({
    botDelayMs: 0,
    reconnectSeconds: 1,
    sweepIntervalMs: 300,
    monitorPassword: "op-secret",
    turnedAwayKept: 3,
  });
});
afterAll(async () => {
  await server.stop();
});

/** A session with `names` seated and connected, started unless told otherwise. */
const classOf = (names: string[], settings: Record<string, unknown> = {}, start = true) =>
  classroom(server.url, names, settings, start);

const controllerOf = (seen: Seen, seat: string) => lastView(seen).parties.find((p) => p.id === seat)?.controller;

describe("reconnection", () => {
  it("keeps a dropped student's seat for the window, then a bot plays it until the student returns", async () => {
    const { students } = await classOf(["Ana", "Ben"], { timing: { mode: "live", roundSeconds: 600 } });
    const [ana, ben] = students as [Student, Student];
    ana.room.reconnection.enabled = false;
    dropConnection(ana.participant.tableId, ana.room.sessionId);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(controllerOf(ben.seen, "usa")).toEqual({ type: "human", name: "Ana" });
    await vi.waitFor(() => expect(controllerOf(ben.seen, "usa")).toEqual({ type: "bot" }), { timeout: 5000 });
    // The notice follows the view: it goes out once the bot's arrival is on disk.
    await vi.waitFor(() => expect(ben.seen.notices).toContain("A bot plays United States until Ana returns."));
    // The bot makes the seat's move of the round.
    await vi.waitFor(() => expect(lastView(ben.seen).parties.find((p) => p.id === "usa")?.acted).toBe(true), {
      timeout: 5000,
    });

    const back = await connectStudent(server.url, ana.participantToken);
    await vi.waitFor(() => expect(controllerOf(ben.seen, "usa")).toEqual({ type: "human", name: "Ana" }));
    // Its view comes once its join completes, which may be after Ben hears of its return.
    await vi.waitFor(() => expect(back.seen.views.at(-1)?.me?.seat).toBe("usa"));
    // Ana hears what the bot did for her, and only she does.
    await vi.waitFor(() =>
      expect(back.seen.notices.join("\n")).toMatch(
        /Welcome back: while you were away a bot played United States and made [1-9]\d* moves?; "What happened" shows them\./,
      ),
    );
    expect(ben.seen.notices.join("\n")).not.toContain("Welcome back");
    await back.room.leave();
    await ben.room.leave();
  });

  it("gives the same seat to the same token on another device and lets the old window go", async () => {
    const { students } = await classOf(["Cas"], { timing: { mode: "live", roundSeconds: 600 } });
    const first = students[0] as Student;
    let closedWith: number | undefined;
    first.room.onLeave((code) => {
      closedWith = code;
    });
    const second = await connectStudent(server.url, first.participantToken);
    await vi.waitFor(() => expect(lastView(second.seen).me?.seat).toBe(first.participant.seat));
    await vi.waitFor(() => expect(closedWith).toBe(4100));
    expect(first.seen.notices).toContain("You opened your seat somewhere else.");
    // Not moved or unseated: the old window offers to take the seat back (no seatChanged).
    expect(first.seen.seatChanged).toEqual([]);
    await second.room.leave();
  });
});

describe("seating by the instructor and by request", () => {
  it("swaps two students between tables and tells both where they sit now", async () => {
    const { students, instructor } = await classOf(["Dan", "Eva", "Fin", "Gia"]);
    const [dan, , , gia] = students as [Student, Student, Student, Student];
    expect([dan.participant.table, gia.participant.table]).toEqual([1, 2]);
    const move = await instructor("POST", `/participants/${dan.participant.id}/seat`, {
      tableId: gia.participant.tableId,
      seat: gia.participant.seat,
    });
    expect(move.status).toBe(200);
    await vi.waitFor(() =>
      expect(dan.seen.seatChanged.at(-1)).toMatchObject({ tableId: gia.participant.tableId, seat: "china" }),
    );
    await vi.waitFor(() =>
      expect(gia.seen.seatChanged.at(-1)).toMatchObject({ tableId: dan.participant.tableId, seat: "usa" }),
    );
    // Dan comes back with the same token and lands on his new seat.
    const again = await connectStudent(server.url, dan.participantToken);
    await vi.waitFor(() => expect(lastView(again.seen).me?.seat).toBe("china"));
    const participants = (await instructor("GET", "/participants")).body as unknown as {
      name: string;
      table: number;
    }[];
    expect(participants.map((p) => [p.name, p.table])).toEqual([
      ["Dan", 2],
      ["Eva", 1],
      ["Fin", 2],
      ["Gia", 1],
    ]);
    const nowhere = await instructor("POST", `/participants/${dan.participant.id}/seat`, {
      tableId: "no-such-table",
      seat: "usa",
    });
    expect(nowhere.status).toBe(404);
    await again.room.leave();
  });

  it("does not swap a student into a table that has ended: the one moved out of a finished game takes no one's live seat", async () => {
    const { students, instructor } = await classOf(["Ivo", "Jun", "Kai", "Lea"]);
    const [ivo, , , lea] = students as [Student, Student, Student, Student];
    expect([ivo.participant.table, lea.participant.table]).toEqual([1, 2]);
    const ended = await instructor("POST", "/control", { action: "end", tables: [ivo.participant.tableId] });
    expect(ended.status).toBe(200);
    const move = await instructor("POST", `/participants/${ivo.participant.id}/seat`, {
      tableId: lea.participant.tableId,
      seat: lea.participant.seat,
    });
    expect(move.status).toBe(409);
    expect(move.body).toMatchObject({ code: "TableEnded" });
    expect(JSON.stringify(move.body)).toContain("Lea would be moved there");
    // Nothing changed: Lea plays on at table 2, Ivo keeps his finished seat.
    const participants = (await instructor("GET", "/participants")).body as unknown as {
      name: string;
      table: number;
      seat: string;
    }[];
    expect(participants.map((p) => [p.name, p.table, p.seat])).toEqual([
      ["Ivo", 1, ivo.participant.seat],
      ["Jun", 1, students[1]?.participant.seat],
      ["Kai", 2, students[2]?.participant.seat],
      ["Lea", 2, lea.participant.seat],
    ]);
    expect(lea.seen.seatChanged).toEqual([]);
    for (const s of students) await s.room.leave();
  });

  it("grants a free seat of the same party at once before the start, and records a request for the instructor after it", async () => {
    const { students, instructor } = await classOf(["Hana"], { tables: 2 }, false);
    const hana = students[0] as Student;
    const tables = (await instructor("GET", "/tables")).body as unknown as { tableId: string; number: number }[];
    const second = tables.find((t) => t.number === 2)?.tableId;
    const granted = await http(server.url, "POST", "/me/seat-request", {
      token: hana.participantToken,
      body: { tableId: second, seat: "usa" },
    });
    expect(granted.body).toMatchObject({ granted: true, participant: { table: 2, seat: "usa" } });

    await instructor("POST", "/control", { action: "start" });
    const first = tables.find((t) => t.number === 1)?.tableId;
    const recorded = await http(server.url, "POST", "/me/seat-request", {
      token: hana.participantToken,
      body: { tableId: first, seat: "usa" },
    });
    expect(recorded.body).toMatchObject({ granted: false });
    const participants = (await instructor("GET", "/participants")).body as unknown as {
      requested: { tableId: string; seat: string } | null;
    }[];
    expect(participants[0]?.requested).toMatchObject({ tableId: first, seat: "usa" });
    const bad = await http(server.url, "POST", "/me/seat-request", { token: hana.participantToken, body: {} });
    expect(bad.status).toBe(400);
    // Hana's first connection was closed when her seat moved; nothing is left to leave.
    expect(hana.room.connection.isOpen).toBe(false);
  });

  it("replaces a player by a bot on the instructor's word", async () => {
    const { students, instructor } = await classOf(["Ian", "Jo"]);
    const [ian, jo] = students as [Student, Student];
    const replaced = await instructor("POST", "/control", {
      action: "replaceWithBot",
      seat: "china",
      tables: [jo.participant.tableId],
    });
    expect(replaced.status).toBe(200);
    await vi.waitFor(() => expect(jo.seen.seatChanged.at(-1)).toMatchObject({ tableId: null }));
    await vi.waitFor(() => expect(controllerOf(ian.seen, "china")).toEqual({ type: "bot" }));
    const china = lastView(ian.seen).parties.find((p) => p.id === "china")?.name;
    await vi.waitFor(() => expect(ian.seen.notices).toContain(`A bot now plays ${china}.`));
    const participants = (await instructor("GET", "/participants")).body as unknown as { name: string; seat: null }[];
    expect(participants.find((p) => p.name === "Jo")?.seat).toBeNull();
    // The gradebook keeps the table and party Jo played, says she is no longer seated, and
    // counts the moves the bot makes at her old seat.
    await vi.waitFor(() =>
      expect(lastView(ian.seen).log.some((entry) => entry.by === "china" && entry.kind !== "setController")).toBe(true),
    );
    const rows = (await instructor("GET", "/export.json")).body.rows as unknown as Record<string, unknown>[];
    const joRow = rows.find((row) => row.participant === "Jo");
    const ianRow = rows.find((row) => row.participant === "Ian");
    expect(joRow).toMatchObject({ tableId: jo.participant.tableId, seat: "china", party: china, seated: false });
    expect(joRow?.outcome).toBe("in progress");
    expect(joRow?.seatBotMoves).toBeGreaterThan(0);
    expect(ianRow).toMatchObject({ seated: true, seatBotMoves: 0 });
    const csv = (await instructor("GET", "/export.csv")).text;
    expect(csv).toMatch(
      new RegExp(`\\r\\nJo,[^,]+,${joRow?.table},${jo.participant.tableId},china,${china},in progress,`),
    );
    expect(csv).toMatch(new RegExp(`\\r\\nJo,.*,false,${joRow?.seatBotMoves},${joRow?.persona}\\r\\n`));
    expect(joRow?.persona).toBe("simple");
    const refused = await http(server.url, "POST", "/me/reservation", { token: jo.participantToken });
    expect(refused.status).toBe(409);
    // While the session runs, the seat's views after Jo left are the bot's, not hers to replay.
    expect((await http(server.url, "GET", "/me/replay", { token: jo.participantToken })).status).toBe(409);
    expect((await http(server.url, "GET", "/me/log", { token: jo.participantToken })).status).toBe(409);
    // Once it is over, her debrief is of the seat she played.
    await instructor("POST", "/control", { action: "end" });
    await vi.waitFor(async () => {
      const me = await http(server.url, "GET", "/me", { token: jo.participantToken });
      expect(me.body).toMatchObject({ session: { resultsOpen: true }, participant: { lastSeat: { seat: "china" } } });
    });
    const log = await http(server.url, "GET", "/me/log", { token: jo.participantToken });
    expect(log.status).toBe(200);
    const replay = await http<{ steps: { view: { me?: { seat: string } } }[] }>(server.url, "GET", "/me/replay", {
      token: jo.participantToken,
    });
    expect(replay.status).toBe(200);
    expect(replay.body.steps.at(-1)?.view.me?.seat).toBe("china");
    await ian.room.leave();
  });
});

describe("the bots' personas in a class", () => {
  it("hands the instructor's personas out in turn, each seat's fitting it: a mediator is never a 'Hardliner'", async () => {
    const { instructor } = await classOf(
      [],
      { scenarioId: "camp-david-1978", tables: 2, botPersonas: ["hardliner"] },
      false,
    );
    const personas = (
      tables: { number: number | null; seats: { seat: string; controller: { persona?: string } }[] }[],
    ) => tables.map((t) => Object.fromEntries(t.seats.map((s) => [s.seat, s.controller.persona])));
    const expected = [1, 2].map(() => ({ egypt: "hardliner", israel: "hardliner", usa: "mediator" }));
    const overview = await instructor("GET", "/tables");
    expect(personas(overview.body as unknown as Parameters<typeof personas>[0])).toEqual(expected);
    // The export names the persona the seat plays with.
    const exported = await instructor("GET", "/export.json");
    expect(personas((exported.body as unknown as { tables: Parameters<typeof personas>[0] }).tables)).toEqual(expected);
  });

  it("the gradebook has a row for every seat no student played, with its bot's persona, and names the bot that covered for a student", async () => {
    const { students, instructor } = await classOf(["Ana"], {
      tables: 2,
      botPersonas: ["hardliner"],
      timing: { mode: "live", roundSeconds: 600 },
    });
    const [ana] = students as [Student];
    ana.room.reconnection.enabled = false;
    dropConnection(ana.participant.tableId, ana.room.sessionId);
    // Past the window a bot covers Ana's seat and makes its move of the round; table 2's bots
    // make theirs (a table where no move was made by the End is "not played": see the next test).
    await vi.waitFor(
      async () => {
        const rows = (await instructor("GET", "/export.json")).body.rows as unknown as {
          table: number;
          seatBotMoves: number;
        }[];
        expect(rows[0]?.seatBotMoves).toBeGreaterThan(0);
        expect(rows.filter((r) => r.table === 2).map((r) => r.seatBotMoves > 0)).toEqual([true, true]);
      },
      { timeout: 15_000 },
    );
    await instructor("POST", "/control", { action: "end" });
    const tables = (await instructor("GET", "/tables")).body as unknown as {
      tableId: string;
      seats: { seat: string; controller: { type: string; persona?: string } }[];
    }[];
    const cover = tables
      .find((t) => t.tableId === ana.participant.tableId)
      ?.seats.find((s) => s.seat === ana.participant.seat)?.controller;
    expect(cover?.type).toBe("bot");
    const rows = (await instructor("GET", "/export.json")).body.rows as unknown as Record<string, unknown>[];
    expect(rows.map((r) => [r.participant, r.table, r.seat, r.persona, r.seated])).toEqual([
      ["Ana", 1, ana.participant.seat, cover?.persona, true],
      // Ana's table's other seat, then table 2's: bots from the start.
      [null, 1, ana.participant.seat === "usa" ? "china" : "usa", "hardliner", null],
      [null, 2, "usa", "hardliner", null],
      [null, 2, "china", "hardliner", null],
    ]);
    expect(rows.every((r) => typeof r.points === "number" && r.outcome === "no agreement")).toBe(true);
    const csv = (await instructor("GET", "/export.csv")).text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(csv[0]).toMatch(/,seated,seat_bot_moves,persona$/);
    expect(csv).toHaveLength(1 + 4);
    expect(csv[1]).toMatch(new RegExp(`^Ana,.*,true,[1-9]\\d*,${cover?.persona}$`));
    expect(csv[4]).toMatch(/^,,2,[^,]+,china,China,no agreement,.*,,\d+,hardliner$/);
  });
});

describe("a table nobody played", () => {
  it("a table added for latecomers that nobody came to is 'not played' in the gradebook: no result, no bot", async () => {
    const { students, instructor } = await classOf(["Ana", "Ben"], {
      tables: 1,
      timing: { mode: "live", roundSeconds: 600 },
    });
    const added = await instructor("POST", "/tables");
    expect(added.status).toBe(201);
    await instructor("POST", "/control", { action: "end" });
    const exported = (await instructor("GET", "/export.json")).body as unknown as {
      rows: Record<string, unknown>[];
      tables: { number: number; played: boolean; outcome: { reason: string } | null }[];
    };
    // Table 1 was played (its students sat; the End stopped it); table 2 never was.
    expect(exported.tables.map((t) => [t.number, t.played])).toEqual([
      [1, true],
      [2, false],
    ]);
    const table2 = exported.rows.filter((r) => r.table === 2);
    expect(table2.map((r) => [r.participant, r.seat, r.outcome, r.persona])).toEqual([
      [null, "usa", "not played", null],
      [null, "china", "not played", null],
    ]);
    // No result at all: its BATNAs at the start had read as a table that failed to agree.
    for (const row of table2)
      for (const field of ["endedBecause", "round", "points", "normalised", "surplus", "batna", "realist", "liberal"])
        expect(row[field], field).toBeNull();
    expect(table2.map((r) => r.seatBotMoves)).toEqual([0, 0]);
    // The students' table keeps its result.
    expect(exported.rows.filter((r) => r.table === 1).map((r) => [r.outcome, typeof r.points])).toEqual([
      ["no agreement", "number"],
      ["no agreement", "number"],
    ]);
    const csv = (await instructor("GET", "/export.csv")).text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(csv.filter((line) => /^,,2,/.test(line))).toEqual([
      expect.stringMatching(/^,,2,[^,]+,usa,United States,not played,,,,,,,,,,,0,$/),
      expect.stringMatching(/^,,2,[^,]+,china,China,not played,,,,,,,,,,,0,$/),
    ]);
    for (const s of students) await s.room.leave();
  });
});

describe("a class bigger than planned", () => {
  it("keeps a bounded list of those turned away, so made-up names cannot grow it without end", async () => {
    const { created, instructor } = await classOf(["Ana", "Ben"], { tables: 1 }, false);
    for (const name of ["Cy", "Dee", "Eli", "Fay", "Gus"]) {
      const refused = await http(server.url, "POST", "/join", { body: { code: created.session.joinCode, name } });
      expect(refused.status, name).toBe(409);
      expect(refused.text).toContain("SessionFull");
    }
    const session = await instructor("GET", "");
    const kept = (session.body as unknown as { turnedAway: { name: string }[] }).turnedAway.map((t) => t.name);
    expect(kept).toEqual(["Cy", "Dee", "Eli"]);
  });

  it("tells the instructor of a student turned away, and a table added seats them and waits for its Start", async () => {
    const { created, students, instructor } = await classOf(["Ana", "Ben"], {
      tables: 1,
      timing: { mode: "live", roundSeconds: 600 },
    });
    const overview = await new Client(server.url.replace(/^http/, "ws")).joinOrCreate("session", {
      sessionId: created.session.id,
      instructorToken: created.instructorToken,
    });
    const turnedAway: { name: string; at: string }[][] = [];
    const tables: { tableId: string; number: number | null; status: string }[] = [];
    overview.onMessage("overview", () => undefined);
    overview.onMessage("participants", () => undefined);
    overview.onMessage("turnedAway", (list: { name: string; at: string }[]) => turnedAway.push(list));
    overview.onMessage("table", (t: { tableId: string; number: number | null; status: string }) => tables.push(t));
    const seatsFreeSent: (number | null)[] = [];
    overview.onMessage("seatsFree", (n: number | null) => seatsFreeSent.push(n));
    // The server's own count, which the dashboard's notice reads (it had counted again by itself).
    const seatsFree = async () => ((await instructor("GET", "")).body as { seatsFree: number | null }).seatsFree;
    expect(await seatsFree()).toBe(0);
    const join = (name: string) =>
      http<{ participant: { tableId: string; seat: string } }>(server.url, "POST", "/join", {
        body: { code: created.session.joinCode, name },
      });

    // The one table's two seats are taken: Cy is turned away, and the dashboard hears of it.
    const refused = await join("Cy");
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("SessionFull");
    await vi.waitFor(() => expect(turnedAway).toEqual([[{ name: "Cy", at: expect.any(String) }]]));
    // Cy trying again is still one student turned away; the overview keeps them for a dashboard opened later.
    expect((await join("cy")).status).toBe(409);
    await vi.waitFor(() => expect(turnedAway).toHaveLength(2));
    expect(turnedAway[1]).toEqual(turnedAway[0]);
    const namesTurnedAway = async () =>
      ((await instructor("GET", "")).body as unknown as { turnedAway: { name: string }[] }).turnedAway.map(
        (t) => t.name,
      );
    expect(await namesTurnedAway()).toEqual(["Cy"]);

    const added = await instructor("POST", "/tables");
    expect(added.status).toBe(201);
    const { tableId, table } = added.body as { tableId: string; table: number };
    expect(table).toBe(2);
    await vi.waitFor(() => expect(tables.find((t) => t.tableId === tableId)?.status).toBe("waiting"));
    const session = await instructor("GET", "");
    expect((session.body as { session: { settings: { tables: number } } }).session.settings.tables).toBe(2);
    // Named until they join: adding a table seats nobody by itself.
    expect(await namesTurnedAway()).toEqual(["Cy"]);
    expect(await seatsFree()).toBe(2);
    await vi.waitFor(() => expect(seatsFreeSent.at(-1)).toBe(2));

    // Cy and Dee sit at the new table, which waits for the instructor while table 1 plays on.
    const cy = await join("Cy");
    const dee = await join("Dee");
    expect([cy.status, dee.status]).toEqual([201, 201]);
    expect(cy.body.participant.tableId).toBe(tableId);
    expect(dee.body.participant.tableId).toBe(tableId);
    // Seated now, Cy is no longer named as turned away, on the dashboard open or one opened later.
    await vi.waitFor(() => expect(turnedAway.at(-1)).toEqual([]));
    expect(await namesTurnedAway()).toEqual([]);
    expect(await seatsFree()).toBe(0);
    await vi.waitFor(() => expect(seatsFreeSent.at(-1)).toBe(0));
    const cyToken = (cy.body as unknown as { participantToken: string }).participantToken;
    const cyClient = await connectStudent(server.url, cyToken);
    await vi.waitFor(() => expect(cyClient.seen.views.length).toBeGreaterThan(0));
    cyClient.room.send("move", { clientSeq: 1, move: { kind: "chat", text: "Hello" } });
    await vi.waitFor(() => expect(cyClient.seen.rejected.map((r) => r.code)).toContain("NotStarted"));
    expect(lastView(students[0]?.seen as Seen).phase).not.toBe("ended");

    // Start for every table starts the new one; the others are already running.
    const started = await instructor("POST", "/control", { action: "start" });
    const results = started.body as unknown as { tableId: string; result: { ok: boolean; code?: string } }[];
    expect(results.find((r) => r.tableId === tableId)?.result).toEqual({ ok: true });
    expect(results.filter((r) => r.tableId !== tableId).map((r) => r.result.code)).toEqual(["AlreadyStarted"]);
    cyClient.room.send("move", { clientSeq: 2, move: { kind: "chat", text: "Hello again" } });
    await vi.waitFor(() => expect(cyClient.seen.acks.map((a) => a.clientSeq)).toContain(2));
    await cyClient.room.leave();
    await overview.leave();

    // Once every table has ended the results are open: no table can be added then.
    for (const id of [students[0]?.participant.tableId, tableId])
      await instructor("POST", "/control", { action: "end", tables: [id] });
    const late = await instructor("POST", "/tables");
    expect(late.status).toBe(409);
    expect(late.text).toContain("ResultsOpen");
  });

  it("adds no table to a session whose tables fill as students come", async () => {
    const { instructor } = await classOf(["Eve"], { tables: "auto" }, false);
    const added = await instructor("POST", "/tables");
    expect(added.status).toBe(409);
    expect(added.text).toContain("TablesFillAsStudentsCome");
  });
});

describe("a student seated again where a bot played for them", () => {
  it("hears what the bot did, as one who came back from a dropped connection does", async () => {
    const { students, instructor } = await classOf(["Kit", "Lou"], { timing: { mode: "live", roundSeconds: 600 } });
    const [kit, lou] = students as [Student, Student];
    const { tableId, seat } = lou.participant;
    await instructor("POST", "/control", { action: "replaceWithBot", seat, tables: [tableId] });
    await vi.waitFor(() => expect(controllerOf(kit.seen, seat)).toEqual({ type: "bot" }));
    await vi.waitFor(() => expect(lastView(kit.seen).parties.find((p) => p.id === seat)?.acted).toBe(true));
    const moved = await instructor("POST", `/participants/${lou.participant.id}/seat`, { tableId, seat });
    expect(moved.status).toBe(200);
    const back = await connectStudent(server.url, lou.participantToken);
    await vi.waitFor(() =>
      expect(back.seen.notices.join("\n")).toMatch(
        /Welcome back: while you were away a bot played .+ and made [1-9]\d* moves?/,
      ),
    );
    expect(kit.seen.notices.join("\n")).not.toContain("Welcome back");
    await back.room.leave();
    await kit.room.leave();
  });
});

describe("the table clock", () => {
  it("advances a live round when its time is up, and pausing keeps the time left", async () => {
    const { students, instructor } = await classOf(["Kim"], { timing: { mode: "live", roundSeconds: 1 } });
    const kim = students[0] as Student;
    await vi.waitFor(() => expect(lastView(kim.seen).round).toBeGreaterThanOrEqual(2), { timeout: 5000 });
    await vi.waitFor(() => expect(kim.seen.notices).toContain("Time is up for round 1."));

    await instructor("POST", "/control", { action: "pause" });
    const paused = (
      (await instructor("GET", "/tables")).body as unknown as { remainingMs: number; round: number }[]
    )[0];
    expect(paused?.remainingMs).toBeLessThanOrEqual(1000);
    await instructor("POST", "/control", { action: "extendDeadline", minutes: 1 });
    const extended = ((await instructor("GET", "/tables")).body as unknown as { remainingMs: number }[])[0];
    expect(extended?.remainingMs).toBe((paused?.remainingMs ?? 0) + 60_000);
    const round = lastView(kim.seen).round;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // No round passes while paused.
    expect(lastView(kim.seen).round).toBe(round);
    await kim.room.leave();
  });

  it("keeps the bots of a table played over days waiting until a student sits there", async () => {
    const { created, students, instructor } = await classOf(["Mo"], {
      tables: 2,
      timing: { mode: "async", roundHours: 24 },
    });
    const mo = students[0] as Student;
    const tables = (await instructor("GET", "/tables")).body as unknown as { tableId: string; number: number }[];
    const empty = tables.find((t) => t.tableId !== mo.participant.tableId) as { tableId: string; number: number };
    const store = await openSqliteStore(server.sqliteFile);
    const botMoves = async (tableId: string) =>
      (await store.events(tableId)).filter((e) => e.event.by !== "system" && "rationale" in e.event).length;
    // Mo's table plays: the bot across from him makes its move (no delay in this server).
    await vi.waitFor(async () => expect(await botMoves(mo.participant.tableId)).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 600));
    // The table nobody sits at has not been played out by its bots meanwhile.
    expect(await botMoves(empty.tableId)).toBe(0);
    const summary = async () =>
      (
        (await instructor("GET", "/tables")).body as unknown as {
          tableId: string;
          round: number;
          awaitingFirstStudent: boolean;
        }[]
      ).find((t) => t.tableId === empty.tableId);
    expect((await summary())?.round).toBe(1);
    // The dashboard says the table waits for its first student (its seats showed "not moved", as if students had left).
    expect((await summary())?.awaitingFirstStudent).toBe(true);
    const mosTable = async () =>
      (
        (await instructor("GET", "/tables")).body as unknown as { tableId: string; awaitingFirstStudent: boolean }[]
      ).find((t) => t.tableId === mo.participant.tableId);
    expect((await mosTable())?.awaitingFirstStudent).toBe(false);

    // A day later Noor joins: she sits at that table, and its bot plays with her.
    const noor = await joinSession(server.url, created.session.joinCode, "Noor");
    expect(noor.participant.tableId).toBe(empty.tableId);
    await vi.waitFor(async () => expect(await botMoves(empty.tableId)).toBeGreaterThan(0));
    expect((await summary())?.awaitingFirstStudent).toBe(false);
    // Her seat is hers from the moment she is given it, before her page opens it: no bot plays it.
    const events = await store.events(empty.tableId);
    expect(events.some((e) => e.event.by === noor.participant.seat && "rationale" in e.event)).toBe(false);
    const connected = await connectStudent(server.url, noor.participantToken);
    await vi.waitFor(() => expect(lastView(connected.seen).round).toBe(1));
    await store.close();
    await connected.room.leave();
    await mo.room.leave();
  });

  it("closes an empty asynchronous table and still fires its deadline from the log", async () => {
    const { students } = await classOf(["Lou"], { timing: { mode: "async", roundHours: 1 / 3600 } });
    const lou = students[0] as Student;
    const tableId = lou.participant.tableId;
    await lou.room.leave();
    // Nobody is at the table: its room closes (an async seat is not handed to a bot).
    await vi.waitFor(() => expect(matchMaker.getLocalRoomById(tableId)).toBeUndefined());
    const store = await openSqliteStore(server.sqliteFile);
    const advancedAfterClosing = async () => {
      const events = await store.events(tableId);
      return events.filter((e) => e.event.by === "system" && e.event.move.kind === "advanceRound").length;
    };
    const before = await advancedAfterClosing();
    await vi.waitFor(async () => expect(await advancedAfterClosing()).toBeGreaterThan(before), { timeout: 5000 });
    const controllers = (await store.events(tableId)).filter(
      (e) => e.event.by === "system" && e.event.move.kind === "setController",
    );
    expect(controllers.every((e) => JSON.stringify(e.event.move).includes('"human"'))).toBe(true);
    await store.close();
    const back = await connectStudent(server.url, lou.participantToken);
    await vi.waitFor(() => expect(lastView(back.seen).round).toBeGreaterThanOrEqual(2));
    await back.room.leave();
  });
});

describe("the edge", () => {
  it("answers a flood of messages with RateLimited and keeps the student connected; chat stays text", async () => {
    const { students } = await classOf(["Max"], { timing: { mode: "live", roundSeconds: 600 } });
    const max = students[0] as Student;
    const text = '<img src=x onerror=alert(1)> & "quotes"';
    for (let i = 0; i < 40; i++) max.room.send("move", { clientSeq: 100 + i, move: { kind: "chat", text } });
    await vi.waitFor(() => expect(max.seen.acks.length + max.seen.rejected.length).toBe(40));
    expect(max.seen.rejected.every((r) => r.code === "RateLimited")).toBe(true);
    expect(max.seen.rejected.length).toBeGreaterThan(0);
    expect(max.seen.acks.length).toBeGreaterThan(0);
    expect(max.room.connection.isOpen).toBe(true);
    expect(lastView(max.seen).log.some((l) => l.kind === "chat" && l.text.includes(text))).toBe(true);
    await max.room.leave();
  });

  it("does not let a client open or sit at a session table without a token", async () => {
    const { students } = await classOf(["Ned"]);
    const ned = students[0] as Student;
    const client = new Client(server.wsUrl);
    // Tables are not the matchmaker's to give: only the API's reservations reach them.
    await expect(client.create("table", { tableId: ned.participant.tableId, openTicket: "guess" })).rejects.toThrow(
      /reservation from the API/,
    );
    await expect(client.joinById(ned.participant.tableId, { seat: "china", name: "Eve" })).rejects.toThrow(
      /reservation from the API/,
    );
    const reservation = await http(server.url, "POST", "/me/reservation", { token: ned.participantToken });
    expect(reservation.status).toBe(200);
    // And the room itself refuses a reservation made on the server for options without a valid token.
    const reserved = async (options: Record<string, unknown>) =>
      client.consumeSeatReservation(await matchMaker.joinById(ned.participant.tableId, options));
    await expect(reserved({ seat: "china", name: "Eve" })).rejects.toThrow(/token/);
    await expect(reserved({ participantToken: "x".repeat(32) })).rejects.toThrow(/not valid/);
    await ned.room.leave();
  });

  it("serves the Colyseus monitor only behind the operator password", async () => {
    expect((await fetch(`${server.url}/colyseus/`)).status).toBe(401);
    const wrong = Buffer.from("ops:nope").toString("base64");
    expect((await fetch(`${server.url}/colyseus/`, { headers: { authorization: `Basic ${wrong}` } })).status).toBe(401);
    const right = Buffer.from("ops:op-secret").toString("base64");
    expect((await fetch(`${server.url}/colyseus/`, { headers: { authorization: `Basic ${right}` } })).status).toBe(200);
  });

  it("reports its health", async () => {
    const health = await http(server.url, "GET", "/health");
    expect(health.body).toMatchObject({ ok: true, store: "sqlite" });
  });
});
