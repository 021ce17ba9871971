import { matchMaker } from "@colyseus/core";
import { Client, type Room, type SeatReservation } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectStudent, createSession, type Joined, joinSession, type Seen } from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";

/**
 * Every attack on authorisation we know of, one row each, each a real attempt against a
 * booted server (docs/SECURITY.md maps each threat here). Some repeat, cheaply, checks
 * that live elsewhere in more depth (hidden-information, bad-input, session-controls):
 * this is the one list of them.
 */

let server: TestServer;

interface Session {
  id: string;
  code: string;
  instructorToken: string;
}
interface Student extends Joined {
  room: Room;
  seen: Seen;
}

let a: Session;
let b: Session;
/** Session A: Ana (table 1, usa) and Ben (table 1, china), Cy (table 2, usa). Session B: Dee. */
let ana: Student;
let ben: Student;
let cy: Joined;
let dee: Joined;

async function session(): Promise<Session> {
  const created = await createSession(server.url, {
    scenarioId: "us-china-tariffs",
    tables: 2,
    timing: { mode: "live", roundSeconds: 600 },
  });
  return { id: created.session.id, code: created.session.joinCode, instructorToken: created.instructorToken };
}

async function seated(s: Session, name: string, seat: string): Promise<Student> {
  const joined = await joinSession(server.url, s.code, name, seat);
  return { ...joined, ...(await connectStudent(server.url, joined.participantToken)) };
}

beforeAll(async () => {
  server = await bootTestServer({ botDelayMs: 600_000 });
  a = await session();
  b = await session();
  ana = await seated(a, "Ana", "usa");
  ben = await seated(a, "Ben", "china");
  cy = await joinSession(server.url, a.code, "Cy", "usa");
  dee = await joinSession(server.url, b.code, "Dee", "usa");
  expect(cy.participant.tableId).not.toBe(ana.participant.tableId);
  await http(server.url, "POST", `/sessions/${a.id}/control`, { token: a.instructorToken, body: { action: "start" } });
  await vi.waitFor(() => expect(ana.seen.views.at(-1)?.round).toBe(1));
});
afterAll(async () => {
  await server.stop();
});

/** What the client is told when a room refuses it, or "joined" if it got in. */
/**
 * A table room joined with `options` through a reservation the server makes (as the API
 * does), so that the room's own checks answer: clients cannot ask the matchmaker for tables.
 */
async function reserved(client: Client, tableId: string, options: Record<string, unknown>): Promise<Room> {
  return client.consumeSeatReservation(await matchMaker.joinById(tableId, options));
}

async function roomAttempt(join: (client: Client) => Promise<Room>): Promise<string> {
  // The SDK prints each refusal; the row asserts it.
  const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
  const quieter = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    const room = await join(new Client(server.wsUrl));
    await room.leave();
    return "joined";
  } catch (error) {
    return String(error);
  } finally {
    quiet.mockRestore();
    quieter.mockRestore();
  }
}

/** Sends a move and waits for its answer: "ack" or the refusal's code. */
async function answerTo(student: { room: Room; seen: Seen }, payload: Record<string, unknown>): Promise<string> {
  const before = student.seen.acks.length + student.seen.rejected.length;
  student.room.send("move", payload);
  const clientSeq = payload.clientSeq;
  await vi.waitFor(() => expect(student.seen.acks.length + student.seen.rejected.length).toBe(before + 1));
  if (student.seen.acks.some((x) => x.clientSeq === clientSeq)) return "ack";
  return student.seen.rejected.at(-1)?.code ?? "none";
}

async function storedMoversOf(tableId: string): Promise<string[]> {
  const log = await http<{ events: { event: { by: string } }[] }>(
    server.url,
    "GET",
    `/sessions/${a.id}/tables/${tableId}/log`,
    { token: a.instructorToken },
  );
  return log.body.events.map((e) => e.event.by);
}

const status = async (method: string, path: string, token?: string, body?: unknown) => {
  const answer = await http<{ code?: string }>(server.url, method, path, { token, body });
  return `${answer.status} ${answer.body.code ?? ""}`.trim();
};

type Attack = [threat: string, attempt: () => Promise<void>];

