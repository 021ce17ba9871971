import { rmSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openSqliteStore } from "../../server/src/store/sqlite.ts";
import { connectStudent, createSession, joinSession, lastView } from "../helpers/classroom.ts";
import { bootTestServer, http } from "../helpers/server.ts";

afterEach(() => vi.restoreAllMocks());

describe("closing the server in the middle of a live session", () => {
  it("hands no student's seat to a bot and writes nothing after the store has closed", async () => {
    const server = await bootTestServer({ reconnectSeconds: 30 });
    const created = await createSession(server.url, {
      scenarioId: "us-china-tariffs",
      timing: { mode: "live", roundSeconds: 900 },
    });
    const ada = await joinSession(server.url, created.session.joinCode, "Ada");
    const lin = await joinSession(server.url, created.session.joinCode, "Lin");
    const adaClient = await connectStudent(server.url, ada.participantToken);
    const linClient = await connectStudent(server.url, lin.participantToken);
    await http(server.url, "POST", `/sessions/${created.session.id}/control`, {
      token: created.instructorToken,
      body: { action: "start" },
    });
    await vi.waitFor(() => expect(lastView(adaClient.seen).phase).toBe("playing"));
    adaClient.room.reconnection.enabled = false;
    linClient.room.reconnection.enabled = false;
    adaClient.room.send("move", { clientSeq: 1, move: { kind: "chat", text: "before the restart" } });
    await vi.waitFor(() => expect(adaClient.seen.acks).toHaveLength(1));

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
