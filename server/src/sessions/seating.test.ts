import { describe, expect, it } from "vitest";
import { chooseSeat, type SeatingTable, seatsFree } from "./seating.ts";

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

  it("counts the free seats a dashboard reads exactly as the seats chooseSeat gives, one joiner after another", () => {
    const three = ["egypt", "israel", "usa"];
    const layouts: { fixedTables: number; seats: string[]; tables: SeatingTable[] }[] = [
      { fixedTables: 3, seats, tables: seatClass(0, 3) },
      { fixedTables: 3, seats, tables: seatClass(4, 3) },
      { fixedTables: 3, seats, tables: seatClass(6, 3) },
      // An ended table's bot seats are no one's to take; an open one's are.
      {
        fixedTables: 3,
        seats: three,
        tables: [
          { tableId: "t1", number: 1, seats: three, taken: ["egypt"], open: false },
          { tableId: "t2", number: 2, seats: three, taken: ["israel"], open: true },
          { tableId: "t3", number: 3, seats: three, taken: [], open: true },
        ],
      },
    ];
    const counts: (number | null)[] = [];
    for (const { fixedTables, seats: parties, tables } of layouts) {
      const counted = seatsFree(tables, { fixedTables, seats: parties });
      counts.push(counted);
      let seated = 0;
      for (;;) {
        const choice = chooseSeat(tables, { fixedTables, seats: parties });
        if (choice.kind !== "existing") {
          expect(choice.kind).toBe("full");
          break;
        }
        tables.find((t) => t.tableId === choice.tableId)?.taken.push(choice.seat);
        seated++;
      }
      expect(counted).toBe(seated);
      expect(seatsFree(tables, { fixedTables, seats: parties })).toBe(0);
    }
    // By hand: 3 empty tables of 2; 4 of their 6 seats taken; all 6; table 2's 2 and table 3's 3 (table 1 has ended).
    expect(counts).toEqual([6, 2, 0, 5]);
    // As many tables as the class fills: a new one opens for whoever comes, so no limit.
    expect(seatsFree(seatClass(7, null), { fixedTables: null, seats })).toBeNull();
  });
});
