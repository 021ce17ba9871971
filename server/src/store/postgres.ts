import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { kyselyStore, migrate } from "./kyselyStore.ts";
import type { Database } from "./schema.ts";
import type { Store } from "./store.ts";

/** PostgreSQL store, for a shared database (several server processes, managed backups). */
export async function openPostgresStore(connectionString: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db);
  return kyselyStore(db, "postgres");
}
