import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GameEvent } from "@parley/shared";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { openSqliteStore, WalSync } from "./sqlite.ts";
import { ConflictError } from "./store.ts";

const work = mkdtempSync(join(tmpdir(), "parley-sqlite-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Watches WalSync's fsyncs: the order of starts, ends and the writes' completions. */
const trace: string[] = [];
const proto = WalSync.prototype as unknown as { flush: () => Promise<void> };
const flush = proto.flush;
let flushes = 0;
proto.flush = async function (this: WalSync) {
  const n = ++flushes;
  trace.push(`start ${n}`);
  await flush.call(this);
  trace.push(`end ${n}`);
};
afterAll(() => {
  proto.flush = flush;
});
afterEach(() => {
  trace.length = 0;
});

const table = (id: string) => ({
  id,
  scenarioId: "us-china-tariffs",
  seed: 1,
  seats: ["usa", "china"],
  controllers: {},
  createdAt: new Date(0).toISOString(),
});
const event = (seq: number) => ({ seq, kind: "seat", seat: "usa", move: { kind: "pass" } }) as unknown as GameEvent;

describe("the SQLite store's durability", () => {
  it("reports a write done only after an fsync of the WAL that started after it, shared by writes made together", async () => {
    const store = await openSqliteStore(join(work, "durable.sqlite"));
    for (let t = 0; t < 20; t++) await store.createTable(table(`t${t}`));
    trace.length = 0;
    const before = flushes;
    await Promise.all(
      Array.from({ length: 20 }, async (_, t) => {
        for (let seq = 0; seq < 5; seq++) {
          const called = trace.length;
          await store.appendEvent(`t${t}`, event(seq));
          // Some fsync started after the call and ended before the write was reported done.
          const after = trace.slice(called);
          const started = after.filter((line) => line.startsWith("start")).map((line) => line.slice(6));
          expect(started.some((n) => after.includes(`end ${n}`))).toBe(true);
        }
      }),
    );
    // A hundred writes of twenty tables at once share fsyncs.
    expect(flushes - before).toBeLessThan(100);
    const stored = await store.events("t7");
    expect(stored.map((s) => s.event.seq)).toEqual([0, 1, 2, 3, 4]);
    await store.close();
  });

  it("commits an event before its fsync (readers see it), and says when it is on disk", async () => {
    const store = await openSqliteStore(join(work, "commit.sqlite"));
    await store.createTable(table("c"));
    trace.length = 0;
    const { durable } = await store.commitEvent("c", event(0));
    // Committed: stored and readable, with no fsync finished since the call.
    expect(trace.filter((line) => line.startsWith("end"))).toEqual([]);
    expect((await store.events("c")).map((s) => s.event.seq)).toEqual([0]);
    await durable;
    expect(trace.some((line) => line.startsWith("end"))).toBe(true);
    await expect(store.commitEvent("c", event(0))).rejects.toThrow();
    await store.close();
  });

  it("commits the events that arrive together in one transaction, and a conflicting one fails alone", async () => {
    const file = join(work, "batched.sqlite");
    const store = await openSqliteStore(file, { checkpointMs: 60_000 });
    for (let t = 0; t < 40; t++) await store.createTable(table(`b${t}`));
    const walSize = () => statSync(`${file}-wal`).size;
    const start = walSize();
    // Twenty tables' moves in one turn of the event loop, and one event that is there already.
    const together = Array.from({ length: 20 }, (_, t) => store.commitEvent(`b${t}`, event(0)));
    const twice = store.commitEvent("b0", event(0));
    await Promise.all(together);
    await expect(twice).rejects.toBeInstanceOf(ConflictError);
    const grewTogether = walSize() - start;
    // The same moves one after another: a commit each.
    const middle = walSize();
    for (let t = 20; t < 40; t++) await store.commitEvent(`b${t}`, event(0));
    const grewApart = walSize() - middle;
    expect(grewTogether * 4).toBeLessThan(grewApart);
    for (const t of [0, 7, 19, 20, 39]) expect((await store.events(`b${t}`)).map((e) => e.event.seq)).toEqual([0]);
    await store.close();
  });

  it("does not fsync for reads, and a refused write is reported as before", async () => {
    const store = await openSqliteStore(join(work, "reads.sqlite"));
    await store.createTable(table("r"));
    await store.appendEvent("r", event(0));
    const before = flushes;
    await store.getTable("r");
    await store.events("r");
    expect(flushes).toBe(before);
    await expect(store.appendEvent("r", event(0))).rejects.toThrow();
    await store.close();
    const reopened = await openSqliteStore(join(work, "reads.sqlite"));
    expect((await reopened.events("r")).length).toBe(1);
    await reopened.close();
  });
});

describe("the SQLite store's checkpoints", () => {
  it("copy the WAL into the database file from a worker thread, not on commit", async () => {
    const file = join(work, "checkpoints.sqlite");
    const store = await openSqliteStore(file, { checkpointMs: 50 });
    await store.createTable(table("c"));
    // Let a checkpoint carry the tables created so far, then measure from there.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = statSync(file).size;
    for (let seq = 0; seq < 400; seq++) await store.appendEvent("c", event(seq));
    // Automatic checkpoints are off: only the worker's passive checkpoints grow the file.
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(before), { timeout: 3000 });
    expect((await store.events("c")).length).toBe(400);
    await store.close();
  });
});

describe("the SQLite store's worker threads", () => {
  /** The nice value of each of this process's threads, by name (Linux: /proc/self/task). */
  const threadNices = () =>
    readdirSync("/proc/self/task").map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      // Fields after the name in parentheses; nice is field 19 of the line.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return Number(fields[16]);
    });

  it.runIf(process.platform === "linux")(
    "sync the WAL and checkpoint at the lowest priority, so they never take the event loop's core",
    async () => {
      const before = threadNices().filter((nice) => nice === 19).length;
      const store = await openSqliteStore(join(work, "priority.sqlite"));
      await store.createTable(table("p"));
      await store.appendEvent("p", event(0));
      // The fsync thread and the checkpointer; the event loop's thread keeps its priority.
      await vi.waitFor(() => expect(threadNices().filter((nice) => nice === 19).length).toBe(before + 2));
      expect(Number(readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ")[16])).toBe(0);
      await store.close();
      await vi.waitFor(() => expect(threadNices().filter((nice) => nice === 19).length).toBe(before));
    },
  );
});
