import { rmSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openSqliteStore } from "../../server/src/store/sqlite.ts";
import { classOf, dropConnection, lastView, type Student } from "../helpers/classroom.ts";
import { bootTestServer } from "../helpers/server.ts";

afterEach(() => vi.restoreAllMocks());

describe("closing the server in the middle of a live session", () => {
  it("hands no student's seat to a bot and writes nothing after the store has closed", async () => {
    const server = await bootTestServer({ reconnectSeconds: 30 });
    const { students } = await classOf(server.url, ["Ada", "Lin"], { timing: { mode: "live", roundSeconds: 900 } });
    const [ada, lin] = students as [Student, Student];
    await vi.waitFor(() => expect(lastView(ada.seen).phase).toBe("playing"));
    ada.room.reconnection.enabled = false;
    lin.room.reconnection.enabled = false;
    ada.room.send("move", { clientSeq: 1, move: { kind: "chat", text: "before the restart" } });
    await vi.waitFor(() => expect(ada.seen.acks).toHaveLength(1));
    // Lin's network has just died: her seat is held for the reconnection window when the
    // server closes, and stays hers too.
    const dropped = new Promise<void>((resolve) => lin.room.onDrop(() => resolve()));
    dropConnection(lin.participant.tableId, lin.room.sessionId);
    await dropped;
    await new Promise((resolve) => setTimeout(resolve, 200));

    const errors = vi.spyOn(console, "error");
    await server.close();
    // Anything a room still had to write would have failed on the closed store by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([]);

    const store = await openSqliteStore(server.sqliteFile);
    const events = (await store.events(ada.participant.tableId)).map((stored) => stored.event);
    await store.close();
    rmSync(server.dataDir, { recursive: true, force: true });
    const toBots = events.flatMap((event) =>
      "move" in event && event.move.kind === "setController" && event.move.controller.type === "bot"
        ? [event.move]
        : [],
    );
    expect(toBots).toEqual([]);
    expect(events.some((event) => "move" in event && event.move.kind === "chat")).toBe(true);
  });
});
