import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectStudent, createSession, joinSession } from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";

/**
 * A student's rate limits are hers: a script that connects again and again (each time with
 * a fresh reservation) is limited as one connection would be, and a student the instructor
 * seats in her place starts with limits of his own.
 */
let server: TestServer;
beforeAll(async () => {
  server = await bootTestServer();
});
afterAll(() => server.stop());

/** A started live U.S.–China session with these students joined, each in the seat named. */
async function started(students: Record<string, string>) {
  const created = await createSession(server.url, {
    scenarioId: "us-china-tariffs",
    tables: 1,
    timing: { mode: "live", roundSeconds: 600 },
  });
  const joined = [];
  for (const [name, seat] of Object.entries(students))
    joined.push(await joinSession(server.url, created.session.joinCode, name, seat));
  await http(server.url, "POST", `/sessions/${created.session.id}/control`, {
    token: created.instructorToken,
    body: { action: "start" },
  });
  return { created, joined };
}

/** A student's connection, once it holds its first view. */
async function connected(participantToken: string) {
  const client = await connectStudent(server.url, participantToken);
  await vi.waitFor(() => expect(client.seen.views.length).toBeGreaterThan(0));
  return client;
}

describe("a seat's rate limits", () => {
  it("are not refilled by connecting again", async () => {
    const {
      joined: [ana],
    } = await started({ Ana: "usa" });
    if (!ana) throw new Error("Ana did not join");
    let client = await connected(ana.participantToken);
    // The chat limit: five at once, then one every two seconds.
    for (let i = 0; i < 5; i++) client.room.send("move", { clientSeq: i, move: { kind: "chat", text: `line ${i}` } });
    await vi.waitFor(() => expect(client.seen.acks.length).toBe(5));
    const answers: string[] = [];
    for (let round = 0; round < 3; round++) {
      await client.room.leave();
      client = await connected(ana.participantToken);
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

  it("stay with the student, not the seat, when the instructor seats another there", async () => {
    const {
      created,
      joined: [ana, bo],
    } = await started({ Ana: "usa", Bo: "china" });
    if (!ana || !bo) throw new Error("they did not join");
    const first = await connected(ana.participantToken);
    for (let i = 0; i < 5; i++) first.room.send("move", { clientSeq: i, move: { kind: "chat", text: `Ana ${i}` } });
    await vi.waitFor(() => expect(first.seen.acks.length).toBe(5));
    // The instructor swaps them: Bo now holds the seat whose last student used up her chat.
    const moved = await http(
      server.url,
      "POST",
      `/sessions/${created.session.id}/participants/${bo.participant.id}/seat`,
      { token: created.instructorToken, body: { tableId: bo.participant.tableId, seat: "usa" } },
    );
    expect(moved.status).toBe(200);
    const bob = await connectStudent(server.url, bo.participantToken);
    await vi.waitFor(() => expect(bob.seen.views.at(-1)?.viewer).toBe("usa"));
    for (let i = 0; i < 3; i++) bob.room.send("move", { clientSeq: i, move: { kind: "chat", text: `Bo ${i}` } });
    await vi.waitFor(() => expect(bob.seen.acks.length + bob.seen.rejected.length).toBe(3));
    expect(bob.seen.rejected).toEqual([]);
    // Ana, now at China's unused seat, still has her own limits: a token every 2 s since her five.
    const again = await connectStudent(server.url, ana.participantToken);
    await vi.waitFor(() => expect(again.seen.views.at(-1)?.viewer).toBe("china"));
    for (let i = 0; i < 4; i++)
      again.room.send("move", { clientSeq: 10 + i, move: { kind: "chat", text: `Ana ${i}` } });
    await vi.waitFor(() => expect(again.seen.acks.length + again.seen.rejected.length).toBe(4));
    expect(again.seen.rejected.map((r) => r.code)).toContain("RateLimited");
    await Promise.all([bob.room.leave(), again.room.leave()]);
  });
});
