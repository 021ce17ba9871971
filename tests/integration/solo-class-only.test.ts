import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultScenarioDir, loadCatalog } from "../../server/src/scenarios/catalog.ts";
import { createSession, joinSession } from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";

/**
 * In a solo game a student picks any seat and reads its confidential brief. An author whose
 * briefs must stay secret from the class keeps the scenario for class sessions (`solo: false`).
 */
const dir = mkdtempSync(join(tmpdir(), "parley-class-only-"));
copyFileSync(join(defaultScenarioDir, "unsc-r2p.yaml"), join(dir, "unsc-r2p.yaml"));
const source = readFileSync(join(defaultScenarioDir, "us-china-tariffs.yaml"), "utf8");
writeFileSync(join(dir, "us-china-tariffs.yaml"), source.replace(/^recommended: .*$/m, "$&\nsolo: false"));

let server: TestServer;
beforeAll(async () => {
  const catalog = loadCatalog(dir);
  expect(catalog.problems).toEqual([]);
  server = await bootTestServer({ catalog });
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("a scenario kept for class sessions", () => {
  it("is refused for solo play, says so in the list, and is played in class as any other", async () => {
    const solo = await http<{ code: string }>(server.url, "POST", "/solo", {
      body: { scenarioId: "us-china-tariffs", seat: "china" },
    });
    expect(solo.status).toBe(403);
    expect(solo.body.code).toBe("ClassOnly");
    const listed = await http<{ id: string; solo: boolean }[]>(server.url, "GET", "/scenarios");
    expect(Object.fromEntries(listed.body.map((s) => [s.id, s.solo]))).toEqual({
      "unsc-r2p": true,
      "us-china-tariffs": false,
    });
    // The others stay open to solo play.
    expect((await http(server.url, "POST", "/solo", { body: { scenarioId: "unsc-r2p", seat: "usa" } })).status).toBe(
      201,
    );
    const created = await createSession(server.url, { scenarioId: "us-china-tariffs", tables: 1 });
    expect((await joinSession(server.url, created.session.joinCode, "Ana", "usa")).participant.seat).toBe("usa");
  });
});
