import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../server/src/store/store.ts";
import { createSession, joinSession } from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";

/**
 * An instructor's start or end that comes while students are still joining a session whose
 * tables fill as they come: every table, those the joins set up meanwhile included, must end
 * up as the control says, and a join after an end is refused.
 */
let server: TestServer;
beforeAll(async () => {
  // Students here join but never connect, so bots hold every seat: without a delay they played
  // a started table to its end before the test looked, when the machine was busy.
  server = await bootTestServer({ botDelayMs: 60_000 });
});
afterAll(() => server.stop());

async function autoSession() {
  const created = await createSession(server.url, {
    scenarioId: "us-china-tariffs",
    timing: { mode: "live", roundSeconds: 600 },
  });
  const token = created.instructorToken;
  const path = `/sessions/${created.session.id}`;
  return {
    code: created.session.joinCode,
    control: (action: string) => http(server.url, "POST", `${path}/control`, { token, body: { action } }),
    statuses: async () =>
      (await http<{ status: string }[]>(server.url, "GET", `${path}/tables`, { token })).body.map((t) => t.status),
    join: (name: string) =>
      http<{ code?: string }>(server.url, "POST", "/join", { body: { code: created.session.joinCode, name } }),
  };
}

/** Sends `count` joins and the control at once, the control among them; their answers. */
async function joinsAround(session: Awaited<ReturnType<typeof autoSession>>, action: string, count: number) {
  const names = Array.from({ length: count }, (_, i) => `Student ${action} ${i}`);
  const half = Math.floor(count / 2);
  const answers = await Promise.all([
    ...names.slice(0, half).map((n) => session.join(n)),
    session.control(action),
    ...names.slice(half).map((n) => session.join(n)),
  ]);
  return answers;
}

describe("controls and joins at the same moment", () => {
  it("a start reaches every table, those set up by the joins around it too", async () => {
    const session = await autoSession();
    const answers = await joinsAround(session, "start", 24);
    expect(answers.every((a) => a.status === 200 || a.status === 201)).toBe(true);
    const statuses = await session.statuses();
    expect(statuses.length).toBeGreaterThanOrEqual(12);
    expect(statuses.filter((s) => s !== "running")).toEqual([]);
  });

  it("an end reaches every table, and a join after it is refused", async () => {
    const session = await autoSession();
    expect((await session.control("start")).status).toBe(200);
    for (let i = 0; i < 4; i++) await joinSession(server.url, session.code, `Early ${i}`);
    const answers = await joinsAround(session, "end", 24);
    for (const answer of answers) expect([200, 201, 409], JSON.stringify(answer.body)).toContain(answer.status);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === "SessionEnded")).toBe(true);
    expect((await session.statuses()).filter((s) => s !== "ended")).toEqual([]);
    expect((await session.join("Too late")).body.code).toBe("SessionEnded");
  });
});

describe("a pause that comes while a start is still being stored", () => {
  it("pauses the started table", async () => {
    // A disk that takes 150 ms to store a table's clock.
    const slow = await bootTestServer({
      store: (store): Store => ({
        ...store,
        putRuntime: async (...args) => {
          await new Promise((resolve) => setTimeout(resolve, 150));
          return store.putRuntime(...args);
        },
      }),
    });
    try {
      const created = await createSession(slow.url, {
        scenarioId: "us-china-tariffs",
        tables: 1,
        timing: { mode: "live", roundSeconds: 600 },
      });
      const token = created.instructorToken;
      const path = `/sessions/${created.session.id}`;
      const control = (action: string) => http(slow.url, "POST", `${path}/control`, { token, body: { action } });
      const started = control("start");
      await new Promise((resolve) => setTimeout(resolve, 100));
      const paused = await control("pause");
      expect((await started).status).toBe(200);
      expect(paused.body).toEqual([expect.objectContaining({ result: { ok: true } })]);
      const tables = await http<{ status: string }[]>(slow.url, "GET", `${path}/tables`, { token });
      expect(tables.body.map((t) => t.status)).toEqual(["paused"]);
    } finally {
      await slow.stop();
    }
  });
});
