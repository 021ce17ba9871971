import { join } from "node:path";
import { formatProblem } from "@parley/shared";
import { startServer } from "./app.ts";
import { loadCatalog } from "./scenarios/catalog.ts";
import { openSqliteStore } from "./store/sqlite.ts";

const port = Number(process.env.PORT ?? 2567);
const host = process.env.HOST ?? "0.0.0.0";
const dataFile = process.env.SQLITE_FILE ?? join(process.cwd(), "data", "parley.sqlite");

const catalog = loadCatalog();
for (const problem of catalog.problems) console.warn(`Scenario skipped: ${formatProblem(problem)}`);

const store = openSqliteStore(dataFile);
const server = await startServer({ store, catalog, botDelayMs: Number(process.env.BOT_DELAY_MS ?? 700) }, port, host);
const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
console.log(
  `Parley is running: open http://${shown}:${server.port}/ (${catalog.list().length} scenarios, data in ${dataFile})`,
);
