import { getMessageBytes, Protocol } from "@colyseus/core";
import type { LogEntry, TableView } from "@parley/shared";

/*
 * A table's views as frames: a whole view is byte for byte the frame of
 * `client.send("view", view)`, and a patch carries only what changed since the client's
 * last view. Views come from `viewsFor` with the table's `ViewCache`, which keeps every
 * unchanged part of a view as the same object from event to event: a part is known to be
 * unchanged by identity. What the views share (the scenario, the parties, the log's
 * lines…) is the same objects for every viewer too, so each part is encoded once per call,
 * for all the viewers.
 *
 * Encodings are not kept from one event to the next. A patch carries only parts that
 * changed, that is new objects, which no earlier call encoded; kept encodings would serve
 * only whole views (a client joining or reconnecting). Keeping them cost far more than it
 * saved: at 2,000 players a heap snapshot held 78,000 Buffers and as many ArrayBuffers
 * (14.5 MB of the 95 MB heap, 40 MB outside it) and a weak map entry for every line of
 * every log, all of which the collector had to trace, and the copies made to keep them
 * were separate allocations outside the heap, which hasten full collections.
 *
 * A `view` message is Colyseus's ROOM_DATA frame: the code, the type, then the view in
 * msgpack as Colyseus's own packer writes it (msgpackr without records: a plain object is a
 * map16 of its own keys in order, an array its length then its items). The values are
 * packed by that same packer, and the frame's header, map headers and numbers are written
 * as it writes them (`FrameWriter`), so a frame is exactly the bytes it writes for the whole.
 */

/**
 * What a client last received: its view, and that view's seq and log as they were then (a
 * view from a table's kept cache changes in place afterwards: its seq and log, see
 * `viewsFor`; its log only grows).
 */
export interface SentView {
  view: TableView;
  seq: number;
  log: readonly LogEntry[];
  logLength: number;
}

/** The record of `view` as sent: `record` itself, updated (a table keeps one for each client), or a new one. */
export function sentView(view: TableView, record?: SentView): SentView {
  if (!record) return { view, seq: view.seq, log: view.log, logLength: view.log.length };
  record.view = view;
  record.seq = view.seq;
  record.log = view.log;
  record.logLength = view.log.length;
  return record;
}

/**
 * The frames to send a table's clients after an event: a whole `view` to a client that has
 * none yet (`sent[i]` undefined), else a `viewPatch` with only what differs from what it
 * last received (see `ViewPatch` in the rules module): the fields that changed; of a list
 * in which only some items changed (the log's new lines, one proposal of many), those items
 * (`$items`); the fields gone (`$unset`). A client whose view did not change at all gets no
 * frame (null). Afterwards each client has its view of `views` (record it with `sentView`
 * as the next call's `sent`).
 */
export function sendableViews(views: readonly TableView[], sent: readonly (SentView | undefined)[]): (Buffer | null)[] {
  const bytes = new Map<object, Buffer>();
  /** An item or a field, encoded once for all the views. */
  const bytesOf = (value: unknown): Buffer => {
    if (value === null || typeof value !== "object") return pack(value);
    let known = bytes.get(value);
    if (!known) {
      known = Array.isArray(value) ? Buffer.concat([arrayHeader(value.length), ...value.map(bytesOf)]) : pack(value);
      bytes.set(value, known);
    }
    return known;
  };
  return views.map((view, i) => {
    const fields = view as unknown as Record<string, unknown>;
    const record = sent[i];
    if (!record) return wholeView(fields, bytesOf);
    const before = record.view as unknown as Record<string, unknown>;
    const whole: string[] = [];
    const lists: { key: string; list: unknown[]; at: number[] }[] = [];
    for (const key in fields) {
      if (!Object.hasOwn(fields, key)) continue;
      const value = fields[key];
      // A kept view changes in place in its seq and log only: those are compared with what was sent.
      const old = key === "seq" ? record.seq : key === "log" ? record.log : before[key];
      const oldLength = key === "log" ? record.logLength : Array.isArray(old) ? old.length : 0;
      const grown = Array.isArray(value) && value.length !== oldLength;
      if (value === old && !grown && Object.hasOwn(before, key)) continue;
      // A list grown in place has its first items unchanged.
      const changed =
        Array.isArray(value) && Array.isArray(old)
          ? changedItems(old, oldLength, value, value === old ? oldLength : 0)
          : undefined;
      if (changed?.length === 0 && !grown) continue;
      if (changed) lists.push({ key, list: value as unknown[], at: changed });
      else whole.push(key);
    }
    const gone: string[] = [];
    for (const key in before) if (Object.hasOwn(before, key) && !Object.hasOwn(fields, key)) gone.push(key);
    if (whole.length === 0 && lists.length === 0 && gone.length === 0) return null;
    // One patch, written straight into one buffer: the fields that changed, `$items`, `$unset`, `$base`.
    const out = writer.start("viewPatch");
    out.mapHeader(whole.length + (lists.length > 0 ? 1 : 0) + (gone.length > 0 ? 1 : 0) + 1);
    for (const key of whole) out.bytes(keyBytes(key)).bytes(bytesOf(fields[key]));
    if (lists.length > 0) {
      out.bytes(keyBytes("$items")).mapHeader(lists.length);
      for (const { key, list, at } of lists) {
        out.bytes(keyBytes(key)).mapHeader(3);
        out.bytes(keyBytes("length")).uint(list.length);
        out.bytes(keyBytes("at")).arrayHeader(at.length);
        for (const index of at) out.uint(index);
        out.bytes(keyBytes("items")).arrayHeader(at.length);
        for (const index of at) out.bytes(bytesOf(list[index]));
      }
    }
    if (gone.length > 0) out.bytes(keyBytes("$unset")).bytes(pack(gone));
    out.bytes(keyBytes("$base")).uint(record.seq);
    return out.finish();
  });
}

