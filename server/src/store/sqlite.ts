import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Worker } from "node:worker_threads";
import { type GameEvent, RULES_VERSION } from "@parley/shared";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { conflictOf, kyselyStore, migrate } from "./kyselyStore.ts";
import type { Database as Schema } from "./schema.ts";
import type { Store } from "./store.ts";

/**
 * Makes the commits of one SQLite file durable off the event loop. With `synchronous = FULL`
 * every commit fsyncs its WAL on the main thread (better-sqlite3 is synchronous): under load
 * the whole server waited for the disk once per move. Instead the file commits with
 * `synchronous = NORMAL` (a commit is in the WAL, in the OS's cache: it survives the process
 * crashing), and a write is reported done only once the WAL file has been fsynced by a
 * worker thread (so it survives a power cut, as with FULL). One fsync covers every commit
 * made before it started: the moves of many tables in the same moment share it.
 */
export class WalSync {
  /** Commits (and other writing statements) run so far. */
  written = 0;
  /** Every write up to this count is on disk. */
  private synced = 0;
  private inFlight: Promise<void> | undefined;
  private syncer: FsyncWorker | undefined;

  constructor(private readonly file: string) {}

  /** Resolves once every write made so far is on disk. */
  async durable(): Promise<void> {
    const target = this.written;
    while (this.synced < target) {
      this.inFlight ??= this.flush();
      await this.inFlight;
    }
  }

  private async flush(): Promise<void> {
    const covers = this.written;
    try {
      // The WAL exists from the first write on and stays while the database is open.
      this.syncer ??= new FsyncWorker(`${this.file}-wal`);
      await this.syncer.sync();
      this.synced = Math.max(this.synced, covers);
    } finally {
      this.inFlight = undefined;
    }
  }

  async close(): Promise<void> {
    await this.syncer?.stop();
    this.syncer = undefined;
  }
}

/**
 * A worker thread's first statement: it runs at the lowest priority (nice 19, Linux only;
 * elsewhere as it is). Its work (the kernel's writeback in an fsync, a checkpoint's copy) is
 * not what a player waits for, and on a machine whose cores are busy a thread woken at the
 * normal priority takes the event loop's core from it for as long as that work lasts.
 */
const LOW_PRIORITY = `try {
  const tid = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
  require("node:os").setPriority(tid, 19);
} catch { /* not Linux: the normal priority */ }`;

/**
 * fsyncs one file in a worker thread of its own, one request at a time. An fsync through
 * libuv's thread pool (`FileHandle.sync`) held the event loop for about a millisecond each
 * time while moves were being written (measured: 0.9–1.2 ms at the median, 20 ms at the
 * 99th percentile, on this 2-core machine), 6% of the server's time at 1,000 players. Here
 * a request is a counter in shared memory and a futex wake (`Atomics.notify`); the worker,
 * blocked in `Atomics.wait`, calls `fsyncSync` and answers with a message. The file's
 * directory entry is made durable once, on the first request, as SQLite does for a new
 * journal.
 */
export class FsyncWorker {
  private readonly worker: Worker;
  /** [0]: requests made, [1]: 1 once the worker is to stop. */
  private readonly signal = new Int32Array(new SharedArrayBuffer(8));
  private waiting: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(file: string) {
    const code = `
      const { parentPort, workerData } = require("node:worker_threads");
      const fs = require("node:fs");
      const path = require("node:path");
      ${LOW_PRIORITY}
      const signal = new Int32Array(workerData.signal);
      let served = 0;
      let fd;
      for (;;) {
        Atomics.wait(signal, 0, served);
        if (Atomics.load(signal, 1) === 1) break;
        served = Atomics.load(signal, 0);
        try {
          if (fd === undefined) {
            fd = fs.openSync(workerData.file, "r");
            const directory = fs.openSync(path.dirname(workerData.file), "r");
            try { fs.fsyncSync(directory); } finally { fs.closeSync(directory); }
          }
          fs.fsyncSync(fd);
          parentPort.postMessage(null);
        } catch (error) {
          parentPort.postMessage(error instanceof Error ? error.message : String(error));
        }
      }
      if (fd !== undefined) fs.closeSync(fd);
    `;
    this.worker = new Worker(code, { eval: true, workerData: { file, signal: this.signal.buffer } });
    // The worker keeps the process alive only while a sync is awaited (see sync).
    this.worker.unref();
    this.worker.on("message", (error: string | null) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      this.worker.unref();
      if (error === null) waiting?.resolve();
      else waiting?.reject(new Error(`Could not sync ${file} to disk: ${error}`));
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      this.waiting?.reject(error);
      this.waiting = undefined;
    };
    this.worker.on("error", fail);
    this.worker.on("exit", () => fail(new Error(`The thread that syncs ${file} to disk has stopped.`)));
  }

