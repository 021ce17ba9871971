import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Store } from "../../server/src/store/store.ts";
import { lastView, startSolo } from "../helpers/classroom.ts";
import { bootTestServer, type TestServer } from "../helpers/server.ts";

/**
 * Bots decide from the table as it is, then wait for their move to be stored. Under load
 * a write takes a while; events arriving meanwhile (a student's chat) must not make a bot
 * decide again from the same, stale table and send a move it has already made.
 */
let server: TestServer;
let url = "";
const errors = vi.spyOn(console, "error");

beforeAll(async () => {
  // A disk that takes 40 ms per move, as a busy one would.
  server = await bootTestServer({
    store: (store): Store => ({
      ...store,
      appendEvent: async (...args) => {
        await new Promise((resolve) => setTimeout(resolve, 40));
        return store.appendEvent(...args);
      },
      commitEvent: async (...args) => {
        await new Promise((resolve) => setTimeout(resolve, 40));
        return store.commitEvent(...args);
      },
    }),
  });
  url = server.url;
});
afterAll(() => server.stop());

describe("bots on a slow disk", () => {
  it("never send a move decided from a table that has moved on", async () => {
    const { room, seen } = await startSolo(url, {
      scenarioId: "unsc-r2p",
      seat: "usa",
      name: "Ada",
      seed: 11,
      personas: Object.fromEntries(
        ["uk", "france", "russia", "china", "african-member", "neighbour-member", "nonaligned-member"].map((s) => [
          s,
          "simple",
        ]),
      ),
    });
    await vi.waitFor(() => expect(seen.views.length).toBeGreaterThan(0));
    const seats = lastView(seen).parties.map((p) => p.id);
    expect(seats).toContain("usa");
    let clientSeq = 0;
    for (let round = 1; round <= 3; round++) {
      // Chat while the bots' moves are being written: every chat is an event of its own.
      for (let i = 0; i < 4; i++)
        room.send("move", { clientSeq: ++clientSeq, move: { kind: "chat", text: `r${round}.${i}` } });
      room.send("move", { clientSeq: ++clientSeq, move: { kind: "pass" } });
      await vi.waitFor(() => expect(lastView(seen).round).toBeGreaterThan(round), { timeout: 15_000 });
    }
    const illegal = errors.mock.calls.filter((call) => String(call[0]).includes("made an illegal move"));
    expect(illegal).toEqual([]);
    await room.leave();
  });
});
