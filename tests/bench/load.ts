/**
 * Move → view latency under load, for Parley and for a bare Colyseus echo room (the
 * framework's baseline). For each level, a fresh server in a child process, CLIENTS real
 * `@colyseus/sdk` clients in tables of four, each making a move every PERIOD ms at its own
 * phase; after a warm-up, a window is measured. Loopback only; stops by itself.
 *
 * Usage: npm run bench:load [-- 200 1000 2000 4000] [--window 20] [--warmup 5]
 *        [--period 4000] [--only parley|echo] [--prof DIR] [--heap-prof DIR] [--late]
 *        [--stock-echo] [--node-flags="--trace-gc …"] [--gc]
 * --prof: a CPU profile of the server over each window, with the functions that took most
 * of it printed; --heap-prof: instead, a sampling
 * heap profile of what the server allocated in the window and that outlived the young
 * generation (promoted to the old one, so left for a full collection), with its largest
 * allocation sites printed; --late: when the views over 50 ms
 * were sent, by second; --stock-echo: the bare room on Colyseus's own transport;
 * --node-flags: Node/V8 flags for the server process (space-separated); --gc: of the views
 * slower than the level's p99, how many were in flight while the server or the generator
 * was paused collecting garbage, and how long those pauses were in all.
 *
 * The generator itself runs with a larger young generation (`--max-semi-space-size=64` in
 * package.json): 4,000 clients' views are its heap, and with Node's default its full
 * collections, pauses of up to 400 ms, stalled every client at once, which the bench then
 * counted as late views of the server's.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import {
  connectPlayers,
  Metrics,
  type Mode,
  type ProfileKind,
  parseArgs,
  percentile,
  type ServerStats,
  sleep,
  startChild,
} from "./load/harness.ts";

const { flags, positional } = parseArgs(process.argv.slice(2));
const levels = positional.length > 0 ? positional.map(Number) : [200, 1000];
const windowS = Number(flags.get("window") ?? 20);
const warmupS = Number(flags.get("warmup") ?? 5);
const periodMs = Number(flags.get("period") ?? 4000);
const only = flags.get("only") as Mode | undefined;
const profDir = flags.get("prof") ?? flags.get("heap-prof");
const profKind: ProfileKind = flags.has("heap-prof") ? "heap" : "cpu";
if (flags.has("prof") && flags.has("heap-prof")) throw new Error("--prof or --heap-prof, not both.");
const modes: Mode[] = only ? [only] : ["echo", "parley"];
if (flags.has("stock-echo")) process.env.ECHO_TRANSPORT = "stock"; // read by serverChild.ts
const nodeFlags = (flags.get("node-flags") ?? "").split(" ").filter(Boolean);
if (levels.some((n) => !Number.isInteger(n) || n < 4 || n > 20_000)) throw new Error("Client levels: 4 to 20000.");

interface Row {
  mode: Mode;
  clients: number;
  setupS: number;
  sent: number;
  own: number[];
  others: number[];
  acks: number[];
  rejected: number;
  rejectedCodes: string;
  errors: number;
  drops: number;
  lost: number;
  cpu: number;
  rssMB: number;
  heapMB: number;
  serverLoopP99: number;
  genLoopP99: number;
  /** The generator's own CPU over the window, as a share of one core: what receiving the views costs the clients. */
  genCpu: number;
}

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

