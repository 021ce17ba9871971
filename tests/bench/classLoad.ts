/**
 * Measures one class session end to end on this machine: STUDENTS students join through
 * the API, connect to their tables, the instructor starts, and every student sends MOVES
 * chat moves. Prints join, connect and move-acknowledgement latencies. Everything runs on
 * 127.0.0.1 and stops by itself. Usage: npm run bench:class [-- STUDENTS MOVES]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type Room, type SeatReservation } from "@colyseus/sdk";
import { applyViewPatch, type TableView, type ViewPatch } from "@parley/shared";
import { startServer } from "../../server/src/app.ts";
import { loadCatalog } from "../../server/src/scenarios/catalog.ts";
import { openStore } from "../../server/src/store/open.ts";

const students = Number(process.argv[2] ?? 200);
const movesEach = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), "parley-bench-"));
const store = await openStore({ databaseUrl: process.env.DATABASE_URL, sqliteFile: join(dir, "bench.sqlite") });
const server = await startServer(
  { store, catalog: loadCatalog(), botDelayMs: 200, reconnectSeconds: 60 },
  { port: 0, host: "127.0.0.1" },
);
const base = `http://127.0.0.1:${server.port}`;

async function post(path: string, body: unknown, token?: string) {
  const response = await fetch(`${base}/api${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const report = (name: string, values: number[]) =>
  console.log(
    `${name.padEnd(22)} n=${values.length}  p50 ${percentile(values, 50).toFixed(1)} ms  p99 ${percentile(values, 99).toFixed(1)} ms  max ${Math.max(...values).toFixed(1)} ms`,
  );

const started = performance.now();
const created = await post("/sessions", {
  scenarioId: "us-china-tariffs",
  timing: { mode: "live", roundSeconds: 600 },
});
const code = (created.session as { joinCode: string }).joinCode;
const instructorToken = created.instructorToken as string;
const sessionId = (created.session as { id: string }).id;

// Students arrive concurrently, ten at a time, as a class typing a code would.
const joinTimes: number[] = [];
const tokens: string[] = [];
for (let i = 0; i < students; i += 10) {
  await Promise.all(
    Array.from({ length: Math.min(10, students - i) }, async (_, k) => {
      const t = performance.now();
      const joined = await post("/join", { code, name: `Student ${i + k + 1}` });
      joinTimes.push(performance.now() - t);
      tokens.push(joined.participantToken as string);
    }),
  );
}

const connectTimes: number[] = [];
const rooms: Room[] = [];
const latestView = new Map<Room, TableView>();
for (let i = 0; i < tokens.length; i += 10) {
  await Promise.all(
    tokens.slice(i, i + 10).map(async (token) => {
      const t = performance.now();
      const reservation = await post("/me/reservation", {}, token);
      const room = await new Client(`ws://127.0.0.1:${server.port}`).consumeSeatReservation(
        reservation as unknown as SeatReservation,
      );
      room.onMessage("notice", () => undefined);
      room.onMessage("viewPatch", (patch: ViewPatch) => {
        const next = applyViewPatch(latestView.get(room), patch);
        if (next) latestView.set(room, next);
        else room.send("resync");
      });
      await new Promise<void>((resolve) =>
        room.onMessage("view", (view: TableView) => {
          latestView.set(room, view);
          resolve();
        }),
      );
      connectTimes.push(performance.now() - t);
      rooms.push(room);
    }),
  );
}

await post(`/sessions/${sessionId}/control`, { action: "start" }, instructorToken);

const ackTimes: number[] = [];
await Promise.all(
  rooms.map(async (room) => {
    const pending = new Map<number, number>();
    const done = new Promise<void>((resolve) => {
      const settle = (m: { clientSeq?: number }) => {
        const sent = m.clientSeq === undefined ? undefined : pending.get(m.clientSeq);
        if (sent !== undefined) {
          ackTimes.push(performance.now() - sent);
          pending.delete(m.clientSeq as number);
        }
        if (pending.size === 0) resolve();
      };
      room.onMessage("ack", settle);
      room.onMessage("rejected", settle);
    });
    // Students do not type in lockstep: each starts at its own moment within two seconds.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 2000));
    for (let i = 0; i < movesEach; i++) {
      pending.set(i, performance.now());
      room.send("move", { clientSeq: i, move: { kind: "chat", text: `message ${i}` } });
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    await done;
  }),
);

// The end of class: half the tables finish early (their results are held while the others
// play), then the instructor ends the session and every table's results open.
const waitUntil = async (done: () => boolean, what: string) => {
  for (const until = performance.now() + 60_000; !done(); ) {
    if (performance.now() > until) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};
const tableIds = [...new Set(rooms.map((room) => room.roomId))];
const early = new Set(tableIds.slice(0, Math.floor(tableIds.length / 2)));
await post(`/sessions/${sessionId}/control`, { action: "end", tables: [...early] }, instructorToken);
const earlyRooms = rooms.filter((room) => early.has(room.roomId));
await waitUntil(
  () => earlyRooms.every((room) => latestView.get(room)?.phase === "ended" && latestView.get(room)?.resultsHeld),
  "the early tables' results are held",
);
const endStart = performance.now();
await post(`/sessions/${sessionId}/control`, { action: "end" }, instructorToken);
const endControlMs = performance.now() - endStart;
await waitUntil(
  () => rooms.every((room) => latestView.get(room)?.phase === "ended" && !latestView.get(room)?.resultsHeld),
  "every table's results are open",
);
const resultsOpenMs = performance.now() - endStart;

const exportStart = performance.now();
const csv = await fetch(`${base}/api/sessions/${sessionId}/export.csv`, {
  headers: { authorization: `Bearer ${instructorToken}` },
});
const rows = (await csv.text()).trim().split("\n").length - 1;
const exportMs = performance.now() - exportStart;

console.log(`Class of ${students} students (${Math.ceil(students / 2)} tables), ${store.kind} store`);
report("join (POST /api/join)", joinTimes);
report("reservation + view", connectTimes);
report("chat move → ack", ackTimes);
console.log(
  `End of class (${early.size} tables ended early, results held): "end" answered in ${endControlMs.toFixed(0)} ms; every student's results open after ${resultsOpenMs.toFixed(0)} ms`,
);
console.log(
  `CSV export: ${rows} rows in ${exportMs.toFixed(0)} ms; whole run ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(`Server RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB (server and clients in one process)`);

for (const room of rooms) await room.leave();
await server.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
