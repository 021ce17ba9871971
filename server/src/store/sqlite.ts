import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { kyselyStore, migrate } from "./kyselyStore.ts";
import type { Database as Schema } from "./schema.ts";
import type { Store } from "./store.ts";

/** SQLite store (better-sqlite3): one file, created with its folder on first use. */
export async function openSqliteStore(file: string): Promise<Store> {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma("journal_mode = WAL");
  // Durable before acknowledged: an acknowledged move survives a power cut, not only a crash.
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  // Two processes may share one file (a small scale-out without PostgreSQL).
  database.pragma("busy_timeout = 5000");
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  await migrate(db);
  return kyselyStore(db, "sqlite");
}
