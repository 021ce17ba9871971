import { readFileSync } from "node:fs";
import { type GameEvent, initialState, loadScenario, replay, tableReport } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectStudent, createSession, joinSession, lastView } from "../helpers/classroom.ts";
import { bootTestServer, http, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await bootTestServer({ botDelayMs: 0 });
});
afterAll(async () => {
  await server.stop();
});

interface ExportRow {
  participant: string;
  seat: string;
  realist: number | null;
  liberal: number | null;
}

/**
 * A session's lens weights are part of each table's setup, so every path scores alike: the
 * student's end screen, the instructor's raw log folded locally, and the gradebook export.
 */
describe("session lens weights", () => {
  it("score the end screen, the folded log and the export with the same weights", async () => {
    const weights = { liberal: { own: 1, joint: 0, trust: 3, legitimacy: 0 }, realist: { own: 1, relative: 0 } };
    const created = await createSession(server.url, {
      scenarioId: "us-china-tariffs",
      timing: { mode: "live", roundSeconds: 600 },
      botPersonas: ["simple"],
      lensWeights: weights,
    });
    const instructor = (method: string, path: string, body?: unknown) =>
      http(server.url, method, `/sessions/${created.session.id}${path}`, { token: created.instructorToken, body });
    const ada = await joinSession(server.url, created.session.joinCode, "Ada", "usa");
    const { room, seen } = await connectStudent(server.url, ada.participantToken);
    await instructor("POST", "/control", { action: "start" });
    await instructor("POST", "/control", { action: "end" });
    await vi.waitFor(() => expect(lastView(seen).phase).toBe("ended"));
    const endScreen = lastView(seen).report?.lenses.usa;
    expect(endScreen?.liberal.score.defined).toBe(true);

    const log = (await instructor("GET", `/tables/${ada.participant.tableId}/log`)).body as unknown as {
      seed: number;
      seats: string[];
      lenses: typeof weights;
      events: { event: GameEvent }[];
    };
    expect(log.lenses).toEqual(weights);
    const scenario = loadScenario(readFileSync("scenarios/us-china-tariffs.yaml", "utf8"));
    const folded = replay(
      initialState(scenario, log.seed, { seats: log.seats, lenses: log.lenses }),
      log.events.map((e) => e.event),
    );
    const report = tableReport(folded);
    expect(report.lensWeights.liberal).toEqual(weights.liberal);
    expect(report.lenses.usa).toEqual(endScreen);

    const rows = ((await instructor("GET", "/export.json")).body as unknown as { rows: ExportRow[] }).rows;
    const row = rows.find((r) => r.participant === "Ada");
    const liberal = report.lenses.usa?.liberal.score;
    const realist = report.lenses.usa?.realist.score;
    expect(row?.liberal).toBeCloseTo(liberal?.defined ? liberal.value : Number.NaN, 2);
    expect(row?.realist).toBeCloseTo(realist?.defined ? realist.value : Number.NaN, 2);

    // The scenario's own weights would score the same table differently.
    const unweighted = tableReport(
      replay(
        initialState(scenario, log.seed, { seats: log.seats }),
        log.events.map((e) => e.event),
      ),
    );
    expect(unweighted.lenses.usa?.liberal.score).not.toEqual(liberal);
    await room.leave();
  });
});
