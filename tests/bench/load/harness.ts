/**
 * What the load and soak benches share: the server in a child process (serverChild.ts), a
 * generator of real `@colyseus/sdk` clients in tables of four, each making a move every few
 * seconds at its own phase, and the move → view latencies they see. Loopback only.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client, type Room, type SeatReservation } from "@colyseus/sdk";
import type { TableView, ViewPatch } from "@parley/shared";
import { patchInPlace } from "./patchInPlace.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../../..");

export type Mode = "parley" | "echo";
export type ProfileKind = "cpu" | "heap";

export interface ServerStats {
  cpu: NodeJS.CpuUsage;
  memory: NodeJS.MemoryUsage;
  loopP99: number;
  loopMax: number;
  /** The server's own clock (ms since it started), as its `--trace-gc` lines give it. */
  uptime: number;
  /** The server's collections since the last call: start (ms since the epoch) and pause, in pairs. */
  gcPauses: number[];
  at: number;
}

export interface ServerChild {
  port: number;
  /** CPU time, memory and event-loop delay since the last call; `gc` collects garbage first. */
  stats(gc?: boolean): Promise<ServerStats>;
  /**
   * Starts a V8 profile of the server: of its CPU, or (`heap`) a sampling heap profile of
   * the objects that outlive the young generation.
   */
  profile(kind: ProfileKind): void;
  /** Stops the profile and writes it to `file` (.cpuprofile or .heapprofile, for Chrome's DevTools). */
  profileTo(file: string): Promise<void>;
  stop(): Promise<void>;
}

/** Starts serverChild.ts, with `nodeFlags` given to Node (`--trace-gc`, `--max-semi-space-size=…`). */
export async function startChild(mode: Mode, nodeFlags: readonly string[] = []): Promise<ServerChild> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeFlags, "--expose-gc", "--import", "tsx", join(here, "serverChild.ts"), mode],
    { cwd: root, stdio: ["ignore", "pipe", "pipe", "ipc"] },
  );
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The ${mode} server did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening (\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on("data", read);
    // What the server prints after it listens (`--trace-gc`, say) goes to the bench's output.
    child.stdout?.on("data", (chunk: Buffer) => {
      if (/listening \d+/.test(output)) process.stdout.write(chunk);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      read(chunk);
      process.stderr.write(chunk);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The ${mode} server exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    port,
    stats(gc = false) {
      return new Promise((resolve) => {
        // tsx uses the IPC channel too: only our own answer counts.
        const answer = (m: Omit<ServerStats, "at"> & { type?: string }) => {
          if (m?.type !== "stats") return;
          child.off("message", answer);
          resolve({ ...m, at: performance.now() });
        };
        child.on("message", answer);
        child.send({ type: "stats", gc });
      });
    },
    profile(kind) {
      child.send({ type: "profile", kind });
    },
    profileTo(file) {
      return new Promise((resolve) => {
        const answer = (m: { type?: string }) => {
          if (m?.type !== "profiled") return;
          child.off("message", answer);
          resolve();
        };
        child.on("message", answer);
        child.send({ type: "profileTo", file });
      });
    },
    async stop() {
      child.send({ type: "stop" });
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function pool<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i] as T, i);
      }
    }),
  );
  return results;
}

export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

/** What one level measured, on the generator's side. */
export class Metrics {
  /** Send → the sender's own view (or echo) with its move, for moves sent while measuring. */
  own: number[] = [];
  /** Send → each of the other three's view (or echo) with that move. */
  others: number[] = [];
  /** Send → `ack` (Parley only: the move is stored). */
  acks: number[] = [];
  sent = 0;
  /** When the views that came over 50 ms late were sent (to see whether they come in bursts). */
  late: number[] = [];
  /** With `keepSpans`: every measured view's send time and latency, in pairs (see --gc). */
  spans: number[] = [];
  keepSpans = false;
  rejected = new Map<string, number>();
  errors = 0;
  drops = 0;
  measuring = false;
  /** Moves in flight: sent at `t`, still to be seen by the sender and `othersLeft` others. */
  private pending = new Map<string, { t: number; measured: boolean; ownLeft: boolean; othersLeft: number }>();

  sending(key: string, others: number) {
    this.pending.set(key, { t: performance.now(), measured: this.measuring, ownLeft: true, othersLeft: others });
    if (this.measuring) this.sent++;
  }

  /** `key` reached a client; `own` when that client sent it. */
  seen(key: string, own: boolean) {
    const p = this.pending.get(key);
    if (!p) return;
    const ms = performance.now() - p.t;
    if (p.measured && ms > 50) this.late.push(p.t);
    if (p.measured && this.keepSpans) this.spans.push(p.t, ms);
    if (own) {
      if (!p.ownLeft) return;
      p.ownLeft = false;
      if (p.measured) this.own.push(ms);
    } else {
      p.othersLeft--;
      if (p.measured) this.others.push(ms);
    }
    if (!p.ownLeft && p.othersLeft <= 0) this.pending.delete(key);
  }

  acked(key: string) {
    const p = this.pending.get(key);
    if (p?.measured) this.acks.push(performance.now() - p.t);
  }

