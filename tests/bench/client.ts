/**
 * The client's numbers: the JavaScript a first visit downloads (gzipped), and how long the
 * debrief takes to redraw when a 300-event replay is scrubbed, measured in Chromium.
 * Run with `npm run bench:client` (it builds the client first). Prints Markdown.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { apply, type GameEvent, type GameState, type Move, validate } from "@parley/shared";
import { chromium } from "playwright-core";
import { clientDist, startServer } from "../../server/src/app.ts";
import { loadCatalog } from "../../server/src/scenarios/catalog.ts";
import { openSqliteStore } from "../../server/src/store/sqlite.ts";
import { initialStateOf } from "../../server/src/tables/liveTable.ts";

const port = Number(process.env.BENCH_CLIENT_PORT ?? 2803);

function initialJavaScript(): { files: string[]; gzipBytes: number } {
  const html = readFileSync(join(clientDist, "index.html"), "utf8");
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? "");
  const gzipBytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(clientDist, f)), { level: 9 }).length, 0);
  return { files, gzipBytes };
}

/** A long, legal game: every seat talks, proposes and answers, round after round, until `target` events. */
function longGame(start: GameState, target: number): GameEvent[] {
  let state = start;
  const events: GameEvent[] = [];
  const submit = (seat: string, move: Move) => {
    const result = validate(state, seat, move);
    if (!result.ok) return;
    events.push(result.event);
    state = apply(state, result.event);
  };
  const statusQuo = Object.fromEntries(state.scenario.issues.map((i) => [i.id, i.statusQuo]));
  while (events.length < target && state.phase === "playing") {
    const round = state.round;
    for (const seat of state.seats) {
      if (events.length >= target) break;
      submit(seat, { kind: "chat", text: `Round ${round}: ${seat} sets out its view.` });
      submit(seat, { kind: "chat", text: `Round ${round}: ${seat} asks a question.` });
      submit(seat, { kind: "chat", text: `Round ${round}: ${seat} answers.` });
      const others = state.seats.filter((s) => s !== seat);
      const open = state.proposals.find((p) => p.status === "open" && p.to.includes(seat));
      if (open) submit(seat, { kind: "reject", proposalId: open.id });
      submit(seat, { kind: "propose", to: others, package: { options: statusQuo } });
      if (state.round === round && state.acted.includes(seat) === false) submit(seat, { kind: "pass" });
    }
    if (state.round === round) break; // nothing more can happen this round
  }
  return events;
}

/**
 * Runs in the page. Three scrubs of the replay, each from a quiet page:
 * - forward: one step at a time, at a pseudo-random moment within a frame, waiting for the
 *   charts to settle after each (like stepping with the arrow key and looking);
 * - jumps: 100 pseudo-random steps, the same way (like clicking lines of the log);
 * - drag: one step per animation frame from the start to the end (like dragging the slider),
 *   without waiting for the charts.
 * The charts have settled when they show the step and nothing in them has changed for two
 * frames: Recharts draws a chart in several passes (a render, then measurements in effects
 * and re-renders), so the first commit is not the end of their work.
 */
const pageScript = `(async () => {
  const probe = window.__parleyDebrief;
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const charts = document.querySelector("[data-chart-step]");
  let chartsChanged = performance.now();
  new MutationObserver(() => { chartsChanged = performance.now(); })
    .observe(charts, { subtree: true, childList: true, attributes: true, characterData: true });
  const settled = async (step, start) => {
    let previous = start;
    let longest = 0;
    let quiet = 0;
    while (quiet < 2) {
      const frame = await nextFrame();
      longest = Math.max(longest, frame - previous);
      quiet = Number(charts.getAttribute("data-chart-step")) === step && chartsChanged < previous ? quiet + 1 : 0;
      previous = frame;
    }
    return { at: Math.max(chartsChanged, start), longest };
  };
  probe.scrubTo(0);
  await settled(0, performance.now());

  // A key press or a click lands anywhere within a frame: wait a pseudo-random part of one.
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647);
  const sometimeInAFrame = () => new Promise((resolve) => setTimeout(resolve, random() % 16));

  const forward = [], forwardFrames = [], settle = [], catchUpFrames = [];
  for (let step = 1; step <= probe.steps; step++) {
    await sometimeInAFrame();
    const start = performance.now();
    forward.push(probe.scrubTo(step));
    // Until the next frame starts: the redraw made the very next frame if this stays under ~16.7 ms.
    forwardFrames.push((await nextFrame()) - start);
    const done = await settled(step, start);
    settle.push(done.at - start);
    catchUpFrames.push(done.longest);
  }

  const jumps = [], jumpFrames = [];
  for (let i = 0; i < 100; i++) {
    const target = random() % (probe.steps + 1);
    await sometimeInAFrame();
    const start = performance.now();
    jumps.push(probe.scrubTo(target));
    jumpFrames.push((await nextFrame()) - start);
    await settled(target, start);
  }

  probe.scrubTo(0);
  await settled(0, performance.now());
  const drag = [], dragFrames = [];
  let previous = await nextFrame();
  for (let step = 1; step <= probe.steps; step++) {
    drag.push(probe.scrubTo(step));
    const frame = await nextFrame();
    dragFrames.push(frame - previous);
    previous = frame;
  }
  return { events: probe.steps, forward, forwardFrames, settle, catchUpFrames, jumps, jumpFrames, drag, dragFrames };
})()`;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** Every timing of a scrub, in milliseconds (see the page script below). */
interface ScrubTimings {
  events: number;
  browser: string;
  forward: number[];
  forwardFrames: number[];
  settle: number[];
  catchUpFrames: number[];
  jumps: number[];
  jumpFrames: number[];
  drag: number[];
  dragFrames: number[];
}