/** The allocation sites (function, file and line) of most of a heap profile's bytes, in MB a second. */
function printAllocationSites(file: string, seconds: number, top = 20): void {
  const { head } = JSON.parse(readFileSync(file, "utf8")) as { head: HeapNode };
  const sites = new Map<string, number>();
  let total = 0;
  const walk = (node: HeapNode, caller: string) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const here = `${functionName || "(anonymous)"} ${url.replace(/^.*\/(node_modules|work\/main)\//, "")}:${lineNumber + 1}`;
    if (node.selfSize > 0) {
      const site = `${here}  <  ${caller}`;
      sites.set(site, (sites.get(site) ?? 0) + node.selfSize);
      total += node.selfSize;
    }
    for (const child of node.children) walk(child, here);
  };
  walk(head, "");
  const mbs = (bytes: number) => (bytes / 1e6 / seconds).toFixed(2);
  console.log(
    `outlived the young generation: ${mbs(total)} MB/s in all; largest sites (allocating function < its caller):`,
  );
  for (const [site, bytes] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${mbs(bytes)} MB/s  ${site}`);
}

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The functions (file and line) whose calls, with all they called, took most of a CPU profile's time, as shares of the window. */
function printCpuShares(file: string, top = 30): void {
  const profile = JSON.parse(readFileSync(file, "utf8")) as {
    nodes: CpuNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const shares = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((sample, i) => {
    const time = profile.timeDeltas[i] ?? 0;
    total += time;
    const counted = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parents.get(id)) {
      const { functionName, url, lineNumber } = (nodes.get(id) as CpuNode).callFrame;
      const here = `${functionName || "(anonymous)"} ${url.replace(/^.*\/(node_modules|work\/main)\//, "")}:${lineNumber + 1}`;
      if (counted.has(here)) continue;
      counted.add(here);
      shares.set(here, (shares.get(here) ?? 0) + time);
    }
  });
  console.log("share of the window's time in each function, with all it called:");
  for (const [here, time] of [...shares].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${((100 * time) / total).toFixed(1)}%  ${here}`);
}

const cpuShare = (a: ServerStats, b: ServerStats) =>
  (b.cpu.user + b.cpu.system - a.cpu.user - a.cpu.system) / 1000 / (b.at - a.at);

/** The generator's own collections: start (ms on its clock) and pause, in pairs. */
const generatorPauses: number[] = [];
if (flags.has("gc"))
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) generatorPauses.push(entry.startTime, entry.duration);
  }).observe({ entryTypes: ["gc"] });

/** Of the views slower than the p99, those in flight during a pause of `pauses` (start, length pairs). */
function attribute(metrics: Metrics, p99: number, pauses: number[]): { slow: number; paused: number; pauseMs: number } {
  const { spans } = metrics;
  const first = spans[0] ?? 0;
  const last = spans[spans.length - 2] ?? 0;
  let slow = 0;
  let paused = 0;
  let pauseMs = 0;
  for (let j = 0; j < pauses.length; j += 2)
    if ((pauses[j] ?? 0) >= first && (pauses[j] ?? 0) <= last) pauseMs += pauses[j + 1] ?? 0;
  for (let i = 0; i < spans.length; i += 2) {
    const sent = spans[i] ?? 0;
    const took = spans[i + 1] ?? 0;
    if (took < p99) continue;
    slow++;
    for (let j = 0; j < pauses.length; j += 2) {
      const start = pauses[j] ?? 0;
      if (start < sent + took && start + (pauses[j + 1] ?? 0) > sent) {
        paused++;
        break;
      }
    }
  }
  return { slow, paused, pauseMs };
}

async function level(mode: Mode, clients: number): Promise<Row> {
  const server = await startChild(mode, nodeFlags);
  const metrics = new Metrics();
  metrics.keepSpans = flags.has("gc");
  const setupStart = performance.now();
  const { players } = await connectPlayers(mode, server.port, clients, metrics);
  const setupS = (performance.now() - setupStart) / 1000;
  for (const p of players) p.start(periodMs);
  await sleep(warmupS * 1000);
  const genLoop = monitorEventLoopDelay({ resolution: 10 });
  const before = await server.stats();
  genLoop.enable();
  if (profDir) server.profile(profKind);
  metrics.measuring = true;
  const windowStart = performance.now();
  const genCpuBefore = process.cpuUsage();
  // With --node-flags=--trace-gc, the server's own clock (its GC lines' times) at the window's start.
  if (flags.has("late"))
    console.log(`${mode} ${clients}: window starts at server uptime ${before.uptime.toFixed(0)} ms`);
  await sleep(windowS * 1000);
  metrics.measuring = false;
  const genCpuUsed = process.cpuUsage(genCpuBefore);
  const genCpu = (genCpuUsed.user + genCpuUsed.system) / 1000 / (performance.now() - windowStart);
  const after = await server.stats();
  if (profDir) {
    mkdirSync(profDir, { recursive: true });
    const file = join(profDir, `${mode}-${clients}.${profKind}profile`);
    await server.profileTo(file);
    if (profKind === "heap") printAllocationSites(file, windowS);
    else printCpuShares(file);
  }
  genLoop.disable();
  if (flags.has("gc")) {
    const p99 = percentile([...metrics.own, ...metrics.others], 99);
    // The server's pauses on the generator's clock (both count from the epoch the same way).
    const serverPauses = after.gcPauses.map((v, i) => (i % 2 === 0 ? v - performance.timeOrigin : v));
    const bySelf = attribute(metrics, p99, generatorPauses);
    const byServer = attribute(metrics, p99, serverPauses);
    console.log(
      `${mode} ${clients}: ${bySelf.slow} views at or over the p99 (${p99.toFixed(1)} ms); in flight during a pause of the server's collector ${byServer.paused}, of the generator's ${bySelf.paused}; pauses in the window: server ${byServer.pauseMs.toFixed(0)} ms, generator ${bySelf.pauseMs.toFixed(0)} ms`,
    );
    generatorPauses.length = 0;
  }
  for (const p of players) p.stop();
  await sleep(3000); // moves in flight arrive
  const lost = metrics.lost();
  if (flags.has("late")) {
    const bySecond = new Map<number, number>();
    for (const t of metrics.late) {
      const second = Math.floor((t - windowStart) / 1000);
      bySecond.set(second, (bySecond.get(second) ?? 0) + 1);
    }
    console.log(
      `${mode} ${clients}: views over 50 ms late, by second of the window sent:`,
      [...bySecond]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}:${n}`)
        .join(" "),
    );
  }
  await Promise.all(players.map((p) => p.leave()));
  await server.stop();
  const rejected = [...metrics.rejected.values()].reduce((a, b) => a + b, 0);
  return {
    mode,
    clients,
    setupS,
    sent: metrics.sent,
    own: metrics.own,
    others: metrics.others,
    acks: metrics.acks,
    rejected,
    rejectedCodes: [...metrics.rejected].map(([code, n]) => `${code}×${n}`).join(" "),
    errors: metrics.errors,
    drops: metrics.drops,
    lost,
    cpu: cpuShare(before, after),
    rssMB: after.memory.rss / 1e6,
    heapMB: after.memory.heapUsed / 1e6,
    serverLoopP99: after.loopP99,
    genLoopP99: genLoop.percentile(99) / 1e6,
    genCpu,
  };
}