  reject(code: string) {
    if (this.measuring) this.rejected.set(code, (this.rejected.get(code) ?? 0) + 1);
  }

  /** Measured moves some client never saw (call after a drain). */
  lost(): number {
    let lost = 0;
    for (const p of this.pending.values()) if (p.measured) lost += (p.ownLeft ? 1 : 0) + p.othersLeft;
    return lost;
  }

  forget() {
    this.pending.clear();
  }
}

/** One connected client that moves every `periodMs` at its own random phase. */
export interface Player {
  start(periodMs: number): void;
  stop(): void;
  leave(): Promise<void>;
}

let nextClientId = 0;
let nextSchool = 0;

/**
 * Sends every `periodMs` at a random phase of its own, each send due at a fixed time
 * (phase + n × period). With a plain setInterval, a send made late (the generator's loop
 * was busy) moves every later one too: clients late together stay together, and over a
 * minute the load gathered into bursts a period apart.
 */
function moving(send: (n: number) => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let n = 0;
  return {
    start(periodMs: number) {
      const origin = performance.now() + Math.random() * periodMs;
      const next = () => {
        timer = setTimeout(
          () => {
            send(n++);
            next();
          },
          Math.max(0, origin + n * periodMs - performance.now()),
        );
      };
      next();
    },
    stop() {
      clearTimeout(timer);
    },
  };
}

/**
 * Client `id` on `room`: once started it sends move `n` with `send` (counted as in flight
 * until the sender and the three others have seen it); errors and drops are counted.
 */
function benchPlayer(room: Room, metrics: Metrics, id: number, send: (n: number) => void): Player {
  let leaving = false;
  room.onError(() => metrics.errors++);
  room.onLeave(() => {
    if (!leaving) metrics.drops++;
  });
  const mover = moving((n) => {
    metrics.sending(`${id}.${n}`, 3);
    send(n);
  });
  return {
    ...mover,
    async leave() {
      leaving = true;
      mover.stop();
      await room.leave().catch(() => undefined);
    },
  };
}

/** A bare echo room of four: `offer` goes to the sender and the three others as `echo`. */
export async function echoTable(wsUrl: string, metrics: Metrics): Promise<Player[]> {
  const first = await new Client(wsUrl).create("echo");
  const rooms = [first, ...(await Promise.all([1, 2, 3].map(() => new Client(wsUrl).joinById(first.roomId))))];
  return rooms.map((room) => {
    const id = nextClientId++;
    room.onMessage("echo", (m: { id: number; n: number }) => metrics.seen(`${m.id}.${m.n}`, m.id === id));
    return benchPlayer(room, metrics, id, (n) => room.send("offer", { id, n }));
  });
}

const chatTag = /^lt(\d+)\.(\d+)$/;

/**
 * The generator holds thousands of clients' views in one heap, where real clients each have
 * their own. Decoded, every client's view has its own copy of everything in it: the
 * scenario, the seat's brief and moves, every log line, every string (most of them slices
 * that keep the whole decoded message alive). At 4,000 clients that was 345 MB of heap, 100
 * MB of it strings, whose collections stalled every client at once and were measured as
 * late views. So each distinct string is kept here once (a flat copy), and so is each
 * distinct part of a whole view (the scenario is one for every table) and each new log line
 * (the four clients of a table get the same ones); every client's view refers to them.
 * Nothing changes a kept part: a client's own view and its lists are changed in place
 * (patchInPlace), never the parts in them.
 */
const strings = new Map<string, string>();
/** Parts of whole views, kept for the run (clients join over many seconds). */
const parts = new Map<string, object>();
/** New items of lists, looked up among the last second or two's only, so no key is kept long. */
let recentItems = new Map<string, object>();
let olderItems = new Map<string, object>();
setInterval(() => {
  olderItems = recentItems;
  recentItems = new Map();
}, 1000).unref();

/** `value` with every string in it the one kept (its objects are changed in place). */
function sharedStrings<T>(value: T): T {
  if (typeof value === "string") {
    let known = strings.get(value);
    if (known === undefined) {
      known = Buffer.from(value, "utf8").toString("utf8");
      strings.set(known, known);
    }
    return known as T;
  }
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] = sharedStrings(value[i]);
  else {
    const fields = value as Record<string, unknown>;
    for (const key in fields) fields[key] = sharedStrings(fields[key]);
  }
  return value;
}

/** `value`, or the equal one kept before (`find`); else `value`, now kept (`keep`). */
function kept<T>(value: T, find: (json: string) => object | undefined, keep: Map<string, object>): T {
  if (value === null || typeof value !== "object") return value;
  const json = JSON.stringify(value);
  const known = find(json);
  if (known) return known as T;
  keep.set(json, value);
  return value;
}

/** A whole view with its strings and its parts kept once; its lists its own (of kept items). */
function sharedView(view: TableView): TableView {
  const fields = sharedStrings(view) as unknown as Record<string, unknown>;
  for (const key in fields) {
    const value = fields[key];
    fields[key] = Array.isArray(value) ? value.map(sharedPart) : sharedPart(value);
  }
  return view;
}

