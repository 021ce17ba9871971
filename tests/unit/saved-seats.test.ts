import { describe, expect, it } from "vitest";
import { heldSeats, type SavedSeat, seatStarted, seatsByState } from "../../client/src/net/saved.ts";

const seat = (id: string, ended?: SavedSeat["ended"]): SavedSeat => ({
  participantId: id,
  token: `t-${id}`,
  kind: "solo",
  title: "Camp David, 1978: Egypt, Israel and a U.S. mediator",
  party: "Egypt",
  seat: "egypt",
  tableId: `table-${id}`,
  savedAt: "2026-11-28T06:40:00.000Z",
  ...(ended ? { ended } : {}),
});

describe("the home page's saved games", () => {
  it("lists the games still to play apart from the finished ones, each in its saved order", () => {
    const seats = [seat("a"), seat("b", "agreement"), seat("c"), seat("d", "noAgreement")];
    const { playing, finished } = seatsByState(seats);
    expect(playing.map((s) => s.participantId)).toEqual(["a", "c"]);
    expect(finished.map((s) => s.participantId)).toEqual(["b", "d"]);
  });

  it("says when a game was started (two games of one scenario and party are told apart), and nothing for a bad date", () => {
    expect(seatStarted(seat("a"))).toMatch(/28/);
    expect(seatStarted({ ...seat("a"), savedAt: "not a date" })).toBe("");
  });
});

describe("the join page's seats already held", () => {
  it("offers the class seats this browser took with the code on the page, whatever its case and dashes", () => {
    const seats: SavedSeat[] = [
      { ...seat("dara"), kind: "class", joinCode: "V9TGS3" },
      { ...seat("done", "noAgreement"), kind: "class", joinCode: "V9TGS3" },
      // A shared computer's earlier class, and a seat opened from a link (no code).
      { ...seat("other"), kind: "class", joinCode: "H7KQ2M" },
      { ...seat("link"), kind: "class" },
      { ...seat("solo") },
    ];
    expect(heldSeats("v9t-gs3", seats).map((s) => s.participantId)).toEqual(["dara"]);
    expect(heldSeats("H7KQ2M", seats).map((s) => s.participantId)).toEqual(["other"]);
    expect(heldSeats("", seats)).toEqual([]);
  });
});
