import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, joinSession } from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await bootTestServer();
});
afterAll(() => server.stop());

describe("joining with a name already taken", () => {
  it("is refused before anything is set up, whatever case, width or invisible characters it uses", async () => {
    // Tables fill as students come (auto): a third student would open a second table.
    const created = await createSession(server.url, { scenarioId: "us-china-tariffs" });
    const { joinCode } = created.session;
    await joinSession(server.url, joinCode, "Ann");
    await joinSession(server.url, joinCode, "Ben");
    const tables = async () =>
      (
        await http<unknown[]>(server.url, "GET", `/sessions/${created.session.id}/tables`, {
          token: created.instructorToken,
        })
      ).body.length;
    expect(await tables()).toBe(1);
    for (const name of ["ann", "ＡＮＮ", "An\u200bn", "\u2060Ann"]) {
      const refused = await http<{ code: string }>(server.url, "POST", "/join", { body: { code: joinCode, name } });
      expect(refused.status, name).toBe(409);
      expect(refused.body.code, name).toBe("NameTaken");
    }
    // Refused, it set up no table (an unfinished one would hold back every student's results).
    expect(await tables()).toBe(1);
    await joinSession(server.url, joinCode, "Cy");
    expect(await tables()).toBe(2);
  });
});

describe("the address students join at", () => {
  it("is not offered by a server that listens on this computer only, nor through a proxy", async () => {
    // The test server listens on 127.0.0.1: no other device can reach it at any address.
    const direct = await fetch(`${server.url}/api/addresses`);
    expect(direct.status).toBe(200);
    expect(await direct.json()).toEqual({ addresses: [] });
    const proxied = await fetch(`${server.url}/api/addresses`, { headers: { "x-forwarded-for": "198.51.100.4" } });
    expect(await proxied.json()).toEqual({ addresses: [] });
  });
});
