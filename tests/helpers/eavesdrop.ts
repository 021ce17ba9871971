import { Client, Room, type SeatReservation } from "@colyseus/sdk";
import { applyViewPatch, type Move, type TableView, type ViewPatch } from "@parley/shared";
import { expect, vi } from "vitest";
import { holdsFragment, type Secret } from "./secrets.ts";
import { http } from "./server.ts";

/** Every frame and decoded message of each room, recorded before any handler runs. */
interface Tap {
  frames: Buffer[];
  messages: { type: string | number; message: unknown }[];
}
const taps = new WeakMap<object, Tap>();
function tapOf(room: object): Tap {
  let tap = taps.get(room);
  if (!tap) {
    tap = { frames: [], messages: [] };
    taps.set(room, tap);
  }
  return tap;
}

interface RoomInternals {
  onMessageCallback(event: MessageEvent): void;
  dispatchMessage(type: string | number, message: unknown): void;
}
const roomPrototype = Room.prototype as unknown as RoomInternals;
const originalFrame = roomPrototype.onMessageCallback;
const originalDispatch = roomPrototype.dispatchMessage;
roomPrototype.onMessageCallback = function (this: object, event: MessageEvent) {
  tapOf(this).frames.push(Buffer.from(new Uint8Array(event.data as ArrayBuffer)));
  originalFrame.call(this, event);
};
roomPrototype.dispatchMessage = function (this: object, type: string | number, message: unknown) {
  tapOf(this).messages.push({ type, message });
  originalDispatch.call(this, type, message);
};

/** A point in what a client has received (see `Eavesdropper.mark`). */
export interface Mark {
  heard: number;
  rooms: { messages: number; frames: number }[];
}

/**
 * The whole views a room's messages amount to: each `view`, and each `viewPatch` applied to
 * the view before it (a patch for another view, lost in a drop, waits for the next whole one).
 */
function wholeViews(messages: readonly { type: string | number; message: unknown }[]): TableView[] {
  const views: TableView[] = [];
  let current: TableView | undefined;
  for (const { type, message } of messages) {
    const next =
      type === "view"
        ? (message as TableView)
        : type === "viewPatch"
          ? applyViewPatch(current, message as ViewPatch)
          : undefined;
    if (!next) continue;
    current = next;
    views.push(next);
  }
  return views;
}

export interface Heard {
  where: string;
  text: string;
}

/**
 * One client of the server, as an attacker would run it: every HTTP answer (bodies of
 * refusals too), every room message, every state of every room it entered and every raw
 * frame are kept, so a test can search all of it for data the client may not have.
 */
export class Eavesdropper {
  private heard: Heard[] = [];
  private rooms: { where: string; room: Room }[] = [];
  private table: Room | undefined;
  private clientSeq = 0;

