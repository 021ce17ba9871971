/**
 * `npm run bench:fsync [-- --seconds 4] [--busy 2]`: what making the SQLite WAL durable costs
 * the event loop while moves are being written. The main thread writes 4 KB pages to a file
 * (as SQLite appends a move's pages to its WAL) and, whenever no fsync is in flight, starts
 * one: through libuv's thread pool (`FileHandle.sync`, what the store did before) or through
 * the store's `FsyncWorker` (a thread of its own at the lowest priority). It reports how long
 * the loop is held by the call that starts an fsync and the longest gaps between its turns.
 * `--busy N` runs N processes that spin meanwhile, as the load generator keeps the machine's
 * other core busy. Prints Markdown for docs/BENCHMARKS.md.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { open } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setImmediate as turn } from "node:timers/promises";
import { FsyncWorker } from "../../server/src/store/sqlite.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const seconds = option("seconds", 4);
const busy = option("busy", 0);

interface Row {
  how: string;
  writes: number;
  syncs: number;
  start: number[];
  gaps: number[];
}

async function measure(how: "libuv" | "worker", file: string): Promise<Row> {
  const fd = openSync(file, "w");
  const handle = await open(file, "r");
  const worker = how === "worker" ? new FsyncWorker(file) : undefined;
  const sync = worker ? () => worker.sync() : () => handle.sync();
  // The worker's first sync also syncs the folder: out of the measurement.
  await sync();
  const row: Row = { how, writes: 0, syncs: 0, start: [], gaps: [] };
  let inFlight = false;
  const end = performance.now() + seconds * 1000;
  let last = performance.now();
  while (performance.now() < end) {
    writeSync(fd, Buffer.alloc(4096, row.writes), 0, 4096, (row.writes % 2000) * 4096);
    row.writes++;
    if (!inFlight) {
      inFlight = true;
      const t = performance.now();
      void sync().then(() => {
        inFlight = false;
        row.syncs++;
      });
      row.start.push(performance.now() - t);
    }
    await turn();
    const now = performance.now();
    row.gaps.push(now - last);
    last = now;
  }
  while (inFlight) await turn();
  await worker?.stop();
  await handle.close();
  closeSync(fd);
  return row;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const ms = (value: number) => value.toFixed(3);

const work = mkdtempSync(join(tmpdir(), "parley-fsync-"));
const spinners: ChildProcess[] = Array.from({ length: busy }, () =>
  spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }),
);
try {
  const rows: Row[] = [];
  // Each way twice, alternating, so a change in the machine's load shows as a spread.
  for (const round of [1, 2])
    for (const how of ["libuv", "worker"] as const) rows.push(await measure(how, join(work, `${how}-${round}.bin`)));
  console.log(
    `fsync while writing: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, ${seconds} s each, ${busy} spinning processes beside`,
  );
  console.log("");
  console.log(
    "| fsync through | pages written | fsyncs | loop held to start one, p50 / p99 / total (ms) | gaps between the loop's turns, p99 / max (ms) |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const row of rows) {
    const total = row.start.reduce((a, b) => a + b, 0);
    console.log(
      `| ${row.how === "libuv" ? "libuv's thread pool (`FileHandle.sync`)" : "`FsyncWorker` (own thread, nice 19)"} | ${row.writes} | ${row.syncs} | ${ms(quantile(row.start, 0.5))} / ${ms(quantile(row.start, 0.99))} / ${total.toFixed(1)} | ${ms(quantile(row.gaps, 0.99))} / ${ms(row.gaps.reduce((a, b) => Math.max(a, b), 0))} |`,
    );
  }
} finally {
  for (const spinner of spinners) spinner.kill();
  rmSync(work, { recursive: true, force: true });
}
