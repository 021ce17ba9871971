import type { TableControlResult as ControlResult, TableSummary } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { controlReport, sessionStatusText } from "../../client/src/teach/controlReport.ts";

const table = (number: number, status: TableSummary["status"]) =>
  ({ tableId: `t${number}`, number, status }) as TableSummary;
const ok = (number: number): ControlResult => ({ tableId: `t${number}`, table: number, result: { ok: true } });
const no = (number: number, code: string, message: string): ControlResult => ({
  tableId: `t${number}`,
  table: number,
  result: { ok: false, code, message },
});

describe("the line under the dashboard's controls", () => {
  it("says a table already as the control would make it apart, not as a refusal", () => {
    // Table 2 alone was paused; Resume for every table finds table 1 running.
    expect(
      controlReport(
        "Resume",
        "resume",
        [no(1, "NotPaused", "This table is not paused."), ok(2)],
        [table(1, "running"), table(2, "paused")],
      ),
    ).toBe("Resume: done at 1 table (table 1 was already running).");
    // Pause pressed twice.
    expect(
      controlReport(
        "Pause",
        "pause",
        [1, 2].map((n) => no(n, "NotRunning", "Only a running table can be paused.")),
        [table(1, "paused"), table(2, "paused")],
      ),
    ).toBe("Pause: nothing changed (tables 1, 2 were already paused).");
    // A table added for latecomers has no clock yet: pausing every table is not refused there.
    expect(
      controlReport(
        "Pause",
        "pause",
        [ok(1), ok(2), no(3, "NotRunning", "Only a running table can be paused.")],
        [table(1, "running"), table(2, "running"), table(3, "waiting")],
      ),
    ).toBe("Pause: done at 2 tables (table 3 waits for Start).");
    expect(
      controlReport(
        "Resume",
        "resume",
        [ok(1), no(2, "NotPaused", "This table is not paused."), no(3, "NotPaused", "This table is not paused.")],
        [table(1, "paused"), table(2, "waiting"), table(3, "waiting")],
      ),
    ).toBe("Resume: done at 1 table (tables 2, 3 wait for Start).");
    expect(
      controlReport(
        "Start",
        "start",
        [no(1, "AlreadyStarted", "This table has already started."), ok(2)],
        [table(1, "running"), table(2, "waiting")],
      ),
    ).toBe("Start: done at 1 table (table 1 had already started).");
    expect(
      controlReport(
        "End",
        "end",
        [ok(1), no(2, "GameOver", "The game is over.")],
        [table(1, "running"), table(2, "ended")],
      ),
    ).toBe("End: done at 1 table (table 2 had already ended).");
  });

  it("says nothing changed, and why, where every table was already as the control would make it", () => {
    // End pressed again once every table had ended: it said "End: done at 0 tables".
    expect(
      controlReport(
        "End",
        "end",
        [1, 2].map((n) => no(n, "GameOver", "The game is over.")),
        [table(1, "ended"), table(2, "ended")],
      ),
    ).toBe("End: nothing changed (tables 1, 2 had already ended).");
    expect(controlReport("Start", "start", [], [])).toBe("Start: nothing changed: there is no table yet.");
  });

  it("keeps a real refusal a refusal, with its reason", () => {
    // Pausing a table that has not started is not "already paused" (it waits for Start, said
    // apart above), and one that has ended since the dashboard last heard is refused.
    expect(
      controlReport(
        "Pause",
        "pause",
        [ok(1), no(2, "NotRunning", "Only a running table can be paused.")],
        [table(1, "running"), table(2, "running")],
      ),
    ).toBe("Pause: done at 1 table; refused at table 2 (Only a running table can be paused.)");
    expect(
      controlReport(
        "Inject an event",
        "injectEvent",
        [no(1, "EventAlreadyHappened", "This event has already happened at this table."), no(2, "GameOver", "Over.")],
        [table(1, "running"), table(2, "ended")],
      ),
    ).toBe(
      "Inject an event: nothing changed (table 2 had already ended); refused at table 1 (This event has already happened at this table.)",
    );
  });
});

describe("the session's status in the dashboard's heading", () => {
  it("says paused when every open table is paused, and which tables are when some are", () => {
    expect(sessionStatusText("running", false, [table(1, "paused"), table(2, "paused"), table(3, "ended")])).toBe(
      "paused",
    );
    expect(sessionStatusText("running", false, [table(1, "running"), table(2, "paused")])).toBe(
      "running (table 2 paused)",
    );
    expect(sessionStatusText("running", false, [table(1, "running")])).toBe("running");
    // Every table in play paused, and one added for latecomers waiting for its Start.
    expect(sessionStatusText("running", false, [table(1, "paused"), table(2, "paused"), table(3, "waiting")])).toBe(
      "paused (table 3 waits for Start)",
    );
    expect(sessionStatusText("lobby", false, [table(1, "waiting")])).toBe("lobby");
    expect(sessionStatusText("running", true, [table(1, "paused")])).toBe("ended");
  });
});
