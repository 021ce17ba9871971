import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ParleyServer, startServer } from "../../server/src/app.ts";
import { loadCatalog } from "../../server/src/scenarios/catalog.ts";
import { openSqliteStore } from "../../server/src/store/sqlite.ts";

export interface TestServer extends ParleyServer {
  url: string;
  wsUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Boots the real server in-process on 127.0.0.1 and an ephemeral port, with a fresh SQLite file. */
export async function bootTestServer(options: { botDelayMs?: number } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "parley-test-"));
  const store = openSqliteStore(join(dataDir, "parley.sqlite"));
  const server = await startServer(
    { store, catalog: loadCatalog(), botDelayMs: options.botDelayMs ?? 0 },
    0,
    "127.0.0.1",
  );
  return {
    ...server,
    url: `http://127.0.0.1:${server.port}`,
    wsUrl: `ws://127.0.0.1:${server.port}`,
    dataDir,
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