const ms = (values: number[], p: number) => percentile(values, p).toFixed(1);
const rows: Row[] = [];
console.log(
  `Load: levels ${levels.join(", ")} clients; a move every ${periodMs} ms per client; warm-up ${warmupS} s, window ${windowS} s`,
);
console.log(`Node flags: generator ${process.execArgv.join(" ")}; server ${nodeFlags.join(" ") || "none"}`);
for (const clients of levels) {
  for (const mode of modes) {
    const row = await level(mode, clients);
    rows.push(row);
    console.log(
      `${mode.padEnd(6)} ${String(clients).padStart(5)} clients: own p50 ${ms(row.own, 50)} p99 ${ms(row.own, 99)} ms, others p50 ${ms(row.others, 50)} p99 ${ms(row.others, 99)} ms, CPU ${(row.cpu * 100).toFixed(0)}%, RSS ${row.rssMB.toFixed(0)} MB (setup ${row.setupS.toFixed(1)} s)`,
    );
  }
}

console.log(
  "\n| server | clients | moves | own p50 / p99 (ms) | others p50 / p99 (ms) | ack p50 / p99 (ms) | rejected / errors / drops / lost | server CPU (of one core) | server RSS / heap (MB) | server loop p99 (ms) | generator loop p99 (ms) | generator CPU |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  const ack = r.mode === "parley" ? `${ms(r.acks, 50)} / ${ms(r.acks, 99)}` : "—";
  console.log(
    `| ${r.mode === "echo" ? "bare echo room" : "Parley"} | ${r.clients} | ${r.sent} | ${ms(r.own, 50)} / ${ms(r.own, 99)} | ${ms(r.others, 50)} / ${ms(r.others, 99)} | ${ack} | ${r.rejected} / ${r.errors} / ${r.drops} / ${r.lost} | ${(r.cpu * 100).toFixed(0)}% | ${r.rssMB.toFixed(0)} / ${r.heapMB.toFixed(0)} | ${r.serverLoopP99.toFixed(1)} | ${r.genLoopP99.toFixed(1)} | ${(r.genCpu * 100).toFixed(0)}% |`,
  );
}
for (const r of rows) if (r.rejectedCodes) console.log(`${r.mode} ${r.clients}: rejected ${r.rejectedCodes}`);

// The targets: p99 under 100 ms and within 1.5× the bare room's p99; p50 within the bare p50 + 5 ms.
for (const clients of levels) {
  const parley = rows.find((r) => r.mode === "parley" && r.clients === clients);
  const bare = rows.find((r) => r.mode === "echo" && r.clients === clients);
  if (!parley || !bare) continue;
  const all = (r: Row) => [...r.own, ...r.others];
  const p99 = percentile(all(parley), 99);
  const bareP99 = percentile(all(bare), 99);
  const p50 = percentile(all(parley), 50);
  const bareP50 = percentile(all(bare), 50);
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(
    `${clients} clients, every view: p99 ${p99.toFixed(1)} ms (< 100: ${verdict(p99 < 100)}; ≤ 1.5 × bare ${bareP99.toFixed(1)}: ${verdict(p99 <= 1.5 * bareP99)}), p50 ${p50.toFixed(1)} ms (≤ bare ${bareP50.toFixed(1)} + 5: ${verdict(p50 <= bareP50 + 5)}); no losses: ${verdict(parley.lost + parley.drops + parley.errors + parley.rejected === 0)}`,
  );
}
process.exit(0);
