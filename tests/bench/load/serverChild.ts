/**
 * The server side of the load benches, run in a child process of the generator so that its
 * CPU and memory are its own. `parley`: the real server (a fresh SQLite file, as in
 * production); `echo`: a bare Colyseus room that sends every message straight back to
 * its sender and to the three others, the framework's baseline, on Parley's transport
 * (`ECHO_TRANSPORT=stock`: Colyseus's own, which pings every connection at once). It prints `listening PORT`
 * and answers `{ type: "stats", gc? }` on the IPC channel with its CPU time and memory.
 * Usage (by tests/bench/load/harness.ts): node --import tsx serverChild.ts parley|echo
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { type Client, Room, Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";

const mode = process.argv[2];
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
/** The collections' pauses since the last `stats`: start (ms since the epoch) and length, in pairs. */
const pauses: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push(performance.timeOrigin + entry.startTime, entry.duration);
}).observe({ entryTypes: ["gc"] });

/** Every message goes back to its sender and to the others at once: nothing else. */
class EchoRoom extends Room {
  override maxClients = 4;
  override onCreate() {
    this.onMessage("offer", (client: Client, message: unknown) => {
      client.send("echo", message);
      this.broadcast("echo", message, { except: client });
    });
  }
}

let close: () => Promise<void>;
let port: number;
if (mode === "echo") {
  // The same transport as Parley's (its heartbeat pings spread out), unless the stock one is asked for.
  const { SpreadPingTransport } = await import("../../../server/src/rooms/transport.ts");
  const transport = process.env.ECHO_TRANSPORT === "stock" ? new WebSocketTransport() : new SpreadPingTransport({});
  const server = new Server({ transport, gracefullyShutdown: false, greet: false });
  server.define("echo", EchoRoom);
  await server.listen(0, "127.0.0.1");
  const address = transport.server?.address();
  port = typeof address === "object" && address ? address.port : 0;
  close = () => server.gracefullyShutdown(false);
} else if (mode === "parley") {
  const { startServer } = await import("../../../server/src/app.ts");
  const { loadCatalog } = await import("../../../server/src/scenarios/catalog.ts");
  const { openStore } = await import("../../../server/src/store/open.ts");
  const dir = mkdtempSync(join(tmpdir(), "parley-load-"));
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL, sqliteFile: join(dir, "load.sqlite") });
  const server = await startServer(
    { store, catalog: loadCatalog(), botDelayMs: 200, reconnectSeconds: 60 },
    { port: 0, host: "127.0.0.1", sweepIntervalMs: 15_000 },
  );
  port = server.port;
  close = async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
} else {
  throw new Error(`Unknown mode '${mode}': parley or echo`);
}

const gc = (globalThis as { gc?: () => void }).gc;
// A profile of the measured window only (`profile` starts it, `profileTo` writes it): of the
// CPU, or a sampling heap profile of what outlived the young generation (the objects a
// scavenge collected are left out; those still live or collected by a full collection stay).
const inspector = new Session();
type ProfileMessage = { type: string; gc?: boolean; file?: string; kind?: "cpu" | "heap" };
let profiling: ProfileMessage["kind"];
process.on("message", async (message: ProfileMessage) => {
  if (message.type === "profile") {
    inspector.connect();
    profiling = message.kind;
    if (profiling === "heap") {
      await inspector.post("HeapProfiler.enable");
      await inspector.post("HeapProfiler.startSampling", {
        samplingInterval: 16 * 1024,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: false,
      } as { samplingInterval: number });
    } else {
      await inspector.post("Profiler.enable");
      await inspector.post("Profiler.start");
    }
  } else if (message.type === "profileTo" && message.file) {
    const { profile } =
      profiling === "heap" ? await inspector.post("HeapProfiler.stopSampling") : await inspector.post("Profiler.stop");
    writeFileSync(message.file, JSON.stringify(profile));
    inspector.disconnect();
    process.send?.({ type: "profiled" });
  } else if (message.type === "stats") {
    if (message.gc && gc) gc();
    process.send?.({
      type: "stats",
      cpu: process.cpuUsage(),
      memory: process.memoryUsage(),
      loopP99: loopDelay.percentile(99) / 1e6,
      loopMax: loopDelay.max / 1e6,
      uptime: performance.now(),
      gcPauses: pauses.splice(0),
    });
    loopDelay.reset();
  } else if (message.type === "stop") {
    void close().finally(() => process.exit(0));
  }
});
console.log(`listening ${port}`);
