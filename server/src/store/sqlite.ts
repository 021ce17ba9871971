import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { GameEvent } from "@parley/shared";
import Database from "better-sqlite3";
import type { Store, StoredEvent, TableRecord } from "./store.ts";

const migrations = [
  `CREATE TABLE IF NOT EXISTS tables (
     id TEXT PRIMARY KEY,
     scenario_id TEXT NOT NULL,
     seed INTEGER NOT NULL,
     seats TEXT NOT NULL,
     controllers TEXT NOT NULL,
     created_at TEXT NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS events (
     table_id TEXT NOT NULL REFERENCES tables(id),
     seq INTEGER NOT NULL,
     event TEXT NOT NULL,
     at TEXT NOT NULL,
     PRIMARY KEY (table_id, seq)
   )`,
];

interface TableRow {
  id: string;
  scenario_id: string;
  seed: number;
  seats: string;
  controllers: string;
  created_at: string;
}

/** SQLite store (better-sqlite3): one file, created with its folder on first use. */
export function openSqliteStore(file: string): Store {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  for (const sql of migrations) db.exec(sql);

  const insertTable = db.prepare(
    "INSERT INTO tables (id, scenario_id, seed, seats, controllers, created_at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const selectTable = db.prepare<[string], TableRow>("SELECT * FROM tables WHERE id = ?");
  const insertEvent = db.prepare("INSERT INTO events (table_id, seq, event, at) VALUES (?, ?, ?, ?)");
  const selectEvents = db.prepare<[string], { event: string; at: string }>(
    "SELECT event, at FROM events WHERE table_id = ? ORDER BY seq",
  );

  return {
    async createTable(t: TableRecord) {
      insertTable.run(t.id, t.scenarioId, t.seed, JSON.stringify(t.seats), JSON.stringify(t.controllers), t.createdAt);
    },
    async getTable(id: string) {
      const row = selectTable.get(id);
      if (!row) return undefined;
      return {
        id: row.id,
        scenarioId: row.scenario_id,
        seed: row.seed,
        seats: JSON.parse(row.seats),
        controllers: JSON.parse(row.controllers),
        createdAt: row.created_at,
      };
    },
    async appendEvent(tableId: string, event: GameEvent) {
      insertEvent.run(tableId, event.seq, JSON.stringify(event), new Date().toISOString());
    },
    async events(tableId: string): Promise<StoredEvent[]> {
      return selectEvents.all(tableId).map((row) => ({ event: JSON.parse(row.event) as GameEvent, at: row.at }));
    },
    async close() {
      db.close();
    },
  };
}
