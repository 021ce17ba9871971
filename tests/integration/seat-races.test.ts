import type { Controller } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Store } from "../../server/src/store/store.ts";
import { connectStudent, createSession, joinSession } from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";

/**
 * A student who reloads her page leaves her table and joins it again at once (the web
 * client does exactly that). Leaving queues a bot's takeover of her seat; on a busy disk
 * that change is still being stored when she is back, and she must end up playing her seat.
 */
let server: TestServer;
beforeAll(async () => {
  server = await bootTestServer({
    store: (store): Store => ({
      ...store,
      commitEvent: async (...args) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        return store.commitEvent(...args);
      },
    }),
  });
});
afterAll(() => server.stop());

type Seat = { seat: string; controller: Controller; connected: boolean };

describe("a seat left and joined again at once", () => {
  it("is its student's, not a bot's, once both changes are stored", async () => {
    const created = await createSession(server.url, {
      scenarioId: "us-china-tariffs",
      tables: 1,
      timing: { mode: "live", roundSeconds: 600 },
    });
    const token = created.instructorToken;
    const ana = await joinSession(server.url, created.session.joinCode, "Ana", "usa");
    const first = await connectStudent(server.url, ana.participantToken);
    await vi.waitFor(() => expect(first.seen.views.length).toBeGreaterThan(0));
    await http(server.url, "POST", `/sessions/${created.session.id}/control`, { token, body: { action: "start" } });
    const usa = async () => {
      const tables = await http<{ seats: Seat[] }[]>(server.url, "GET", `/sessions/${created.session.id}/tables`, {
        token,
      });
      return tables.body[0]?.seats.find((s) => s.seat === "usa");
    };
    await vi.waitFor(async () => expect((await usa())?.controller).toEqual({ type: "human", name: "Ana" }));

    // The reload: the old connection leaves, the new one joins while the takeover is stored.
    const left = first.room.leave(true);
    const again = await connectStudent(server.url, ana.participantToken);
    await left;
    await vi.waitFor(() => expect(again.seen.views.length).toBeGreaterThan(0));
    // Both changes stored (each takes 150 ms here), the seat is hers and she is online.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await usa()).toMatchObject({ controller: { type: "human", name: "Ana" }, connected: true });
    // Her moves are hers: a chat is acknowledged, and no bot moved for her.
    again.room.send("move", { clientSeq: 1, move: { kind: "chat", text: "Still here." } });
    await vi.waitFor(() => expect(again.seen.acks.map((a) => a.clientSeq)).toContain(1), { timeout: 3000 });
    await again.room.leave();
  });
});
