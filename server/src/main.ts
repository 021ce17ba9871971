import { formatProblem } from "@parley/shared";
import { startServer } from "./app.ts";
import { configFromEnv } from "./config.ts";
import { loadCatalog } from "./scenarios/catalog.ts";
import { openStore } from "./store/open.ts";

const config = configFromEnv();

const catalog = loadCatalog();
for (const problem of catalog.problems) console.warn(`Scenario skipped: ${formatProblem(problem)}`);

const store = await openStore({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
const server = await startServer(
  { store, catalog, botDelayMs: config.botDelayMs, reconnectSeconds: config.reconnectSeconds },
  {
    port: config.port,
    host: config.host,
    redisUrl: config.redisUrl,
    publicAddress: config.publicAddress,
    monitorPassword: config.monitorPassword,
    sweepIntervalMs: config.sweepIntervalMs,
  },
);
const shown = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
const data = store.kind === "postgres" ? "PostgreSQL" : config.sqliteFile;
const scale = config.redisUrl
  ? `, Redis for scale-out${config.publicAddress ? ` as ${config.publicAddress}` : ""}`
  : "";
console.log(
  `Parley is running: open http://${shown}:${server.port}/ (${catalog.list().length} scenarios, data in ${data}${scale})`,
);

// A restart (SIGTERM from systemd or a container runtime, Ctrl-C): every move in flight is
// stored, no seat is handed to a bot for it, and the store closes cleanly. Students' pages
// keep their table on screen and take their seats again when the server is back.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) {
      // A second Ctrl-C: do not wait (tables resume from their logs, as after a crash).
      console.error(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: closing Parley (moves in flight are stored; students reconnect when it is back)`);
    const deadline = setTimeout(() => {
      console.error("Parley did not close within 10 s; exiting anyway (tables resume from their logs)");
      process.exit(1);
    }, 10_000);
    deadline.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Parley could not close cleanly (tables resume from their logs)", error);
        process.exit(1);
      },
    );
  });
}
