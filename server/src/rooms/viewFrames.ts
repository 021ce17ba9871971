import { getMessageBytes, Protocol } from "@colyseus/core";
import type { TableView } from "@parley/shared";

/**
 * The frames of `client.send("view", view)` for several views at once, byte for byte, with
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
export function viewFrames(views: readonly TableView[], entryBytes = new WeakMap<object, Buffer>()): Buffer[] {
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
  /** Logs and move lists encoded so far: viewers often see the very same lines. */
  const logs: { entries: readonly unknown[]; bytes: Buffer }[] = [];
  const keptArrayBytes = (entries: readonly unknown[]): Buffer => {
    const same = logs.find((l) => l.entries.length === entries.length && l.entries.every((e, i) => e === entries[i]));
    if (same) return same.bytes;
    // Log entries and move lines never change: with `entryBytes` kept by the table, each is
    // encoded once a game.
    const parts = [arrayHeader(entries.length)];
    for (const entry of entries) {
      if (entry === null || typeof entry !== "object") {
        parts.push(pack(entry));
        continue;
      }
      let bytes = entryBytes.get(entry);
      if (!bytes) {
        // Kept for the game: a copy of its own, not a slice that would hold a shared pool slab.
        const packedEntry = pack(entry);
        bytes = Buffer.allocUnsafeSlow(packedEntry.length);
        packedEntry.copy(bytes);
        entryBytes.set(entry, bytes);
      }
      parts.push(bytes);
    }
    const bytes = Buffer.concat(parts);
    logs.push({ entries, bytes });
    return bytes;
  };
  return views.map((view) => {
    const parts: Buffer[] = [];
    let count = 0;
    for (const key in view) {
      if (!Object.hasOwn(view, key)) continue;
      count++;
      parts.push(keyBytes(key));
      const value = (view as unknown as Record<string, unknown>)[key];
      // The log's lines and the seat's moves are kept from event to event (see ViewCache).
      const kept = (key === "log" || key === "moves") && Array.isArray(value);
      parts.push(kept ? keptArrayBytes(value) : bytesOf(value));
    }
    if (count > 0xffff) throw new Error("A view has too many fields to encode");
    const payload = Buffer.concat([Buffer.from([0xde, count >> 8, count & 0xff]), ...parts]);
    return getMessageBytes.raw(Protocol.ROOM_DATA, "view", undefined, payload);
  });
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
