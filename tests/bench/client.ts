/**
 * The client's numbers: the JavaScript a first visit downloads (gzipped), and how long the
 * debrief takes to redraw when a 300-event replay is scrubbed, measured in Chromium.
 * Run with `npm run bench:client` (it builds the client first). Prints Markdown.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
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

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function scrubbing(): Promise<{
  events: number;
  forward: number[];
  jumps: number[];
  frames: number[];
  settle: number[];
}> {
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
    return (await page.evaluate(`(async () => {
      const probe = window.__parleyDebrief;
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      const charts = () => Number(document.querySelector("[data-chart-step]")?.getAttribute("data-chart-step"));
      const settled = async (step) => {
        while (charts() !== step) await nextFrame();
        return performance.now();
      };
      const forward = [];
      const frames = [];
      const settle = [];
      probe.scrubTo(0);
      await settled(0);
      for (let step = 1; step <= probe.steps; step++) {
        const start = performance.now();
        forward.push(probe.scrubTo(step));
        // Until the next frame's callbacks run: the update made that frame if this stays under ~16.7 ms.
        frames.push((await nextFrame()) - start);
        settle.push((await settled(step)) - start);
      }
      const jumps = [];
      let x = 7;
      for (let i = 0; i < 100; i++) {
        x = (x * 48271) % 2147483647;
        const target = x % (probe.steps + 1);
        jumps.push(probe.scrubTo(target));
        await settled(target);
      }
      return { events: probe.steps, forward, jumps, frames, settle };
    })()`)) as { events: number; forward: number[]; jumps: number[]; frames: number[]; settle: number[] };
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
const scrub = await scrubbing();
const row = (name: string, values: number[]) =>
  `| ${name} | ${values.length} | ${percentile(values, 50).toFixed(2)} | ${percentile(values, 95).toFixed(2)} | ${Math.max(...values).toFixed(2)} |`;
console.log(`## Scrubbing a ${scrub.events}-event replay (unsc-r2p, 8 seats, instructor view)\n`);
console.log("| what | samples | median (ms) | p95 (ms) | max (ms) |");
console.log("| --- | ---: | ---: | ---: | ---: |");
console.log(row("redraw, one step forward (render, commit, layout)", scrub.forward));
console.log(row("redraw, random jumps", scrub.jumps));
console.log(row("step forward until the next frame starts", scrub.frames));
console.log(row("step forward until the charts show it (deferred)", scrub.settle));
