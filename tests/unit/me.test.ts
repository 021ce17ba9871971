import type { ParticipantInfo } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { placeOf } from "../../client/src/net/me.ts";
import { seatLabel } from "../../client/src/net/saved.ts";

const student: ParticipantInfo = {
  id: "p1",
  name: "Ada",
  tableId: "t1",
  table: 1,
  seat: "usa",
  party: "United States",
  requested: null,
  joinedAt: "2026-11-28T08:00:00.000Z",
  lastSeat: null,
};

describe("placeOf: where this browser notes a student sits", () => {
  it("is the seat they hold", () => {
    expect(placeOf(student)).toEqual({ tableId: "t1", seat: "usa", party: "United States" });
  });

  it("is the seat they last held while a bot plays it, not nulls (the home page read 'as null')", () => {
    const replaced: ParticipantInfo = {
      ...student,
      tableId: null,
      table: null,
      seat: null,
      party: null,
      lastSeat: { tableId: "t1", table: 1, seat: "usa", party: "United States" },
    };
    const place = placeOf(replaced);
    expect(place).toEqual({ tableId: "t1", seat: "usa", party: "United States" });
    const label = seatLabel({ participantId: "p1", token: "x", kind: "class", title: "IR 210", savedAt: "", ...place });
    expect(label).toBe("Class: IR 210, as United States");
  });

  it("says so for a student who has no seat and never had one", () => {
    const waiting: ParticipantInfo = { ...student, tableId: null, table: null, seat: null, party: null };
    expect(placeOf(waiting).party).toBe("no seat yet");
  });
});
