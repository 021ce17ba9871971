import { openPostgresStore } from "./postgres.ts";
import { openSqliteStore } from "./sqlite.ts";
import type { Store } from "./store.ts";

/** PostgreSQL when `databaseUrl` is a postgres URL, else the SQLite file. */
export function openStore(options: { databaseUrl?: string; sqliteFile: string }): Promise<Store> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgresStore(url);
  if (url) throw new Error(`DATABASE_URL must be a postgres:// URL (got '${url.split(":")[0]}:…').`);
  return openSqliteStore(options.sqliteFile);
}
