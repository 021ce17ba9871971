import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Scenario, TableView } from "@parley/shared";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { ServerContext } from "../../server/src/context.ts";
import { defaultScenarioDir, loadCatalog } from "../../server/src/scenarios/catalog.ts";
import { scenarioOf } from "../../server/src/scenarios/versions.ts";
import { connectStudent, createSession, joinSession } from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";

/**
 * A session plays the scenario as it was when the session was set up. An author who edits a
 * scenario file (or removes it) between two classes changes the next sessions, not the
 * tables already played or still playing: their students' briefs, their scores and their
 * replays stay as they were.
 */
const work = mkdtempSync(join(tmpdir(), "parley-versions-"));
const scenarios = join(work, "scenarios");
const data = join(work, "data");
mkdirSync(scenarios);
mkdirSync(data);
const file = join(scenarios, "us-china-tariffs.yaml");
copyFileSync(join(defaultScenarioDir, "us-china-tariffs.yaml"), file);
const original = readFileSync(file, "utf8");

afterAll(() => rmSync(work, { recursive: true, force: true }));

const boot = () => bootTestServer({ dataDir: data, catalog: loadCatalog(scenarios) });

/** The scenario a table of a session plays, as its instructor's log export names it. */
async function scenarioOfTable(server: TestServer, session: { id: string }, token: string): Promise<Scenario> {
  const overview = await http<{ tables: { tableId: string }[] }>(server.url, "GET", `/sessions/${session.id}`, {
    token,
  });
  const tableId = overview.body.tables[0]?.tableId;
  const log = await http<{ scenario: Scenario }>(server.url, "GET", `/sessions/${session.id}/tables/${tableId}/log`, {
    token,
  });
  expect(log.status).toBe(200);
  return log.body.scenario;
}

const usaBatna = (scenario: Scenario) => scenario.parties.find((p) => p.id === "usa")?.batna;

async function ownBatna(server: TestServer, participantToken: string): Promise<number | undefined> {
  const { room, seen } = await connectStudent(server.url, participantToken);
  await vi.waitFor(() => expect(seen.views.length).toBeGreaterThan(0));
  const view = seen.views[seen.views.length - 1] as TableView;
  await room.leave();
  return view.me?.batna;
}

describe("scenario versions", () => {
  it("keep a session on the version it was set up with after its file is edited, then removed", async () => {
    expect(original).toContain("    batna: 42\n");
    let server = await boot();
    const before = await createSession(server.url, { scenarioId: "us-china-tariffs", tables: 1 });
    const ana = await joinSession(server.url, before.session.joinCode, "Ana", "usa");
    expect(await ownBatna(server, ana.participantToken)).toBe(42);
    await server.stop();

    // The author lowers the United States' no-deal value and renames the scenario and the party.
    writeFileSync(
      file,
      original
        .replace("    batna: 42\n", "    batna: 30\n")
        .replace(/^title: .*$/m, 'title: "Tariffs, revised"')
        .replace("    name: United States\n", "    name: USA\n"),
    );
    server = await boot();
    // The session set up before the edit: its brief, its export and its replay are as played.
    expect(await ownBatna(server, ana.participantToken)).toBe(42);
    expect(usaBatna(await scenarioOfTable(server, before.session, before.instructorToken))).toBe(42);
    const dashboard = await http<{ title: string }>(server.url, "GET", `/sessions/${before.session.id}/scenario`, {
      token: before.instructorToken,
    });
    expect(dashboard.body.title).toBe("U.S.–China: tariffs, chips and critical minerals");
    // Its lists name the scenario and the parties as they were: the overview, the participants, a student's own page.
    const overview = await http<{ session: { scenarioTitle: string }; participants: { party: string }[] }>(
      server.url,
      "GET",
      `/sessions/${before.session.id}`,
      { token: before.instructorToken },
    );
    expect(overview.body.session.scenarioTitle).toBe("U.S.–China: tariffs, chips and critical minerals");
    expect(overview.body.participants.map((p) => p.party)).toEqual(["United States"]);
    const me = await http<{ session: { scenarioTitle: string }; participant: { party: string } }>(
      server.url,
      "GET",
      "/me",
      { token: ana.participantToken },
    );
    expect([me.body.session.scenarioTitle, me.body.participant.party]).toEqual([
      "U.S.–China: tariffs, chips and critical minerals",
      "United States",
    ]);
    // A new session plays the file as it is now.
    const after = await createSession(server.url, { scenarioId: "us-china-tariffs", tables: 1 });
    const edited = await scenarioOfTable(server, after.session, after.instructorToken);
    expect(usaBatna(edited)).toBe(30);
    expect(edited.title).toBe("Tariffs, revised");
    expect(after.session).toMatchObject({ scenarioTitle: "Tariffs, revised" });
    const cleo = await joinSession(server.url, after.session.joinCode, "Cleo", "usa");
    expect(cleo.participant.party).toBe("USA");
    await server.stop();

    // The file is removed: no new session can choose it, and both sessions still play their own.
    rmSync(file);
    server = await boot();
    const listed = await http<{ id: string }[]>(server.url, "GET", "/scenarios");
    expect(listed.body.map((s) => s.id)).not.toContain("us-china-tariffs");
    expect(
      (await http(server.url, "POST", "/sessions", { body: { scenarioId: "us-china-tariffs", tables: 1 } })).status,
    ).toBe(404);
    expect(usaBatna(await scenarioOfTable(server, before.session, before.instructorToken))).toBe(42);
    expect(usaBatna(await scenarioOfTable(server, after.session, after.instructorToken))).toBe(30);
    const titles = await Promise.all(
      [before, after].map(async (c) => {
        const r = await http<{ title: string }>(server.url, "GET", `/sessions/${c.session.id}/scenario`, {
          token: c.instructorToken,
        });
        return r.body.title;
      }),
    );
    expect(titles).toEqual(["U.S.–China: tariffs, chips and critical minerals", "Tariffs, revised"]);
    // A student can still join the first session, sit at its table and read the brief it was played with.
    const ben = await joinSession(server.url, before.session.joinCode, "Ben", "china");
    const china = original.match(/- id: china[\s\S]*?\n {4}batna: (\d+)\n/)?.[1];
    expect(await ownBatna(server, ben.participantToken)).toBe(Number(china));
    const replay = await http(
      server.url,
      "GET",
      `/sessions/${before.session.id}/tables/${ana.participant.tableId}/replay`,
      {
        token: before.instructorToken,
      },
    );
    expect(replay.status).toBe(200);
    await server.stop();
  });

  it("play the catalog's current file for a session set up before versions were kept", async () => {
    const catalog = loadCatalog();
    const ctx = { catalog, store: { scenarioVersion: async () => undefined } } as unknown as ServerContext;
    expect(await scenarioOf(ctx, { scenarioId: "unsc-r2p", scenarioHash: null })).toBe(catalog.get("unsc-r2p"));
    expect(await scenarioOf(ctx, { scenarioId: "unsc-r2p" })).toBe(catalog.get("unsc-r2p"));
    // The current version by its hash is the catalog's own object (its tables share it).
    const hash = catalog.version("unsc-r2p")?.hash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await scenarioOf(ctx, { scenarioId: "unsc-r2p", scenarioHash: hash })).toBe(catalog.get("unsc-r2p"));
  });
});
