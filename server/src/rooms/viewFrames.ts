import { getMessageBytes, Protocol } from "@colyseus/core";
import type { TableView } from "@parley/shared";

/*
 * A table's views as frames: a whole view is byte for byte the frame of
 * `client.send("view", view)`, made for several views at once with
 * what the views share (from `viewsFor`: the scenario, the parties, the log's entries…)
 * encoded once instead of once per client. Encoding dominated the cost of a move under load.
 *
 * A `view` message is Colyseus's ROOM_DATA frame: the code, the type, then the view in
 * msgpack as Colyseus's own packer writes it (msgpackr without records: a plain object is a
 * map16 of its own keys in order, an array its length then its items). The pieces are
 * packed by that same packer, so they are exactly the bytes it writes for the whole.
 * `entryBytes`, kept by a table with the `ViewCache` of its `viewsFor` calls, holds the
 * bytes of the log entries and move lines it has sent.
 */

/** What a client last received of its view: each field's bytes, the log's lines and the seq. */
export interface SentView {
  seq: number;
  fields: Map<string, Buffer>;
  log: readonly unknown[];
}

/**
 * The frames to send a table's clients after an event: a whole `view` to a client that has
 * none yet (`sent[i]` undefined), else a `viewPatch` with only what differs from what it
 * last received (see `ViewPatch` in the rules module): fields whose bytes changed, the log's
 * new lines when the old ones are still its start, fields gone. A client whose view did not
 * change at all gets no frame (null). Returns what each client has afterwards.
 */
export function sendableViews(
  views: readonly TableView[],
  sent: readonly (SentView | undefined)[],
  entryBytes = new WeakMap<object, Buffer>(),
): { frames: (Buffer | null)[]; sent: SentView[] } {
  const packed = new Map<unknown, Buffer>();
  const bytesOf = (value: unknown): Buffer => {
    if (value === null || typeof value !== "object") return pack(value);
    let bytes = packed.get(value);
    if (!bytes) {
      bytes = pack(value);
      packed.set(value, bytes);
    }
    return bytes;
  };
  /** Log entries and move lines never change: with `entryBytes` kept by the table, each is encoded once a game. */
  const entryOf = (entry: unknown): Buffer => {
    if (entry === null || typeof entry !== "object") return pack(entry);
    let bytes = entryBytes.get(entry);
    if (!bytes) {
      // Kept for the game: a copy of its own, not a slice that would hold a shared pool slab.
      const packedEntry = pack(entry);
      bytes = Buffer.allocUnsafeSlow(packedEntry.length);
      packedEntry.copy(bytes);
      entryBytes.set(entry, bytes);
    }
    return bytes;
  };
  /** Logs and move lists encoded so far: viewers often see the very same lines. */
  const lists: { entries: readonly unknown[]; bytes: Buffer }[] = [];
  const keptArrayBytes = (entries: readonly unknown[]): Buffer => {
    const same = lists.find((l) => l.entries.length === entries.length && l.entries.every((e, i) => e === entries[i]));
    if (same) return same.bytes;
    const bytes = Buffer.concat([arrayHeader(entries.length), ...entries.map(entryOf)]);
    lists.push({ entries, bytes });
    return bytes;
  };
  const frames: (Buffer | null)[] = [];
  const after: SentView[] = [];
  views.forEach((view, i) => {
    const fields = new Map<string, Buffer>();
    for (const key in view) {
      if (!Object.hasOwn(view, key)) continue;
      const value = (view as unknown as Record<string, unknown>)[key];
      // The log's lines and the seat's moves are kept from event to event (see ViewCache).
      const kept = (key === "log" || key === "moves") && Array.isArray(value);
      fields.set(key, kept ? keptArrayBytes(value as unknown[]) : bytesOf(value));
    }
    const before = sent[i];
    after.push({ seq: view.seq, fields, log: view.log });
    if (!before) {
      frames.push(
        frame(
          "view",
          [...fields].flatMap(([key, bytes]) => [keyBytes(key), bytes]),
        ),
      );
      return;
    }
    const parts: Buffer[] = [];
    for (const [key, bytes] of fields) {
      const old = before.fields.get(key);
      if (old?.equals(bytes)) continue;
      if (key === "log" && old && isPrefix(before.log, view.log)) {
        const added = view.log.slice(before.log.length);
        parts.push(keyBytes("$log"), Buffer.concat([arrayHeader(added.length), ...added.map(entryOf)]));
        parts.push(keyBytes("$logFrom"), pack(before.log.length));
        continue;
      }
      parts.push(keyBytes(key), bytes);
    }
    const gone = [...before.fields.keys()].filter((key) => !fields.has(key));
    if (parts.length === 0 && gone.length === 0) {
      frames.push(null);
      return;
    }
    if (gone.length > 0) parts.push(keyBytes("$unset"), pack(gone));
    parts.push(keyBytes("$base"), pack(before.seq));
    frames.push(frame("viewPatch", parts));
  });
  return { frames, sent: after };
}

function isPrefix(start: readonly unknown[], whole: readonly unknown[]): boolean {
  return start.length <= whole.length && start.every((entry, i) => entry === whole[i]);
}

/** A ROOM_DATA frame of `type` whose payload is a map of the key/value byte pairs given. */
function frame(type: string, keyValueParts: readonly Buffer[]): Buffer {
  const count = keyValueParts.length / 2;
  if (count > 0xffff) throw new Error("A view has too many fields to encode");
  const payload = Buffer.concat([Buffer.from([0xde, count >> 8, count & 0xff]), ...keyValueParts]);
  return getMessageBytes.raw(Protocol.ROOM_DATA, type, undefined, payload);
}

/** The length of a ROOM_DATA frame's header for the type "". */
const headerLength = getMessageBytes.raw(Protocol.ROOM_DATA, "").length;

/** One value as Colyseus's packer writes it inside a message. */
function pack(value: unknown): Buffer {
  // Without a message, raw() writes no payload at all: an undefined is packed in an array.
  if (value === undefined) return pack([undefined]).subarray(1);
  return getMessageBytes.raw(Protocol.ROOM_DATA, "", value).subarray(headerLength);
}

const keys = new Map<string, Buffer>();
function keyBytes(key: string): Buffer {
  let bytes = keys.get(key);
  if (!bytes) {
    bytes = pack(key);
    keys.set(key, bytes);
  }
  return bytes;
}

function arrayHeader(length: number): Buffer {
  if (length < 0x10) return Buffer.from([0x90 | length]);
  if (length < 0x10000) return Buffer.from([0xdc, length >> 8, length & 0xff]);
  const header = Buffer.alloc(5);
  header[0] = 0xdd;
  header.writeUInt32BE(length, 1);
  return header;
}
