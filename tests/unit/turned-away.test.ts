import type { TableSummary } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { freeSeatsOf, turnedAwayNotice } from "../../client/src/teach/turnedAway.ts";

/** A table whose seats are held by these participants (null: a bot's seat, free for a student). */
const table = (number: number, status: TableSummary["status"], holders: (string | null)[]) =>
  ({
    tableId: `t${number}`,
    number,
    status,
    seats: holders.map((p, i) => ({ seat: `s${i}`, participantId: p })),
  }) as TableSummary;

describe("the dashboard's students turned away", () => {
  const full = table(1, "running", ["p1", "p2"]);
  it("asks for a table while every seat is taken", () => {
    expect(turnedAwayNotice(["Cy"], [full])).toBe(
      "Every seat is taken: Cy could not join. Add a table, then ask them to join again.",
    );
    // A table that has ended seats nobody: its bots' seats are not free.
    expect(turnedAwayNotice(["Cy", "Dee"], [full, table(2, "ended", [null, null])])).toBe(
      "Every seat is taken: Cy and Dee could not join. Add a table, then ask each of them to join again.",
    );
  });

  it("says to ask them to join again once a table added has free seats", () => {
    const added = table(2, "waiting", [null, null]);
    expect(freeSeatsOf([full, added])).toBe(2);
    expect(turnedAwayNotice(["Cy"], [full, added])).toBe(
      "Cy found every seat taken and has not joined since: seats are free now, so ask them to join again.",
    );
    expect(turnedAwayNotice(["Cy", "Dee"], [full, added])).toBe(
      "Cy and Dee found every seat taken and have not joined since: seats are free now, so ask each of them to join again.",
    );
  });
});
