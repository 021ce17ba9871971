import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectStudent, createSession, joinSession } from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";

/**
 * A seat's rate limits are the seat's: a script that connects again and again (each time
 * with a fresh reservation) is limited as one connection would be.
 */
let server: TestServer;
beforeAll(async () => {
  server = await bootTestServer();
});
afterAll(() => server.stop());

describe("a seat's rate limits", () => {
  it("are not refilled by connecting again", async () => {
    const created = await createSession(server.url, {
      scenarioId: "us-china-tariffs",
      tables: 1,
      timing: { mode: "live", roundSeconds: 600 },
    });
    const ana = await joinSession(server.url, created.session.joinCode, "Ana", "usa");
    await http(server.url, "POST", `/sessions/${created.session.id}/control`, {
      token: created.instructorToken,
      body: { action: "start" },
    });
    let client = await connectStudent(server.url, ana.participantToken);
    await vi.waitFor(() => expect(client.seen.views.length).toBeGreaterThan(0));
    // The chat limit: five at once, then one every two seconds.
    for (let i = 0; i < 5; i++) client.room.send("move", { clientSeq: i, move: { kind: "chat", text: `line ${i}` } });
    await vi.waitFor(() => expect(client.seen.acks.length).toBe(5));
    const answers: string[] = [];
    for (let round = 0; round < 3; round++) {
      await client.room.leave();
      client = await connectStudent(server.url, ana.participantToken);
      await vi.waitFor(() => expect(client.seen.views.length).toBeGreaterThan(0));
      const { seen } = client;
      for (let i = 0; i < 2; i++)
        client.room.send("move", { clientSeq: 10 * round + i, move: { kind: "chat", text: `again ${round}.${i}` } });
      await vi.waitFor(() => expect(seen.acks.length + seen.rejected.length).toBe(2));
      answers.push(...seen.acks.map(() => "ack"), ...seen.rejected.map((r) => r.code));
    }
    // Six more lines within a second or two: at most one token came back meanwhile.
    expect(answers.filter((a) => a === "RateLimited").length).toBeGreaterThanOrEqual(5);
    await client.room.leave();
  });
});
