import { formatProblem } from "@parley/shared";
import { startServer } from "./app.ts";
import { configFromEnv } from "./config.ts";
import { networkUrls, onEveryInterface } from "./http/networkAddresses.ts";
import { defaultScenarioDir, loadCatalog } from "./scenarios/catalog.ts";
import { onStopSignal } from "./stopSignals.ts";
import { openStore } from "./store/open.ts";

const config = (() => {
  try {
    return configFromEnv();
  } catch (error) {
    // A setting that cannot be used (PORT=abc, SCENARIOS_DIR that is not a folder): say which.
    console.error(`Parley cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
})();

const catalog = loadCatalog([defaultScenarioDir, ...config.scenarioDirs], { checkOwn: true });
for (const problem of catalog.problems) console.warn(`Scenario skipped: ${formatProblem(problem)}`);
// An instructor's own file that plays but that `parley validate` fails (no deal possible,
// nothing to trade) or warns about is served: the log says what the validator says.
for (const problem of catalog.advice ?? []) console.warn(`Scenario served, but check it: ${formatProblem(problem)}`);

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
const shown = onEveryInterface(config.host) ? "localhost" : config.host;
const data = store.kind === "postgres" ? "PostgreSQL" : config.sqliteFile;
const scale = config.redisUrl
  ? `, Redis for scale-out${config.publicAddress ? ` as ${config.publicAddress}` : ""}`
  : "";
console.log(
  `Parley is running: open http://${shown}:${server.port}/ (${catalog.list().length} scenarios, data in ${data}${scale})`,
);
// Students' devices cannot open `localhost`: an instructor teaching from this computer gives
// them its network address (the projector view shows it too, with a QR code).
const network = onEveryInterface(config.host) ? networkUrls(server.port) : [];
if (network.length > 0) console.log(`Students on this computer's network join at ${network[0]}/join`);

// A restart (SIGTERM from systemd or a container runtime, Ctrl-C): every move in flight is
// stored, no seat is handed to a bot for it, and the store closes cleanly. Students' pages
// keep their table on screen and take their seats again when the server is back.
const stop = onStopSignal({
  close: () => server.close(),
  exit: (code) => process.exit(code),
  log: (line) => console.log(line),
  error: (line, cause) => (cause === undefined ? console.error(line) : console.error(line, cause)),
});
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, stop);
