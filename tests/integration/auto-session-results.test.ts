import type { TableView } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { classOf, connectStudent, joinSession } from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";

/**
 * A session whose tables fill as students come ("auto", the default) can always open one
 * more table for a latecomer, who plays the same parties. So a student whose table ends
 * first learns nothing of the others' secrets until the instructor ends the session, even
 * when, for a moment, every table there is has ended.
 */
let server: TestServer;
beforeAll(async () => {
  server = await bootTestServer();
});
afterAll(() => server.stop());

/** A started session (tables as the class fills unless `settings` say otherwise), and its instructor's calls. */
async function startedSession(settings: Record<string, unknown> = {}) {
  const { created, instructor } = await classOf(server.url, [], {
    timing: { mode: "live", roundSeconds: 600 },
    ...settings,
  });
  const control = (body: Record<string, unknown>) => instructor("POST", "/control", body);
  const status = async () => ((await instructor("GET", "")).body.session as { status: string }).status;
  return { created, control, instructor, status };
}

/**
 * A student who joins, sits at a new table and walks away at once, ending it; its results held
 * (`held`) or open at once (a session with a set number of tables).
 */
async function earlyLeaver(code: string, { held = true } = {}) {
  const joined = await joinSession(server.url, code, "Early", "usa");
  const client = await connectStudent(server.url, joined.participantToken);
  await vi.waitFor(() => expect(client.seen.views.length).toBeGreaterThan(0));
  client.room.send("move", { clientSeq: 1, move: { kind: "walkAway" } });
  const last = () => client.seen.views.at(-1) as TableView;
  await vi.waitFor(() => expect(last()).toMatchObject({ phase: "ended", ...(held ? { resultsHeld: true } : {}) }));
  const log = () => http<{ code?: string }>(server.url, "GET", "/me/log", { token: joined.participantToken });
  return { joined, client, last, log };
}

describe("the results of a session whose tables fill as students come", () => {
  it("stay held while a latecomer can still open a table, and open when the instructor ends the session", async () => {
    const { created, control, status } = await startedSession();
    const early = await earlyLeaver(created.session.joinCode);
    // Every table there is has ended, yet the results stay held: more students may come.
    expect(await status()).toBe("running");
    const refused = await early.log();
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("SessionNotEnded");
    // They do come, and play the same parties at a new table.
    const late = [
      await joinSession(server.url, created.session.joinCode, "Lin", "usa"),
      await joinSession(server.url, created.session.joinCode, "Mo", "china"),
    ];
    expect(late.map((j) => j.participant.tableId)).toEqual([
      late[0]?.participant.tableId,
      late[0]?.participant.tableId,
    ]);
    expect(late[0]?.participant.tableId).not.toBe(early.joined.participant.tableId);
    expect((await early.log()).status).toBe(409);
    expect(early.last().resultsHeld).toBe(true);

    expect((await control({ action: "end" })).status).toBe(200);
    await vi.waitFor(() => expect(early.last().resultsHeld).toBeUndefined());
    expect((await early.log()).status).toBe(200);
    await early.client.room.leave();
  });

  it("open at a table that had ended before, when the instructor ends a session whose tables had all ended", async () => {
    const { created, control } = await startedSession();
    const early = await earlyLeaver(created.session.joinCode);
    expect((await control({ action: "end" })).status).toBe(200);
    // Nothing ended now: the end of the session itself opens the results at the table.
    await vi.waitFor(() => expect(early.last().resultsHeld).toBeUndefined());
    expect(early.last().scores).toHaveLength(2);
    expect((await early.log()).status).toBe(200);
    await early.client.room.leave();
  });
});

describe("a session with a set number of tables", () => {
  it("is over once every table has ended: its status and exports say ended, without the instructor's End", async () => {
    const { created, instructor, status } = await startedSession({ tables: 1 });
    expect(await status()).toBe("running");

    const early = await earlyLeaver(created.session.joinCode, { held: false });
    // Its only table has ended: the results are open, and the session reads as ended.
    await vi.waitFor(() => expect(early.last().resultsHeld).toBeUndefined());
    expect(await status()).toBe("ended");
    expect(((await instructor("GET", "/export.json")).body.session as { status: string }).status).toBe("ended");
    await early.client.room.leave();
  });
});