const attacks: Attack[] = [
  // ---- acting for another seat ----
  [
    "a student names another seat in its move message: refused as malformed, nothing stored for that seat",
    async () => {
      const stored = await storedMoversOf(ana.participant.tableId);
      for (const extra of [{ seat: "china" }, { by: "china" }, { participantToken: ben.participantToken }]) {
        expect(await answerTo(ana, { clientSeq: 1, move: { kind: "pass" }, ...extra })).toBe("Malformed");
      }
      expect(await answerTo(ana, { clientSeq: 2, move: { kind: "pass", by: "china" } })).toBe("Malformed");
      expect(await storedMoversOf(ana.participant.tableId)).toEqual(stored);
    },
  ],
  [
    "a student answers a proposal addressed to another seat, or withdraws another seat's proposal",
    async () => {
      const pkg = { options: { tariffs: "halve", purchases: "modest", chips: "narrow-controls" } };
      const full = {
        options: { ...pkg.options, minerals: "licensed-supply", ip: "written-commitments", consultation: "none" },
      };
      expect(await answerTo(ben, { clientSeq: 3, move: { kind: "propose", to: ["usa"], package: full } })).toBe("ack");
      const proposalId = ben.seen.views.at(-1)?.proposals.at(-1)?.id ?? "";
      expect(await answerTo(ben, { clientSeq: 4, move: { kind: "accept", proposalId } })).toBe("NotAddressedToYou");
      expect(await answerTo(ana, { clientSeq: 5, move: { kind: "withdraw", proposalId } })).toBe("UnknownProposal");
      expect(ben.seen.views.at(-1)?.proposals.find((p) => p.id === proposalId)?.status).toBe("open");
    },
  ],
  [
    "the instructor's watching connection sends a move: NotSeated",
    async () => {
      const reservation = await http(
        server.url,
        "POST",
        `/sessions/${a.id}/tables/${ana.participant.tableId}/reservation`,
        {
          token: a.instructorToken,
        },
      );
      const room = await new Client(server.wsUrl).consumeSeatReservation(
        reservation.body as unknown as SeatReservation,
      );
      const rejected: string[] = [];
      room.onMessage("rejected", (r: { code: string }) => rejected.push(r.code));
      room.onMessage("*", () => undefined);
      room.send("move", { clientSeq: 1, move: { kind: "pass" } });
      await vi.waitFor(() => expect(rejected).toEqual(["NotSeated"]));
      await room.leave();
    },
  ],
  [
    "a table room joined with another table's participant token (same session): refused",
    async () => {
      const refused = await roomAttempt((c) =>
        reserved(c, ana.participant.tableId, { participantToken: cy.participantToken }),
      );
      expect(refused).toMatch(/another table/);
    },
  ],
  [
    "a table room joined with another session's participant or instructor token: refused",
    async () => {
      expect(
        await roomAttempt((c) => reserved(c, ana.participant.tableId, { participantToken: dee.participantToken })),
      ).toMatch(/not valid for this table/);
      expect(
        await roomAttempt((c) => reserved(c, ana.participant.tableId, { instructorToken: b.instructorToken })),
      ).toMatch(/not valid for this table/);
    },
  ],
  [
    "a table room opened, created or joined without a token or with a made-up one: refused",
    async () => {
      expect(await roomAttempt((c) => reserved(c, ana.participant.tableId, {}))).toMatch(/token/);
      expect(await roomAttempt((c) => reserved(c, ana.participant.tableId, { seat: "china", name: "Eve" }))).toMatch(
        /token/,
      );
      expect(
        await roomAttempt((c) => reserved(c, ana.participant.tableId, { participantToken: "x".repeat(32) })),
      ).toMatch(/not valid/);
    },
  ],
  [
    "rooms asked of the matchmaker directly (not through the API): refused, naming no table, making no room",
    async () => {
      const tableId = ana.participant.tableId;
      const direct: ((c: Client) => Promise<Room>)[] = [
        (c) => c.joinOrCreate("table", {}),
        (c) => c.join("table", {}),
        (c) => c.joinById(tableId, { participantToken: ana.participantToken }),
        (c) => c.create("table", { tableId: cy.participant.tableId, openTicket: "guess" }),
        (c) => c.create("session", { sessionId: a.id, instructorToken: a.instructorToken }),
      ];
      for (const attempt of direct) {
        const refused = await roomAttempt(attempt);
        expect(refused).toMatch(/reservation from the API/);
        expect(refused).not.toContain(tableId);
      }
      // An overview room is made only for a real session and its own instructor's token: asked
      // for another (the reservation never used), the matchmaker refuses and makes none.
      const rooms = async () => (await matchMaker.query({ name: "session" })).length;
      const before = await rooms();
      for (const options of [
        { sessionId: "made-up-id", instructorToken: "x".repeat(32) },
        { sessionId: b.id, instructorToken: a.instructorToken },
      ]) {
        const asked = await fetch(`${server.url}/matchmake/joinOrCreate/session`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(options),
        });
        expect(asked.ok).toBe(false);
      }
      expect(await rooms()).toBe(before);
    },
  ],
  // ---- joining ----
  [
    "joining without a code, or with a wrong one: refused, nobody added",
    async () => {
      const before = await http<unknown[]>(server.url, "GET", `/sessions/${a.id}/participants`, {
        token: a.instructorToken,
      });
      expect(await status("POST", "/join", undefined, { name: "Eve" })).toBe("400 InvalidJoin");
      expect(await status("POST", "/join", undefined, { code: "", name: "Eve" })).toBe("400 InvalidJoin");
      const wrong = a.code === "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ";
      expect(await status("POST", "/join", undefined, { code: wrong, name: "Eve" })).toBe("404 UnknownCode");
      const after = await http<unknown[]>(server.url, "GET", `/sessions/${a.id}/participants`, {
        token: a.instructorToken,
      });
      expect(after.body).toEqual(before.body);
    },
  ],
  [
    "guessing join codes from one address: rate-limited (429 RateLimited) long before a code is found",
    async () => {
      // Its own address (the server trusts X-Forwarded-For from loopback only), so the budget
      // of the other rows' address is untouched.
      const guess = (i: number) =>
        fetch(`${server.url}/api/join`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
          body: JSON.stringify({ code: `Q${String(i).padStart(5, "0")}`, name: "Guesser" }),
        }).then((r) => r.status);
      const answers = await Promise.all(Array.from({ length: 330 }, (_, i) => guess(i)));
      expect(answers.filter((s) => s === 429).length).toBeGreaterThan(0);
      expect(answers.every((s) => s === 404 || s === 429)).toBe(true);
    },
  ],
  // ---- tokens on the wrong session ----
  [
    "a participant token on its own or another session's instructor routes: 403",
    async () => {
      expect(await status("GET", `/sessions/${a.id}`, ana.participantToken)).toBe("403 WrongToken");
      expect(await status("GET", `/sessions/${b.id}`, ana.participantToken)).toBe("403 WrongToken");
      expect(await status("POST", `/sessions/${b.id}/control`, ana.participantToken, { action: "pause" })).toBe(
        "403 WrongToken",
      );
    },
  ],
  [
    "instructor endpoints without a token (401) and with another session's instructor token (403)",
    async () => {
      const routes: [string, string, unknown?][] = [
        ["GET", `/sessions/${a.id}`],
        ["GET", `/sessions/${a.id}/participants`],
        ["GET", `/sessions/${a.id}/scenario`],
        ["POST", `/sessions/${a.id}/control`, { action: "pause" }],
        ["POST", `/sessions/${a.id}/participants/${ana.participant.id}/token`],
        ["POST", `/sessions/${a.id}/participants/${ana.participant.id}/seat`, { tableId: null }],
        ["GET", `/sessions/${a.id}/export.csv`],
        ["GET", `/sessions/${a.id}/logs`],
        ["POST", `/sessions/${a.id}/tables/${ana.participant.tableId}/reservation`],
        ["POST", `/sessions/${a.id}/tables/${ana.participant.tableId}/branch`, { at: 0, seat: "usa" }],
      ];
      for (const [method, path, body] of routes) {
        expect(await status(method, path, undefined, body), path).toBe("401 MissingToken");
        expect(await status(method, path, b.instructorToken, body), path).toBe("403 WrongToken");
      }
      // Nothing happened: the table still runs, Ana keeps her seat and her token.
      expect(await status("GET", "/me", ana.participantToken)).toBe("200");
      expect(ana.room.connection.isOpen).toBe(true);
    },
  ],
  [
    "another table's replay or log: through another session's path (404), or as a student (403, 409)",
    async () => {
      const deeTable = dee.participant.tableId;
      expect(await status("GET", `/sessions/${a.id}/tables/${deeTable}/log`, a.instructorToken)).toBe(
        "404 UnknownTable",
      );
      expect(await status("GET", `/sessions/${a.id}/tables/${deeTable}/replay`, a.instructorToken)).toBe(
        "404 UnknownTable",
      );
      expect(await status("GET", `/sessions/${b.id}/tables/${deeTable}/log`, ana.participantToken)).toBe(
        "403 WrongToken",
      );
      expect(
        await status(
          "GET",
          `/sessions/${a.id}/tables/${cy.participant.tableId}/replay?viewer=usa`,
          ana.participantToken,
        ),
      ).toBe("403 WrongToken");
      // A student's own raw log (every secret) waits for the end of the whole session.
      expect(await status("GET", "/me/log", ana.participantToken)).toBe("409 SessionNotEnded");
      expect(await status("POST", "/me/branch", ana.participantToken, { at: 0 })).toBe("409 TableNotEnded");
    },
  ],
  [
    "a renewed participant token: the old one opens nothing",
    async () => {
      const renewed = await http<{ participantToken: string }>(
        server.url,
        "POST",
        `/sessions/${b.id}/participants/${dee.participant.id}/token`,
        { token: b.instructorToken },
      );
      expect(renewed.status).toBe(200);
      expect(await status("GET", "/me", dee.participantToken)).toBe("403 WrongToken");
      expect(await status("POST", "/me/reservation", dee.participantToken)).toBe("403 WrongToken");
      expect(await status("GET", "/me", renewed.body.participantToken)).toBe("200");
      dee = { ...dee, participantToken: renewed.body.participantToken };
    },
  ],
  // ---- the instructor's overview ----
  [
    "the session overview room without a token, with a wrong one, another session's or a student's: refused",
    async () => {
      const open = (options: Record<string, unknown>) => roomAttempt((c) => c.joinOrCreate("session", options));
      expect(await open({ sessionId: a.id })).not.toBe("joined");
      expect(await open({ sessionId: a.id, instructorToken: "x".repeat(32) })).not.toBe("joined");
      expect(await open({ sessionId: a.id, instructorToken: b.instructorToken })).not.toBe("joined");
      expect(await open({ sessionId: a.id, instructorToken: ana.participantToken })).not.toBe("joined");
      expect(await open({ sessionId: a.id, instructorToken: a.instructorToken })).toBe("joined");
    },
  ],
  [
    "a message the room's handlers cannot even print (type '*', a payload without toString): answered, server up",
    async () => {
      // Before the fix this threw out of the room's message handler: in production, the process stopped.
      const before = ana.seen.rejected.length;
      ana.room.send("*", { toString: "not a function", valueOf: 1 });
      ana.room.send("__proto__", { toString: "not a function" });
      await vi.waitFor(() => expect(ana.seen.rejected.length).toBe(before + 2));
      expect(ana.seen.rejected.slice(before).map((r) => r.code)).toEqual(["UnknownMessage", "UnknownMessage"]);
      expect(await answerTo(ana, { clientSeq: 9, move: { kind: "chat", text: "still answered" } })).toBe("ack");
    },
  ],
  // ---- floods ----
  [
    "a flood of moves: RateLimited answers and the connection stays; above 60 a second the connection closes",
    async () => {
      const flooder = await seated(b, "Flo", "china");
      for (let i = 0; i < 30; i++) flooder.room.send("move", { clientSeq: 100 + i, move: { kind: "pass" } });
      await vi.waitFor(() => expect(flooder.seen.acks.length + flooder.seen.rejected.length).toBe(30));
      expect(flooder.seen.rejected.filter((r) => r.code === "RateLimited").length).toBeGreaterThanOrEqual(9);
      expect(flooder.room.connection.isOpen).toBe(true);
      let closed: number | undefined;
      flooder.room.reconnection.enabled = false;
      flooder.room.onLeave((code) => {
        closed = code;
      });
      const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
      for (let i = 0; i < 80; i++) flooder.room.send("move", { clientSeq: 200 + i, move: { kind: "pass" } });
      // At once, not after the reconnection window (30 s here): a flooder keeps no half-open socket.
      await vi.waitFor(() => expect(closed).toBe(4002), { timeout: 3000 }).finally(() => quiet.mockRestore());
      expect(await status("GET", "/health")).toBe("200");
      // The student comes back with the same token.
      const back = await connectStudent(server.url, flooder.participantToken);
      expect(back.room.connection.isOpen).toBe(true);
      await back.room.leave();
    },
  ],
];

describe("authorisation: one attack per row", () => {
  for (const [threat, attempt] of attacks) it(threat, attempt);
});
