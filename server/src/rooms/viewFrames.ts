import { getMessageBytes, Protocol } from "@colyseus/core";
import type { TableView } from "@parley/shared";

/*
 * A table's views as frames: a whole view is byte for byte the frame of
 * `client.send("view", view)`, and a patch carries only what changed since the client's
 * last view. Views come from `viewsFor` with the table's `ViewCache`, which keeps every
 * unchanged part of a view as the same object from event to event: a part is known to be
 * unchanged by identity, and its encoding, kept by the table (`bytes`), is made once for as
 * long as it lives. What the views share (the scenario, the parties, the log's lines…) is
 * the same objects for every viewer too, so it is encoded once for the table.
 *
 * A `view` message is Colyseus's ROOM_DATA frame: the code, the type, then the view in
 * msgpack as Colyseus's own packer writes it (msgpackr without records: a plain object is a
 * map16 of its own keys in order, an array its length then its items). The pieces are
 * packed by that same packer, so they are exactly the bytes it writes for the whole.
 */

/** The encodings of a table's view parts, by identity (see `sendableViews`). */
export type PartBytes = WeakMap<object, Buffer>;

/**
 * The frames to send a table's clients after an event: a whole `view` to a client that has
 * none yet (`sent[i]` undefined), else a `viewPatch` with only what differs from what it
 * last received (see `ViewPatch` in the rules module): the fields that changed; of a list
 * in which only some items changed (the log's new lines, one proposal of many), those items
 * (`$items`); the fields gone (`$unset`). A client whose view did not change at all gets no
 * frame (null). Afterwards each client has its view of `views` (keep them as the next
 * call's `sent`: their parts are never changed in place).
 */
export function sendableViews(
  views: readonly TableView[],
  sent: readonly (TableView | undefined)[],
  bytes: PartBytes = new WeakMap(),
): (Buffer | null)[] {
  /** An item or a field, encoded once while it lives. */
  const bytesOf = (value: unknown): Buffer => {
    if (value === null || typeof value !== "object") return pack(value);
    let known = bytes.get(value);
    if (!known) {
      known = Array.isArray(value)
        ? ownCopy(Buffer.concat([arrayHeader(value.length), ...value.map(bytesOf)]))
        : kept(value);
      bytes.set(value, known);
    }
    return known;
  };
  return views.map((view, i) => {
    const fields = view as unknown as Record<string, unknown>;
    const before = sent[i] as unknown as Record<string, unknown> | undefined;
    if (!before) return frame("view", fieldParts(fields, bytesOf));
    if (before === fields) return null;
    const parts: Buffer[] = [];
    const items: Buffer[] = [];
    for (const key in fields) {
      if (!Object.hasOwn(fields, key)) continue;
      const value = fields[key];
      const old = before[key];
      if (value === old && Object.hasOwn(before, key)) continue;
      const changed = Array.isArray(value) && Array.isArray(old) ? changedItems(old, value) : undefined;
      if (changed?.length === 0 && (value as unknown[]).length === (old as unknown[]).length) continue;
      if (changed) items.push(keyBytes(key), itemsBytes(value as unknown[], changed, bytesOf));
      else parts.push(keyBytes(key), bytesOf(value));
    }
    if (items.length > 0) parts.push(keyBytes("$items"), mapBytes(items));
    const gone = Object.keys(before).filter((key) => !Object.hasOwn(fields, key));
    if (gone.length > 0) parts.push(keyBytes("$unset"), pack(gone));
    if (parts.length === 0) return null;
    parts.push(keyBytes("$base"), pack(before.seq));
    return frame("viewPatch", parts);
  });
}

/** The places in `after` whose item is not the one in `before`, when they are at most half of it. */
function changedItems(before: readonly unknown[], after: readonly unknown[]): number[] | undefined {
  const at: number[] = [];
  for (let i = 0; i < after.length; i++) {
    if (after[i] !== before[i]) {
      at.push(i);
      if (2 * at.length > after.length) return undefined;
    }
  }
  return at;
}

/** `{ length, at, items }`: the list's length, and its items at those places. */
function itemsBytes(list: readonly unknown[], at: number[], bytesOf: (value: unknown) => Buffer): Buffer {
  return mapBytes([
    keyBytes("length"),
    pack(list.length),
    keyBytes("at"),
    pack(at),
    keyBytes("items"),
    Buffer.concat([arrayHeader(at.length), ...at.map((i) => bytesOf(list[i]))]),
  ]);
}

/** A view's fields as key/value byte pairs, in its order. */
function fieldParts(fields: Record<string, unknown>, bytesOf: (value: unknown) => Buffer): Buffer[] {
  const parts: Buffer[] = [];
  for (const key in fields) if (Object.hasOwn(fields, key)) parts.push(keyBytes(key), bytesOf(fields[key]));
  return parts;
}

/** A ROOM_DATA frame of `type` whose payload is a map of the key/value byte pairs given. */
function frame(type: string, keyValueParts: readonly Buffer[]): Buffer {
  return getMessageBytes.raw(Protocol.ROOM_DATA, type, undefined, mapBytes(keyValueParts));
}

/** A msgpack map of the key/value byte pairs given. */
function mapBytes(keyValueParts: readonly Buffer[]): Buffer {
  const count = keyValueParts.length / 2;
  if (count > 0xffff) throw new Error("A view has too many fields to encode");
  return Buffer.concat([Buffer.from([0xde, count >> 8, count & 0xff]), ...keyValueParts]);
}

/** The length of a ROOM_DATA frame's header for the type "". */
const headerLength = getMessageBytes.raw(Protocol.ROOM_DATA, "").length;

/** One value as Colyseus's packer writes it inside a message. */
function pack(value: unknown): Buffer {
  // Without a message, raw() writes no payload at all: an undefined is packed in an array.
  if (value === undefined) return pack([undefined]).subarray(1);
  return getMessageBytes.raw(Protocol.ROOM_DATA, "", value).subarray(headerLength);
}

/** `pack(value)` in a buffer of its own, to be kept. */
function kept(value: unknown): Buffer {
  return ownCopy(pack(value));
}

/** A copy of `bytes` in a buffer of its own (not a slice that would hold a shared pool slab). */
function ownCopy(bytes: Buffer): Buffer {
  const own = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(own);
  return own;
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