  /** Resolves once the file is on disk; one request at a time. */
  sync(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting) return Promise.reject(new Error("A sync is already waiting."));
    return new Promise<void>((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker.ref();
      Atomics.add(this.signal, 0, 1);
      Atomics.notify(this.signal, 0);
    });
  }

  async stop(): Promise<void> {
    if (this.failure) return;
    await stopWorker(this.worker, () => {
      Atomics.store(this.signal, 1, 1);
      Atomics.add(this.signal, 0, 1);
      Atomics.notify(this.signal, 0);
    });
  }
}

/**
 * SQLite's automatic checkpoint copies the WAL into the database file and syncs it on the
 * connection that commits: here the server's event loop, which stalled for hundreds of
 * milliseconds under load. Instead a second connection in a worker thread runs passive
 * checkpoints (they never block the writer) every `intervalMs`.
 */
function startCheckpointer(file: string, intervalMs: number): Worker {
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    ${LOW_PRIORITY}
    const Database = require(workerData.module);
    const db = new Database(workerData.file);
    db.pragma("busy_timeout = 5000");
    const timer = setInterval(() => {
      try { db.pragma("wal_checkpoint(PASSIVE)"); } catch { /* the next one will */ }
    }, workerData.intervalMs);
    parentPort.on("message", () => {
      clearInterval(timer);
      db.close();
      parentPort.close();
    });
  `;
  const module = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(code, { eval: true, workerData: { file, module, intervalMs } });
  worker.unref();
  worker.on("error", (error) => console.error("The SQLite checkpointer failed", error));
  return worker;
}

/**
 * Asks a worker thread to stop (`ask`), waits up to 2 s for it to finish what it is doing (a
 * checkpoint, an fsync), then ends it. The wait's timer is cleared, so a process that closes
 * its store can exit at once.
 */
async function stopWorker(worker: Worker, ask: () => void): Promise<void> {
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  ask();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
  clearTimeout(timer);
  await worker.terminate();
}

/**
 * Events committed in one transaction with the others that arrive in the same turn of the
 * event loop. Each commit appends the pages it changed to the WAL, the same few pages for
 * every event of a turn: under load that write was most of a move's time in SQLite. An
 * event is still committed before anyone sees it, and a failed insert (a conflict) fails
 * that event only; a failed commit fails every event of the turn, none of them stored.
 */
function batchedCommits(database: Database.Database): (tableId: string, event: GameEvent) => Promise<void> {
  const insert = database.prepare(
    "insert into events (table_id, seq, event, at, rules_version) values (?, ?, ?, ?, ?)",
  );
  type Pending = { tableId: string; event: GameEvent; at: string; done: (error?: unknown) => void };
  let pending: Pending[] = [];
  const insertAll = database.transaction((batch: Pending[]) =>
    batch.map((item) => {
      try {
        insert.run(item.tableId, item.event.seq, JSON.stringify(item.event), item.at, RULES_VERSION);
        return undefined;
      } catch (error) {
        return conflictOf(error) ?? error;
      }
    }),
  );
  const flush = () => {
    // Never inside another transaction (an assignSeats between its awaits): a rollback of
    // that one would take these events with it.
    if (database.inTransaction) {
      setImmediate(flush);
      return;
    }
    const batch = pending;
    pending = [];
    let failures: unknown[];
    try {
      failures = insertAll(batch);
    } catch (error) {
      for (const item of batch) item.done(error);
      return;
    }
    for (const [i, item] of batch.entries()) item.done(failures[i]);
  };
  return (tableId, event) =>
    new Promise<void>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      const at = new Date().toISOString();
      pending.push({ tableId, event, at, done: (error) => (error === undefined ? resolve() : reject(error)) });
    });
}

/** SQLite store (better-sqlite3): one file, created with its folder on first use. */
export async function openSqliteStore(file: string, options: { checkpointMs?: number } = {}): Promise<Store> {
  const onDisk = file !== ":memory:";
  if (onDisk) mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma("journal_mode = WAL");
  // Durable before acknowledged: an acknowledged move survives a power cut, not only a crash
  // (FULL for a file in memory, which has nothing to sync; WalSync for a file on disk).
  database.pragma(onDisk ? "synchronous = NORMAL" : "synchronous = FULL");
  database.pragma("foreign_keys = ON");
  // Checkpoints run off the event loop (see startCheckpointer).
  if (onDisk) database.pragma("wal_autocheckpoint = 0");
  // Two processes may share one file (a small scale-out without PostgreSQL).
  database.pragma("busy_timeout = 5000");
  const wal = onDisk ? new WalSync(file) : undefined;
  // Kysely prepares every query it runs: the same SQL is prepared once and its statement
  // reused (a few hundred distinct queries at most; lists of ids make more, so the cache is
  // bounded). With a WalSync, every statement that may write is counted.
  const prepare = database.prepare.bind(database);
  const statements = new Map<string, ReturnType<typeof prepare>>();
  database.prepare = ((sql: string) => {
    const known = statements.get(sql);
    if (known) return known;
    const statement = prepare(sql);
    if (wal && !/^\s*select\b/i.test(sql)) {
      const run = statement.run.bind(statement);
      const all = statement.all.bind(statement);
      statement.run = ((...args: unknown[]) => {
        const result = run(...args);
        wal.written++;
        return result;
      }) as typeof statement.run;
      statement.all = ((...args: unknown[]) => {
        const result = all(...args);
        wal.written++;
        return result;
      }) as typeof statement.all;
    }
    if (statements.size >= 500) statements.clear();
    statements.set(sql, statement);
    return statement;
  }) as typeof database.prepare;
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  await migrate(db);
  const store = kyselyStore(db, "sqlite");
  if (!wal) return store;
  await wal.durable();
  // Every method resolves once what it wrote is on disk.
  const durableStore = { ...store };
  for (const key of Object.keys(store) as (keyof Store)[]) {
    const method = store[key];
    if (typeof method !== "function" || key === "close") continue;
    (durableStore as Record<string, unknown>)[key] = async (...args: unknown[]) => {
      const result = await (method as (...a: unknown[]) => Promise<unknown>).apply(store, args);
      await wal.durable();
      return result;
    };
  }
  // A move is shown once committed (in the WAL: it survives this process crashing) and
  // acknowledged once the WAL is synced (it survives a power cut): the disk's sync time,
  // tens of milliseconds at worst under load, is not in the time a move takes to be seen.
  const commit = batchedCommits(database);
  durableStore.commitEvent = async (tableId, event) => {
    await commit(tableId, event);
    return { durable: wal.durable() };
  };
  // The same write, reported once on disk: events have one way into the file.
  durableStore.appendEvent = async (tableId, event) => {
    await (await durableStore.commitEvent(tableId, event)).durable;
  };
  const checkpointer = startCheckpointer(file, options.checkpointMs ?? 1000);
  durableStore.close = async () => {
    await wal.durable();
    await stopWorker(checkpointer, () => checkpointer.postMessage("stop"));
    await wal.close();
    await store.close();
  };
  return durableStore;
}