/**
 * Writes a frame into one scratch buffer, reused from frame to frame, and gives it back as
 * a buffer of its own: a patch is a few small pieces, and putting each in a buffer of its
 * own, then the buffers together, made most of what a table allocated to send its views.
 * Numbers and headers are written as Colyseus's packer writes them.
 */
class FrameWriter {
  private buffer = Buffer.allocUnsafeSlow(16 * 1024);
  private at = 0;
  private readonly headers = new Map<string, Buffer>();

  /** Starts a ROOM_DATA frame of `type`. */
  start(type: string): this {
    let header = this.headers.get(type);
    if (!header) {
      header = getMessageBytes.raw(Protocol.ROOM_DATA, type);
      this.headers.set(type, header);
    }
    this.at = 0;
    return this.bytes(header);
  }

  bytes(bytes: Uint8Array): this {
    this.room(bytes.length);
    this.buffer.set(bytes, this.at);
    this.at += bytes.length;
    return this;
  }

  /** A map of `count` pairs (msgpack map16, as the packer writes every object). */
  mapHeader(count: number): this {
    if (count > 0xffff) throw new Error("A view has too many fields to encode");
    this.room(3);
    this.buffer[this.at++] = 0xde;
    this.buffer.writeUInt16BE(count, this.at);
    this.at += 2;
    return this;
  }

  arrayHeader(length: number): this {
    return this.bytes(arrayHeader(length));
  }

  /** A count or a seq: a whole number from 0 up. */
  uint(n: number): this {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) return this.bytes(pack(n));
    if (n < 0x100) return this.bytes(smallUint(n));
    this.room(5);
    if (n < 0x10000) {
      this.buffer[this.at++] = 0xcd;
      this.buffer.writeUInt16BE(n, this.at);
      this.at += 2;
    } else {
      this.buffer[this.at++] = 0xce;
      this.buffer.writeUInt32BE(n, this.at);
      this.at += 4;
    }
    return this;
  }

  /** The frame written, in a buffer of its own (the scratch buffer is written over by the next frame). */
  finish(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.at));
  }

  private room(more: number) {
    if (this.at + more <= this.buffer.length) return;
    const larger = Buffer.allocUnsafeSlow(Math.max(2 * this.buffer.length, this.at + more));
    this.buffer.copy(larger, 0, 0, this.at);
    this.buffer = larger;
  }
}

const writer = new FrameWriter();

/** Numbers under 256 as the packer writes them (one byte, or two: its threshold depends on its options). */
const smallUints: Buffer[] = [];
function smallUint(n: number): Buffer {
  let bytes = smallUints[n];
  if (!bytes) {
    bytes = pack(n);
    smallUints[n] = bytes;
  }
  return bytes;
}

/**
 * The places in `after` from `start` whose item is not the one in `before`'s first `length`
 * (the items it had when sent), when they are at most half of it.
 */
function changedItems(
  before: readonly unknown[],
  length: number,
  after: readonly unknown[],
  start = 0,
): number[] | undefined {
  const at: number[] = [];
  for (let i = start; i < after.length; i++) {
    if (i >= length || after[i] !== before[i]) {
      at.push(i);
      if (2 * at.length > after.length) return undefined;
    }
  }
  return at;
}

/** A whole `view` frame: the view's fields in its order. */
function wholeView(fields: Record<string, unknown>, bytesOf: (value: unknown) => Buffer): Buffer {
  const keys = Object.keys(fields);
  const out = writer.start("view").mapHeader(keys.length);
  for (const key of keys) out.bytes(keyBytes(key)).bytes(bytesOf(fields[key]));
  return out.finish();
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
