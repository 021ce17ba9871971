import type { SeatId } from "@parley/shared";

/** A table as the seating sees it: which seats exist and which a participant holds. */
export interface SeatingTable {
  tableId: string;
  number: number;
  seats: SeatId[];
  taken: SeatId[];
  /** False once the table has ended: nobody is seated there any more. */
  open: boolean;
}

export type SeatChoice =
  | { kind: "existing"; tableId: string; seat: SeatId }
  | { kind: "newTable"; seat: SeatId }
  | { kind: "full" };

export interface SeatingPolicy {
  /** A fixed number of tables (already created), or null for as many as needed. */
  fixedTables: number | null;
  /** The scenario's seats, in order. */
  seats: SeatId[];
  /** The party the student asked for, honoured where a seat of it is free. */
  preferred?: SeatId;
}

const freeSeats = (t: SeatingTable) => t.seats.filter((s) => !t.taken.includes(s));

/** The tables a joining student may be seated at: open, with a seat no participant holds, in order. */
const seatable = (tables: readonly SeatingTable[]) =>
  tables.filter((t) => t.open && freeSeats(t).length > 0).sort((a, b) => a.number - b.number);

/**
 * How many students could join now and be seated, by the rule chooseSeat follows; null when
 * there is no limit (tables as many as needed: one opens for whoever comes). Zero exactly
 * when chooseSeat would answer "full": the dashboard asks for a table then.
 */
export function seatsFree(
  tables: readonly SeatingTable[],
  policy: Pick<SeatingPolicy, "fixedTables" | "seats">,
): number | null {
  if (policy.fixedTables === null && policy.seats.length > 0) return null;
  return seatable(tables).reduce((n, t) => n + freeSeats(t).length, 0);
}

function seatAt(table: SeatingTable, preferred?: SeatId): SeatId {
  const free = freeSeats(table);
  return preferred && free.includes(preferred) ? preferred : (free[0] as SeatId);
}

/**
 * Where the next student sits. With "as many tables as needed" it fills tables in order,
 * so every table but the last is complete and bots cover the last one's empty seats; a
 * latecomer takes the first seat a bot holds. With a fixed number of tables it spreads
 * students evenly. A preference is honoured when a seat of that party is free somewhere,
 * but never opens a new table while another has an empty seat.
 */
export function chooseSeat(tables: readonly SeatingTable[], policy: SeatingPolicy): SeatChoice {
  const candidates = seatable(tables);
  const { preferred } = policy;
  const withPreferred = preferred ? candidates.filter((t) => freeSeats(t).includes(preferred)) : [];
  if (policy.fixedTables !== null) {
    const pool = withPreferred.length > 0 ? withPreferred : candidates;
    const least = pool.reduce<SeatingTable | undefined>(
      (best, t) => (!best || t.taken.length < best.taken.length ? t : best),
      undefined,
    );
    return least ? { kind: "existing", tableId: least.tableId, seat: seatAt(least, preferred) } : { kind: "full" };
  }
  const table = withPreferred[0] ?? candidates[0];
  if (table) return { kind: "existing", tableId: table.tableId, seat: seatAt(table, preferred) };
  const first = policy.seats[0];
  if (!first) return { kind: "full" };
  return { kind: "newTable", seat: preferred && policy.seats.includes(preferred) ? preferred : first };
}
