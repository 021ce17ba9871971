import type { TableSummary } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { botCoverText, playingSeatsOf, seatHolder, seatProgress } from "../../client/src/teach/tableProgress.ts";

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

  it("names the student a bot covers for while they are away, with their connection, and a bot's own seat as a bot", () => {
    const line = (fields: Partial<TableSummary["seats"][number]>) =>
      seatHolder({
        seat: "usa",
        party: "United States",
        participantId: null,
        participantName: null,
        controller: { type: "human", name: "" },
        connected: false,
        botCoversAt: null,
        acted: false,
        walkedAway: false,
        ...fields,
      });
    expect(line({ participantId: "p1", participantName: "Chen", controller: { type: "human", name: "Chen" } })).toEqual(
      {
        who: "Chen",
        showConnection: true,
      },
    );
    // Chen's Wi-Fi dropped past the reconnection window: the seat is still Chen's.
    expect(
      line({ participantId: "p1", participantName: "Chen", controller: { type: "bot", persona: "simple" } }),
    ).toEqual({ who: "Bot (Default) for Chen, away", showConnection: true });
    // An empty seat of the session, or one the instructor gave to a bot (nobody holds it).
    expect(line({ controller: { type: "bot", persona: "hardliner" } })).toEqual({
      who: "Bot (Hardliner)",
      showConnection: false,
    });
  });

  it("says when a bot takes an offline student's seat over, while the class holds it for them", () => {
    const at = Date.parse("2026-11-28T10:00:00Z");
    const held = {
      connected: false,
      botCoversAt: new Date(at + 83_000).toISOString(),
      participantName: "Ada",
      controller: { type: "human", name: "Ada" },
    } as const;
    expect(botCoverText(held, at)).toBe("A bot takes the seat over in 1:23 unless Ada is back.");
    expect(botCoverText(held, at + 83_000)).toBe("A bot is taking the seat over.");
    // Online, or offline where no bot covers (solo, a class over days, an ended table).
    expect(botCoverText({ ...held, connected: true }, at)).toBeUndefined();
    expect(botCoverText({ ...held, botCoversAt: null }, at)).toBeUndefined();
  });
});