async function scrubbing(): Promise<ScrubTimings> {
  const dir = mkdtempSync(join(tmpdir(), "parley-bench-client-"));
  const store = await openSqliteStore(join(dir, "parley.sqlite"));
  const catalog = loadCatalog();
  const server = await startServer(
    { store, catalog, botDelayMs: 0, reconnectSeconds: 30 },
    { port, host: "127.0.0.1" },
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const created = (await (
      await fetch(`${base}/api/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId: "unsc-r2p", tables: 1, title: "Benchmark" }),
      })
    ).json()) as { session: { id: string; joinCode: string }; instructorToken: string };
    const [table] = await store.tablesOfSession(created.session.id);
    const scenario = catalog.get("unsc-r2p");
    if (!table || !scenario) throw new Error("No table to benchmark");
    const events = longGame(initialStateOf(scenario, table), 300);
    for (const event of events) await store.appendEvent(table.id, event);

    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.addInitScript(
      ([id, token]) => {
        localStorage.setItem(
          "parley.sessions",
          JSON.stringify([{ sessionId: id, token, title: "Benchmark", scenarioTitle: "", joinCode: "", savedAt: "" }]),
        );
      },
      [created.session.id, created.instructorToken],
    );
    await page.goto(`${base}/replay/${created.session.id}/${table.id}`);
    await page.waitForFunction("window.__parleyDebrief !== undefined", undefined, { timeout: 60_000 });
    // A string, not a function: tsx would wrap a function's inner helpers in `__name`, absent in the page.
    const timings = (await page.evaluate(pageScript)) as Omit<ScrubTimings, "browser">;
    return { ...timings, browser: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, ${process.platform}`;
const bundle = initialJavaScript();
console.log(
  `# Parley client benchmark\n\nMachine: ${machine}; Chromium headless; ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log("## Initial JavaScript\n");
console.log(`${bundle.files.join(", ")}: **${(bundle.gzipBytes / 1024).toFixed(1)} KB** gzipped (budget 200 KB)\n`);
// Other work on the machine shows in frame times: say how busy it was.
const loadBefore = loadavg()[0] ?? 0;
const scrub = await scrubbing();
const loadAfter = loadavg()[0] ?? 0;
const row = (name: string, values: number[]) =>
  `| ${name} | ${values.length} | ${percentile(values, 50).toFixed(1)} | ${percentile(values, 95).toFixed(1)} | ${Math.max(...values).toFixed(1)} |`;
console.log(`## Scrubbing a ${scrub.events}-event replay (unsc-r2p, 8 seats, instructor view; ${scrub.browser})\n`);
console.log("| what | samples | median (ms) | p95 (ms) | max (ms) |");
console.log("| --- | ---: | ---: | ---: | ---: |");
console.log(row("redraw, one step forward (render, commit, layout)", scrub.forward));
console.log(row("redraw, random jumps", scrub.jumps));
console.log(row("redraw, dragging (one step a frame)", scrub.drag));
console.log(row("step forward until the next frame starts", scrub.forwardFrames));
console.log(row("random jump until the next frame starts", scrub.jumpFrames));
console.log(row("frame to frame while dragging", scrub.dragFrames));
console.log(row("step forward until the charts have settled", scrub.settle));
console.log(row("longest frame while the charts catch up", scrub.catchUpFrames));
const over = (values: number[], limit: number) => `${values.filter((v) => v > limit).length} of ${values.length}`;
console.log(
  `\nRedraws over 16 ms: ${over(scrub.forward, 16)} steps forward, ${over(scrub.jumps, 16)} jumps, ${over(scrub.drag, 16)} while dragging. ` +
    `Frames longer than 25 ms while dragging (a frame missed): ${over(scrub.dragFrames, 25)}. ` +
    `Load average (1 min) before and after: ${loadBefore.toFixed(2)}, ${loadAfter.toFixed(2)}.`,
);
