/**
 * Does the server's memory grow under a steady load? CLIENTS students in class sessions of
 * 100 (tables of four, every seat human) chat every PERIOD ms; each session lasts LIFETIME
 * seconds, then the instructor ends it, its students leave and a new session takes its
 * place (sessions are staggered, so the load stays steady while rooms, connections and
 * sessions come and go). Every SAMPLE seconds the server (a child process) collects its
 * garbage and reports its heap and RSS; a straight line fitted over the second half gives
 * the growth in MB per minute. Loopback only; stops by itself.
 *
 * Usage: npm run bench:soak [-- --duration 180] [--clients 600] [--lifetime 60] [--period 4000]
 *        [--sample 5] [--threshold 2]
 */
import { connectPlayers, Metrics, parseArgs, percentile, SESSION_SIZE, sleep, startChild } from "./load/harness.ts";

const { flags } = parseArgs(process.argv.slice(2));
const durationS = Number(flags.get("duration") ?? 180);
const clients = Number(flags.get("clients") ?? 600);
const lifetimeS = Number(flags.get("lifetime") ?? 60);
const periodMs = Number(flags.get("period") ?? 4000);
const sampleS = Number(flags.get("sample") ?? 5);
/** Heap growth over the second half above this many MB a minute counts as growing. */
const thresholdMBmin = Number(flags.get("threshold") ?? 2);

const server = await startChild("parley");
const metrics = new Metrics();
metrics.measuring = true;
const started = performance.now();
const until = started + durationS * 1000;
let sessionsRun = 0;

/** One slot of the class: a session of `size` students, replaced by a new one every LIFETIME s. */
async function slot(index: number, slots: number, size: number) {
  // Staggered: the first sessions end at different times so that replacements spread out.
  let life = (lifetimeS * 1000 * (index + 1)) / slots;
  while (performance.now() < until) {
    const { sessions, players } = await connectPlayers("parley", server.port, size, metrics);
    sessionsRun++;
    for (const p of players) p.start(periodMs);
    await sleep(Math.max(0, Math.min(life, until - performance.now())));
    await Promise.all(sessions.map((s) => s.end()));
    life = lifetimeS * 1000;
  }
}

interface Sample {
  s: number;
  heapMB: number;
  rssMB: number;
  cpu: number;
  views: number;
  p50: number;
  p99: number;
}
const samples: Sample[] = [];
const sampling = (async () => {
  let previous = await server.stats(true);
  while (performance.now() + sampleS * 1000 <= until) {
    await sleep(sampleS * 1000);
    // Only the steady load: the last sessions end at `until`.
    const stats = await server.stats(true);
    const views = [...metrics.own, ...metrics.others];
    metrics.own = [];
    metrics.others = [];
    samples.push({
      s: (stats.at - started) / 1000,
      heapMB: stats.memory.heapUsed / 1e6,
      rssMB: stats.memory.rss / 1e6,
      cpu:
        (stats.cpu.user + stats.cpu.system - previous.cpu.user - previous.cpu.system) / 1000 / (stats.at - previous.at),
      views: views.length,
      p50: percentile(views, 50),
      p99: percentile(views, 99),
    });
    previous = stats;
    const last = samples[samples.length - 1] as Sample;
    console.log(
      `${last.s.toFixed(0).padStart(4)} s  heap ${last.heapMB.toFixed(1)} MB  RSS ${last.rssMB.toFixed(0)} MB  CPU ${(last.cpu * 100).toFixed(0)}%  views ${last.views}  p50 ${last.p50.toFixed(1)} ms  p99 ${last.p99.toFixed(1)} ms`,
    );
  }
})();

console.log(
  `Soak: ${clients} clients for ${durationS} s, a chat every ${periodMs} ms each, sessions of ${SESSION_SIZE} replaced every ${lifetimeS} s; samples every ${sampleS} s after a full GC`,
);
const slots = Math.ceil(clients / SESSION_SIZE);
await Promise.all(
  Array.from({ length: slots }, (_, i) => slot(i, slots, Math.min(SESSION_SIZE, clients - i * SESSION_SIZE))),
);
await sampling;
await server.stop();

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const num = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}
const secondHalf = samples.filter((s) => s.s >= durationS / 2);
const heapSlope = slope(secondHalf.map((s) => ({ x: s.s / 60, y: s.heapMB })));
const wholeSlope = slope(samples.map((s) => ({ x: s.s / 60, y: s.heapMB })));
const rssSlope = slope(secondHalf.map((s) => ({ x: s.s / 60, y: s.rssMB })));
const rejected = [...metrics.rejected].map(([code, n]) => `${code}×${n}`).join(" ") || "none";
console.log(
  `\n${sessionsRun} sessions run; rejected: ${rejected}; errors ${metrics.errors}; drops ${metrics.drops}; moves sent ${metrics.sent}`,
);
console.log(
  `Second half (${secondHalf.length} samples): heap ${heapSlope >= 0 ? "+" : ""}${heapSlope.toFixed(2)} MB/min, RSS ${rssSlope >= 0 ? "+" : ""}${rssSlope.toFixed(2)} MB/min; heap min ${Math.min(...secondHalf.map((s) => s.heapMB)).toFixed(1)} max ${Math.max(...secondHalf.map((s) => s.heapMB)).toFixed(1)} MB; whole run heap ${wholeSlope >= 0 ? "+" : ""}${wholeSlope.toFixed(2)} MB/min`,
);
console.log(
  heapSlope > thresholdMBmin
    ? `Memory GROWS: heap slope ${heapSlope.toFixed(2)} MB/min > ${thresholdMBmin} MB/min`
    : `Memory steady: heap slope ${heapSlope.toFixed(2)} MB/min ≤ ${thresholdMBmin} MB/min`,
);
process.exit(0);
