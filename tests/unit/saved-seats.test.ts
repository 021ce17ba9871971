import { describe, expect, it } from "vitest";
import { type SavedSeat, seatStarted, seatsByState } from "../../client/src/net/saved.ts";

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