  constructor(
    readonly name: string,
    private readonly baseUrl: string,
    public token?: string,
  ) {}

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, token = this.token) {
    const response = await http<T>(this.baseUrl, method, path, { token, body });
    this.heard.push({ where: `${method} ${path} → ${response.status}`, text: response.text });
    return response;
  }

  /** Connects to a room through a reservation the client obtained (or fails and keeps the refusal). */
  async consume(reservation: unknown, where: string): Promise<Room | undefined> {
    const client = new Client(this.baseUrl.replace(/^http/, "ws"));
    try {
      return this.listen(await client.consumeSeatReservation(reservation as SeatReservation), where);
    } catch (error) {
      this.heard.push({ where: `${where} (refused)`, text: String(error) });
      return undefined;
    }
  }

  /** Tries any way into a room the SDK offers; a refusal is kept like an answer. */
  async tryRoom(where: string, join: (client: Client) => Promise<Room>): Promise<Room | undefined> {
    const client = new Client(this.baseUrl.replace(/^http/, "ws"));
    try {
      return this.listen(await join(client), where);
    } catch (error) {
      this.heard.push({ where: `${where} (refused)`, text: String(error) });
      return undefined;
    }
  }

  /** The client's own table, as its player's browser connects to it. */
  async connectToMyTable(): Promise<Room> {
    const reservation = await this.call("POST", "/me/reservation");
    if (reservation.status !== 200) throw new Error(`${this.name} has no reservation: ${reservation.text}`);
    const room = await this.consume(reservation.body, "my table");
    if (!room) throw new Error(`${this.name} could not connect to its table`);
    this.table = room;
    await vi.waitFor(() => expect(tapOf(room).messages.some((m) => m.type === "view")).toBe(true));
    return room;
  }

  /** Sends a move at the client's table and waits for its answer: "ack", or the refusal's code. */
  async move(move: Move): Promise<string> {
    return (await this.answer(move)).code;
  }

  /** The same, with the event's number when the move was stored. */
  async answer(move: Move, interval = 50): Promise<{ code: string; seq?: number }> {
    const room = this.table;
    if (!room) throw new Error(`${this.name} is not at a table`);
    const clientSeq = ++this.clientSeq;
    room.send("move", { clientSeq, move });
    const answer = await vi.waitFor(
      () => {
        const found = tapOf(room).messages.find(
          (m) =>
            (m.type === "ack" || m.type === "rejected") &&
            (m.message as { clientSeq?: number }).clientSeq === clientSeq,
        );
        if (!found) throw new Error(`${this.name} waits for an answer to ${move.kind}`);
        return found;
      },
      { interval, timeout: 5000 },
    );
    const message = answer.message as { code?: string; seq?: number };
    return answer.type === "ack" ? { code: "ack", seq: message.seq } : { code: String(message.code) };
  }

  private listen(room: Room, where: string): Room {
    this.rooms.push({ where, room });
    room.onMessage("*", () => undefined);
    room.onStateChange((state) => {
      this.heard.push({ where: `${where} state`, text: JSON.stringify(state) });
    });
    return room;
  }

  /** How much the client has received so far, to search later exactly what came before. */
  mark(): Mark {
    return {
      heard: this.heard.length,
      rooms: this.rooms.map(({ room }) => ({
        messages: tapOf(room).messages.length,
        frames: tapOf(room).frames.length,
      })),
    };
  }

  /** Every text the client had received at `mark` (room states as they changed). */
  everythingUpTo(mark: Mark): Heard[] {
    const fromRooms = this.rooms.slice(0, mark.rooms.length).flatMap(({ where, room }, i) =>
      tapOf(room)
        .messages.slice(0, mark.rooms[i]?.messages ?? 0)
        .map((m) => ({ where: `${where} message ${String(m.type)}`, text: JSON.stringify(m.message) })),
    );
    return [...this.heard.slice(0, mark.heard), ...fromRooms];
  }

  /** The raw frames received up to `mark`. */
  framesUpTo(mark: Mark): Heard[] {
    return this.rooms.slice(0, mark.rooms.length).flatMap(({ where, room }, i) =>
      tapOf(room)
        .frames.slice(0, mark.rooms[i]?.frames ?? 0)
        .map((f, j) => ({ where: `${where} frame ${j}`, text: f.toString("utf8") })),
    );
  }

  /** The table views received up to `mark`. */
  viewsUpTo(mark: Mark): TableView[] {
    return this.rooms
      .slice(0, mark.rooms.length)
      .flatMap(({ room }, i) => wholeViews(tapOf(room).messages.slice(0, mark.rooms[i]?.messages ?? 0)));
  }

  /** Every text the client received, JSON or not. */
  everything(): Heard[] {
    const fromRooms = this.rooms.flatMap(({ where, room }) => {
      const tap = tapOf(room);
      return [
        ...tap.messages.map((m) => ({ where: `${where} message ${String(m.type)}`, text: JSON.stringify(m.message) })),
        { where: `${where} state now`, text: JSON.stringify(room.state) },
      ];
    });
    return [...this.heard, ...fromRooms];
  }

  /** The raw frames of every room, as UTF-8 text (msgpack keeps strings as UTF-8). */
  frames(): Heard[] {
    return this.rooms.flatMap(({ where, room }) =>
      tapOf(room).frames.map((f, i) => ({ where: `${where} frame ${i}`, text: f.toString("utf8") })),
    );
  }

  /** The table views received in every room, in order (each patch applied to the view before it). */
  views(): TableView[] {
    return this.rooms.flatMap(({ room }) => wholeViews(tapOf(room).messages));
  }

  lastView(): TableView | undefined {
    // From the end: clients of long games call this often. The last whole view of the last
    // room that has one, with the patches after it applied.
    for (let r = this.rooms.length - 1; r >= 0; r--) {
      const messages = tapOf(this.rooms[r]?.room as Room).messages;
      for (let i = messages.length - 1; i >= 0; i--) {
        if (messages[i]?.type === "view") return wholeViews(messages.slice(i)).at(-1);
      }
    }
    return undefined;
  }

  async leaveRooms(): Promise<void> {
    for (const { room } of this.rooms) if (room.connection.isOpen) await room.leave();
  }
}

/** Where the secret shows in what was heard, if anywhere. */
export function whereHeard(heard: readonly Heard[], frames: readonly Heard[], secret: Secret): string[] {
  const found: string[] = [];
  for (const h of heard) {
    const fragment = secret.json.find((f) => holdsFragment(h.text, f));
    if (fragment) found.push(`${h.where}: ${fragment}`);
    const text = secret.text.find((t) => h.text.includes(t));
    if (text) found.push(`${h.where}: "${text}"`);
  }
  for (const f of frames) {
    const text = secret.text.find((t) => f.text.includes(t));
    if (text) found.push(`${f.where}: "${text}"`);
  }
  return found;
}

/** What a client had received at one moment, to be searched later. */
export interface Recording {
  name: string;
  heard: Heard[];
  frames: Heard[];
}

export function recordingOf(client: Eavesdropper): Recording {
  return { name: client.name, heard: client.everything(), frames: client.frames() };
}

/** No trace of any of the secrets in anything the client received (up to now, or in a recording). */
export function expectNeverHeard(client: Eavesdropper | Recording, secrets: readonly Secret[]): void {
  const { name, heard, frames } = client instanceof Eavesdropper ? recordingOf(client) : client;
  const leaks = secrets.flatMap((s) => whereHeard(heard, frames, s).map((w) => `${s.label} → ${w}`));
  expect(leaks, `${name} received what it may not see`).toEqual([]);
}

/**
 * Every trace of every secret IS in what an entitled client received: the probes are
 * precise, so the absence elsewhere means something.
 */
export function expectHeard(heard: readonly Heard[], secrets: readonly Secret[], who: string): void {
  const texts = heard.map((h) => h.text);
  const missing: string[] = [];
  for (const s of secrets) {
    for (const f of s.json) if (!texts.some((t) => holdsFragment(t, f))) missing.push(`${s.label}: ${f}`);
    for (const t of s.text) if (!texts.some((x) => x.includes(t))) missing.push(`${s.label}: "${t}"`);
  }
  expect(missing, `${who} should have received these (the probe would be blind otherwise)`).toEqual([]);
}
