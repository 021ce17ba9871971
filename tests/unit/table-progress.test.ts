import type { TableSummary } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { playingSeatsOf, seatProgress } from "../../client/src/teach/tableProgress.ts";

const seat = (id: string, acted = false, walkedAway = false) =>
  ({ seat: id, acted, walkedAway }) as TableSummary["seats"][number];
const table = (fields: Partial<TableSummary>) =>
  ({
    phase: "playing",
    status: "running",
    awaitingFirstStudent: false,
    seats: [seat("usa", true), seat("china")],
    ...fields,
  }) as TableSummary;

describe("a table card's seats and the dashboard's count of main moves", () => {
  it("says who moved at a table in play", () => {
    const t = table({});
    expect(t.seats.map((s) => seatProgress(t, s))).toEqual(["✓ moved", "… not moved"]);
    expect(playingSeatsOf([t]).map((s) => s.seat)).toEqual(["usa", "china"]);
  });

  it("says nothing of moves at a table of a class over days waiting for its first student, and counts none of its seats", () => {
    const waiting = table({ awaitingFirstStudent: true, seats: [seat("usa"), seat("china")] });
    expect(waiting.seats.map((s) => seatProgress(waiting, s))).toEqual(["", ""]);
    expect(playingSeatsOf([table({}), waiting]).map((s) => s.seat)).toEqual(["usa", "china"]);
    expect(playingSeatsOf([waiting])).toEqual([]);
  });

  it("keeps a walk-away said, and says nothing of moves once the table has ended", () => {
    const ended = table({ phase: "ended", status: "ended", seats: [seat("usa", true), seat("china", false, true)] });
    expect(ended.seats.map((s) => seatProgress(ended, s))).toEqual(["", "walked away"]);
    expect(playingSeatsOf([ended])).toEqual([]);
  });
});
