import { matchMaker } from "@colyseus/core";
import { Client, type Room, type SeatReservation } from "@colyseus/sdk";
import { applyViewPatch, type TableView, type ViewPatch } from "@parley/shared";
import { expect, vi } from "vitest";
import { http } from "./server.ts";

/** What a test client has received from a table room. */
export interface Seen {
  views: TableView[];
  rejected: { clientSeq?: number; code: string; message: string }[];
  acks: { clientSeq?: number; seq: number }[];
  notices: string[];
  seatChanged: { tableId: string | null; seat: string | null; message: string }[];
}

export function watch(room: Room): Seen {
  const seen: Seen = { views: [], rejected: [], acks: [], notices: [], seatChanged: [] };
  room.onMessage("view", (v: TableView) => seen.views.push(v));
  // Each patch applied to the view before it, as the client does (`seen.views` are whole views).
  room.onMessage("viewPatch", (patch: ViewPatch) => {
    const next = applyViewPatch(seen.views.at(-1), patch);
    if (next) seen.views.push(next);
    else room.send("resync");
  });
  room.onMessage("rejected", (r: Seen["rejected"][number]) => seen.rejected.push(r));
  room.onMessage("ack", (a: Seen["acks"][number]) => seen.acks.push(a));
  room.onMessage("notice", (n: { text: string }) => seen.notices.push(n.text));
  room.onMessage("seatChanged", (m: Seen["seatChanged"][number]) => seen.seatChanged.push(m));
  return seen;
}

export const lastView = (seen: Seen) => seen.views[seen.views.length - 1] as TableView;

export interface CreatedSession {
  session: { id: string; joinCode: string; status: string };
  instructorToken: string;
}

export async function createSession(baseUrl: string, settings: Record<string, unknown>): Promise<CreatedSession> {
  const response = await http<CreatedSession>(baseUrl, "POST", "/sessions", { body: settings });
  if (response.status !== 201) throw new Error(`Could not create a session: ${response.text}`);
  return response.body;
}

export interface Joined {
  participantToken: string;
  participant: { id: string; name: string; tableId: string; table: number; seat: string; party: string };
}

export async function joinSession(baseUrl: string, code: string, name: string, seat?: string): Promise<Joined> {
  const response = await http<Joined>(baseUrl, "POST", "/join", { body: { code, name, ...(seat ? { seat } : {}) } });
  if (response.status !== 201) throw new Error(`Could not join as ${name}: ${response.text}`);
  return response.body;
}

/** A student's client: asks the API for a seat reservation on its table, then connects. */
export async function connectStudent(baseUrl: string, participantToken: string): Promise<{ room: Room; seen: Seen }> {
  const reservation = await http(baseUrl, "POST", "/me/reservation", { token: participantToken });
  if (reservation.status !== 200) throw new Error(`No reservation: ${reservation.text}`);
  const client = new Client(baseUrl.replace(/^http/, "ws"));
  const room = await client.consumeSeatReservation(reservation.body as unknown as SeatReservation);
  const seen = watch(room);
  return { room, seen };
}

/** A student of `classOf`: joined, seated and connected. */
export interface Student extends Joined {
  room: Room;
  seen: Seen;
}

/**
 * A class session (U.S.–China unless `settings` say otherwise) with `names` joined, seated
 * and connected, each holding its first view; started unless `start` is false.
 * `instructor` calls the session's API with the instructor's token.
 */
export async function classOf(baseUrl: string, names: string[], settings: Record<string, unknown> = {}, start = true) {
  const created = await createSession(baseUrl, { scenarioId: "us-china-tariffs", ...settings });
  const students: Student[] = [];
  for (const name of names) {
    const joined = await joinSession(baseUrl, created.session.joinCode, name);
    students.push({ ...joined, ...(await connectStudent(baseUrl, joined.participantToken)) });
  }
  for (const s of students) await vi.waitFor(() => expect(s.seen.views.length).toBeGreaterThan(0));
  const instructor = (method: string, path: string, body?: unknown) =>
    http(baseUrl, method, `/sessions/${created.session.id}${path}`, { token: created.instructorToken, body });
  if (start) await instructor("POST", "/control", { action: "start" });
  return { created, students, instructor };
}

export interface SoloOptions {
  scenarioId: string;
  seat: string;
  name?: string;
  seed?: number;
  /** Persona per bot seat; seats left out are a surprise. */
  personas?: Record<string, string>;
}

/** A solo game as a player starts it: `POST /api/solo`, then connect with the token it returns. */
export async function startSolo(
  baseUrl: string,
  options: SoloOptions,
): Promise<{ room: Room; seen: Seen; participantToken: string; tableId: string }> {
  const response = await http<{ participantToken: string; tableId: string }>(baseUrl, "POST", "/solo", {
    body: options,
  });
  if (response.status !== 201) throw new Error(`Could not start a solo game: ${response.text}`);
  const { participantToken, tableId } = response.body;
  return { ...(await connectStudent(baseUrl, participantToken)), participantToken, tableId };
}

/** Cuts a client's socket from the server side (a server in this process), as a lost network would. */
export function dropConnection(tableId: string, sessionId: string): void {
  const room = matchMaker.getLocalRoomById(tableId);
  const client = room?.clients.find((c) => c.sessionId === sessionId);
  (client?.ref as { terminate(): void } | undefined)?.terminate();
}
