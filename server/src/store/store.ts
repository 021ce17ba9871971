import type { Controller, GameEvent, SeatId } from "@parley/shared";

/** What a table is made of before any event: enough to rebuild it by folding its log. */
export interface TableRecord {
  id: string;
  scenarioId: string;
  seed: number;
  seats: SeatId[];
  controllers: Record<SeatId, Controller>;
  createdAt: string;
}

/** A stored event with the time it was stored (the rules never read the time). */
export interface StoredEvent {
  event: GameEvent;
  at: string;
}

/**
 * Persistence of tables and their append-only event logs. A move is acknowledged only after
 * `appendEvent` resolves. Implementations: SQLite (default) and PostgreSQL.
 */
export interface Store {
  createTable(table: TableRecord): Promise<void>;
  getTable(id: string): Promise<TableRecord | undefined>;
  /** Appends one event; rejects if an event with the same seq is already stored. */
  appendEvent(tableId: string, event: GameEvent): Promise<void>;
  events(tableId: string): Promise<StoredEvent[]>;
  close(): Promise<void>;
}
