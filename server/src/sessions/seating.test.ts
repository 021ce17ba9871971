import { describe, expect, it } from "vitest";
import { chooseSeat, type SeatingTable } from "./seating.ts";

const seats = ["usa", "china"];

/** Seats `count` students one after another, creating tables as the seating asks. */
function seatClass(count: number, fixedTables: number | null): SeatingTable[] {
  const tables: SeatingTable[] = [];
  for (let n = 1; n <= (fixedTables ?? 0); n++)
    tables.push({ tableId: `t${n}`, number: n, seats, taken: [], open: true });
  for (let i = 0; i < count; i++) {
    const choice = chooseSeat(tables, { fixedTables, seats });
    if (choice.kind === "full") break;
    if (choice.kind === "newTable") {
      const n = tables.length + 1;
      tables.push({ tableId: `t${n}`, number: n, seats, taken: [choice.seat], open: true });
    } else tables.find((t) => t.tableId === choice.tableId)?.taken.push(choice.seat);
  }
  return tables;
}

describe("seating", () => {
  it("fills complete tables in order when the class needs as many tables as it takes", () => {
    const tables = seatClass(7, null);
    expect(tables.map((t) => t.taken.length)).toEqual([2, 2, 2, 1]);
  });

  it("gives a latecomer the seat a bot holds before opening a new table", () => {
    const tables = seatClass(7, null);
    expect(chooseSeat(tables, { fixedTables: null, seats })).toEqual({
      kind: "existing",
      tableId: "t4",
      seat: "china",
    });
  });

  it("spreads students evenly over a fixed number of tables and says when all are full", () => {
    expect(seatClass(5, 3).map((t) => t.taken.length)).toEqual([2, 2, 1]);
    const full = seatClass(6, 3);
    expect(chooseSeat(full, { fixedTables: 3, seats })).toEqual({ kind: "full" });
  });

  it("honours a requested party where one is free, without opening a needless table", () => {
    const tables: SeatingTable[] = [
      { tableId: "t1", number: 1, seats, taken: ["usa"], open: true },
      { tableId: "t2", number: 2, seats, taken: ["china"], open: true },
    ];
    expect(chooseSeat(tables, { fixedTables: null, seats, preferred: "usa" })).toEqual({
      kind: "existing",
      tableId: "t2",
      seat: "usa",
    });
    const onlyChina: SeatingTable[] = [{ tableId: "t1", number: 1, seats, taken: ["usa"], open: true }];
    expect(chooseSeat(onlyChina, { fixedTables: null, seats, preferred: "usa" })).toMatchObject({ seat: "china" });
  });

  it("never seats anyone at an ended table", () => {
    const tables: SeatingTable[] = [{ tableId: "t1", number: 1, seats, taken: ["usa"], open: false }];
    expect(chooseSeat(tables, { fixedTables: null, seats })).toEqual({ kind: "newTable", seat: "usa" });
  });
});