function sharedPart<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  const fields = value as Record<string, unknown>;
  for (const key in fields) fields[key] = sharedPart(fields[key]);
  return kept(value, (json) => parts.get(json), parts);
}

/** A patch with its strings kept once, and each new item of a list the one another client received. */
function sharedPatch(patch: ViewPatch): ViewPatch {
  sharedStrings(patch);
  const find = (json: string) => recentItems.get(json) ?? olderItems.get(json);
  for (const change of Object.values(patch.$items ?? {}))
    change.items = change.items.map((item) => kept(item, find, recentItems));
  return patch;
}

/**
 * A Parley class session of `students` students (tables of four of the four-seat
 * `russia-ukraine-mediation`, every seat human): they join through the API, connect, and
 * the instructor starts it. Each move is a chat `lt<client>.<n>`, always legal.
 */
export async function parleySession(base: string, wsUrl: string, students: number, metrics: Metrics) {
  // Each class comes from its own school's address (the server trusts X-Forwarded-For from
  // loopback, as behind a proxy): the per-address limit on joins is for one school.
  const school = `10.${(nextSchool >> 8) & 255}.${nextSchool++ & 255}.1`;
  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${base}/api${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": school,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const created = await post("/sessions", {
    scenarioId: "russia-ukraine-mediation",
    timing: { mode: "live", roundSeconds: 3600 },
  });
  const code = (created.session as { joinCode: string }).joinCode;
  const instructorToken = created.instructorToken as string;
  const sessionId = (created.session as { id: string }).id;
  const tokens = await pool(Array.from({ length: students }), 4, async (_, i) => {
    const joined = await post("/join", { code, name: `Student ${i + 1}` });
    return joined.participantToken as string;
  });
  const players = await pool(tokens, 8, async (token): Promise<Player> => {
    const id = nextClientId++;
    const reservation = await post("/me/reservation", {}, token);
    const room = await new Client(wsUrl).consumeSeatReservation(reservation as unknown as SeatReservation);
    let lastSeq = -1;
    let seat = "";
    room.onMessage("notice", () => undefined);
    room.onMessage("ack", (m: { clientSeq?: number }) => metrics.acked(`${id}.${m.clientSeq}`));
    room.onMessage("rejected", (m: { code: string }) => metrics.reject(m.code));
    let current: TableView | undefined;
    // A client applies each patch to the view it has, as the web client does (in place: see patchInPlace).
    room.onMessage("viewPatch", (patch: ViewPatch) => {
      const next = patchInPlace(current, sharedPatch(patch));
      if (next) onView(next);
      else room.send("resync");
    });
    room.onMessage("view", (view: TableView) => onView(sharedView(view)));
    const onView = (view: TableView) => {
      current = view;
      seat = view.me?.seat ?? seat;
      const log = view.log;
      let i = log.length;
      while (i > 0 && (log[i - 1]?.seq ?? -1) > lastSeq) i--;
      for (; i < log.length; i++) {
        const entry = log[i];
        const match = entry?.kind === "chat" ? chatTag.exec(entry.text) : null;
        if (match) metrics.seen(`${match[1]}.${match[2]}`, entry?.by === seat);
      }
      lastSeq = Math.max(lastSeq, log[log.length - 1]?.seq ?? -1);
    };
    return benchPlayer(room, metrics, id, (n) =>
      room.send("move", { clientSeq: n, move: { kind: "chat", text: `lt${id}.${n}` } }),
    );
  });
  await post(`/sessions/${sessionId}/control`, { action: "start" }, instructorToken);
  return {
    players,
    /** The instructor ends the session; its students leave. */
    async end() {
      for (const p of players) p.stop();
      await post(`/sessions/${sessionId}/control`, { action: "end" }, instructorToken);
      await Promise.all(players.map((p) => p.leave()));
    },
  };
}

/** Students per class session in the benches (the join of a session is serialised). */
export const SESSION_SIZE = 100;

/** Connects `clients` players to `server` in tables of four (sessions of SESSION_SIZE for Parley). */
export async function connectPlayers(mode: Mode, port: number, clients: number, metrics: Metrics) {
  const base = `http://127.0.0.1:${port}`;
  const wsUrl = `ws://127.0.0.1:${port}`;
  if (mode === "echo") {
    const tables = await pool(Array.from({ length: Math.ceil(clients / 4) }), 16, () => echoTable(wsUrl, metrics));
    return { players: tables.flat(), sessions: [] };
  }
  const sizes: number[] = [];
  for (let left = clients; left > 0; left -= SESSION_SIZE) sizes.push(Math.min(SESSION_SIZE, left));
  const sessions = await pool(sizes, 6, (size) => parleySession(base, wsUrl, size, metrics));
  return { players: sessions.flatMap((s) => s.players), sessions };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads `--name value` from argv; positional arguments are returned apart. */
export function parseArgs(argv: string[]) {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 2) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (arg.startsWith("--")) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith("--")) {
        flags.set(arg.slice(2), next);
        i++;
      } else flags.set(arg.slice(2), "true");
    } else positional.push(arg);
  }
  return { flags, positional };
}
