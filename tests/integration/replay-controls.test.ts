import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { classOf, lastView, type Student } from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";

/**
 * The instructor's pauses and extensions in a table's replay: a debrief had no way to tell
 * why a round ran long (a pause, added minutes) or that the instructor, not the clock, moved
 * a round on or gave a seat to a bot. Each control is kept beside the table's events, with
 * where the table was, and the raw log sends them to the instructor and, once the session is
 * over, to the table's students (nothing in them is any seat's secret).
 */
let server: TestServer;
beforeAll(async () => {
  server = await bootTestServer({ botDelayMs: 0 });
});
afterAll(async () => {
  await server.stop();
});

interface LogBody {
  events: { event: { seq: number; by: string; move: { kind: string } } }[];
  controls: { at: string; step: number; round: number; action: Record<string, unknown> }[];
}

describe("the instructor's controls in a table's log", () => {
  it("keeps each control that took effect, in order, with the step and round it came at", async () => {
    const { students, instructor } = await classOf(server.url, ["Uma", "Vic"], {
      timing: { mode: "live", roundSeconds: 600 },
    });
    const [uma, vic] = students as [Student, Student];
    const tableId = uma.participant.tableId;
    const tables = [tableId];
    await instructor("POST", "/control", { action: "pause", tables });
    // Refused (already paused): it changed nothing, so it is not kept.
    expect((await instructor("POST", "/control", { action: "pause", tables })).body).toMatchObject([
      { result: { ok: false, code: "NotRunning" } },
    ]);
    await instructor("POST", "/control", { action: "extendDeadline", minutes: 5, tables });
    await instructor("POST", "/control", { action: "resume", tables });
    await instructor("POST", "/control", { action: "broadcast", text: "Ten minutes left in class.", tables });
    await instructor("POST", "/control", { action: "advanceRound", tables });
    await instructor("POST", "/control", { action: "replaceWithBot", seat: vic.participant.seat, tables });
    await vi.waitFor(() => expect(lastView(uma.seen).round).toBe(2));

    const log = await instructor("GET", `/tables/${tableId}/log`);
    expect(log.status).toBe(200);
    const { events, controls } = log.body as unknown as LogBody;
    expect(controls.map((c) => c.action)).toEqual([
      { action: "start" },
      { action: "pause" },
      { action: "extendDeadline", minutes: 5 },
      { action: "resume" },
      { action: "broadcast", text: "Ten minutes left in class." },
      { action: "advanceRound" },
      { action: "replaceWithBot", seat: vic.participant.seat },
    ]);
    expect(controls.map((c) => c.round)).toEqual([1, 1, 1, 1, 1, 1, 2]);
    // Each comes at the step the table had reached: the broadcast's event is the next one stored.
    const broadcast = controls[4];
    expect(events[broadcast?.step ?? -1]?.event.move.kind).toBe("broadcast");
    const handover = controls[6];
    expect(events.slice(handover?.step).some((e) => e.event.move.kind === "setController")).toBe(true);
    expect(controls.every((c, i) => i === 0 || c.step >= (controls[i - 1]?.step ?? 0))).toBe(true);

    // The whole session's logs carry them too (the session debrief reads those).
    const all = await instructor("GET", "/logs");
    const table = (all.body as unknown as { tables: (LogBody & { tableId: string })[] }).tables.find(
      (t) => t.tableId === tableId,
    );
    expect(table?.controls).toHaveLength(7);

    // A student's replay of their seat has them while the session runs (the full log waits for its end).
    const own = await http<{ controls: LogBody["controls"] }>(server.url, "GET", "/me/replay", {
      token: uma.participantToken,
    });
    expect(own.body.controls.map((c) => c.action.action)).toEqual(controls.map((c) => c.action.action));
    expect((await http(server.url, "GET", "/me/log", { token: uma.participantToken })).status).toBe(409);
    await instructor("POST", "/control", { action: "end" });
    await vi.waitFor(async () => {
      const mine = await http<LogBody>(server.url, "GET", "/me/log", { token: uma.participantToken });
      expect(mine.status).toBe(200);
      expect(mine.body.controls.map((c) => c.action.action)).toEqual([
        "start",
        "pause",
        "extendDeadline",
        "resume",
        "broadcast",
        "advanceRound",
        "replaceWithBot",
        "end",
      ]);
    });
    await uma.room.leave();
  });
});
