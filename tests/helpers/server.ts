import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ParleyServer, startServer } from "../../server/src/app.ts";
import { loadCatalog, type ScenarioCatalog } from "../../server/src/scenarios/catalog.ts";
import { openSqliteStore } from "../../server/src/store/sqlite.ts";
import type { Store } from "../../server/src/store/store.ts";

export interface TestServer extends ParleyServer {
  url: string;
  wsUrl: string;
  dataDir: string;
  sqliteFile: string;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  botDelayMs?: number;
  reconnectSeconds?: number;
  sweepIntervalMs?: number;
  monitorPassword?: string;
  /** Scenarios to serve instead of the repository's `scenarios/` folder. */
  catalog?: ScenarioCatalog;
  /** The store the server uses, made from the one opened on the test's file (a slow disk, a broken ping). */
  store?: (opened: Store) => Store;
  /** A folder to keep the SQLite file in, kept by `stop()` (to boot again on the same file); a fresh one otherwise. */
  dataDir?: string;
  /** The most students a session keeps as turned away (see ServerContext). */
  turnedAwayKept?: number;
}

/** Boots the real server in-process on 127.0.0.1 and an ephemeral port, with a fresh SQLite file. */
export async function bootTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "parley-test-"));
  const sqliteFile = join(dataDir, "parley.sqlite");
  const opened = await openSqliteStore(sqliteFile);
  const server = await startServer(
    {
      store: options.store ? options.store(opened) : opened,
      catalog: options.catalog ?? loadCatalog(),
      botDelayMs: options.botDelayMs ?? 0,
      reconnectSeconds: options.reconnectSeconds ?? 30,
      // Bots that do not pause move on the next tick: a short one keeps the tests quick.
      tickMs: 50,
      turnedAwayKept: options.turnedAwayKept,
    },
    {
      port: 0,
      host: "127.0.0.1",
      sweepIntervalMs: options.sweepIntervalMs ?? 15_000,
      monitorPassword: options.monitorPassword,
    },
  );
  return {
    ...server,
    url: `http://127.0.0.1:${server.port}`,
    wsUrl: `ws://127.0.0.1:${server.port}`,
    dataDir,
    sqliteFile,
    async stop() {
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A JSON request to a test server, returning status and body. */
export async function http<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T; text: string; headers: Headers }> {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV and other text bodies stay as text.
  }
  return { status: response.status, body: body as T, text, headers: response.headers };
}
