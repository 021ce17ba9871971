import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { RULES_VERSION, rulesNotice, simulateGame } from "@parley/shared";
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../scenarios/catalog.ts";
import type { StoredEvent, TableRecord } from "../store/store.ts";
import { buildReplay } from "../tables/replay.ts";
import type { CliIO } from "./command.ts";
import { runCli } from "./main.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const work = mkdtempSync(join(tmpdir(), "parley-bots-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function parley(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (line) => out.push(line), err: (line) => err.push(line), cwd: work };
  const code = await runCli(args, io);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("parley simulate", () => {
  it("gives the same JSON, byte for byte, for the same inputs (in separate processes)", () => {
    const bin = join(repoRoot, "server/bin/parley.js");
    const args = [
      bin,
      "simulate",
      "--scenario",
      "camp-david-1978",
      "--seed",
      "11",
      "--seats",
      "egypt=hardliner",
      "--json",
    ];
    const first = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: "utf8" });
    const second = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: "utf8" });
    expect(first.status).toBe(0);
    expect(first.stdout.length).toBeGreaterThan(1000);
    expect(second.stdout).toBe(first.stdout);
    const game = JSON.parse(first.stdout);
    // The named seat plays its persona; the others the default for their kind.
    expect(game.personas).toEqual({ egypt: "hardliner", israel: "titForTat", usa: "mediator" });
    expect(game.events.length).toBeGreaterThan(5);
    expect(game.report.scores.map((s: { seat: string }) => s.seat)).toEqual(["egypt", "israel", "usa"]);
  });

  it("prints the log with each bot's reasons, then the scores", async () => {
    const { code, stdout } = await parley("simulate", "--scenario", "us-china-tariffs", "--seed", "2");
    expect(code).toBe(0);
    expect(stdout).toContain("Round 1");
    expect(stdout).toMatch(/why: /);
    expect(stdout).toMatch(/party\s+points\s+0–100\s+surplus\s+BATNA\s+realist\s+liberal/);
    expect(stdout).toContain("efficiency");
  });

  it("shows a dash, and says why, where a third party has no score, BATNA or lens", async () => {
    const { code, stdout } = await parley("simulate", "--scenario", "camp-david-1978", "--seed", "3");
    expect(code).toBe(0);
    expect(stdout).not.toContain("undefined");
    const row = (name: string) => stdout.split("\n").find((line) => line.startsWith(name)) ?? "";
    // Points, then a dash for the 0–100 score, the surplus, the BATNA and both lenses.
    expect(row("United States (mediator)")).toMatch(/^United States \(mediator\)\s+\d+\.\d(\s+—){5}$/);
    expect(row("Egypt")).toMatch(/^Egypt(\s+-?\d+\.\d){6}$/);
    expect(stdout).toContain("— United States (mediator): a third party is not bound by the deal");
  });

  it("refuses an unknown seat or persona with a clear message and exit code 2", async () => {
    const seat = await parley(
      "simulate",
      "--scenario",
      "us-china-tariffs",
      "--seed",
      "1",
      "--seats",
      "japan=hardliner",
    );
    expect(seat.code).toBe(2);
    expect(seat.stderr).toContain("'japan' is not a seat of us-china-tariffs. Seats: usa, china.");
    const persona = await parley("simulate", "--scenario", "us-china-tariffs", "--seed", "1", "--seats", "usa=bully");
    expect(persona.code).toBe(2);
    expect(persona.stderr).toContain("'bully' is not a bot persona. Choose from: hardliner, conceder");
    const scenario = await parley("simulate", "--scenario", "atlantis", "--seed", "1");
    expect(scenario.stderr).toContain("Unknown scenario 'atlantis'");
    const seed = await parley("simulate", "--scenario", "us-china-tariffs");
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain("Give --seed N.");
  });
});

describe("parley replay", () => {
  it("recomputes a simulated game and finds the scores it recorded", async () => {
    const simulated = await parley("simulate", "--scenario", "indus-waters", "--seed", "5", "--json");
    writeFileSync(join(work, "game.json"), simulated.stdout);
    const { code, stdout } = await parley("replay", "game.json");
    expect(code).toBe(0);
    expect(stdout).toContain("These are the scores the game recorded.");
  });

  it("refuses a log with an illegal move, and reports scores that differ", async () => {
    const game = JSON.parse(
      (await parley("simulate", "--scenario", "us-china-tariffs", "--seed", "4", "--json")).stdout,
    );
    const tampered = structuredClone(game);
    tampered.events[1].move = { kind: "accept", proposalId: "p999" };
    writeFileSync(join(work, "tampered.json"), JSON.stringify(tampered));
    const refused = await parley("replay", "tampered.json");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "event 1 of tampered.json is not a legal move at that point: There is no proposal 'p999'.",
    );

    const inflated = structuredClone(game);
    inflated.report.scores[0].points += 10;
    writeFileSync(join(work, "inflated.json"), JSON.stringify(inflated));
    const differs = await parley("replay", "inflated.json");
    expect(differs.code).toBe(1);
    expect(differs.stdout).toContain("The recomputed scores differ from the recorded ones:");
    expect(differs.stderr).toMatch(/usa: points [\d.]+, recorded [\d.]+/);
  });

  it("reads a table replay the server exports for the instructor", async () => {
    const scenario = loadCatalog().get("us-china-tariffs");
    if (!scenario) throw new Error("scenario missing");
    const game = simulateGame({ scenario, seed: 9, bots: { usa: "legalist", china: "legalist" } });
    const record: TableRecord = {
      id: "t1",
      scenarioId: scenario.id,
      seed: 9,
      seats: game.seats,
      controllers: game.controllers,
      createdAt: "2026-01-01T00:00:00.000Z",
    };
    const stored: StoredEvent[] = game.events.map((event) => ({
      event,
      at: "2026-01-01T00:00:00.000Z",
      rulesVersion: RULES_VERSION,
    }));
    writeFileSync(join(work, "instructor.json"), JSON.stringify(buildReplay(scenario, record, stored, "instructor")));
    const replayed = await parley("replay", "instructor.json", "--json");
    expect(replayed.code).toBe(0);
    expect(JSON.parse(replayed.stdout).matchesRecorded).toBe(true);
    expect(replayed.stderr).toBe("");

    // The same table stored under older rules: it says so first, then checks the scores as before.
    const older = stored.map((e) => ({ ...e, rulesVersion: RULES_VERSION - 1 }));
    writeFileSync(join(work, "older.json"), JSON.stringify(buildReplay(scenario, record, older, "instructor")));
    const underOlder = await parley("replay", "older.json", "--json");
    expect(underOlder.code).toBe(0);
    expect(underOlder.stderr).toBe(`parley replay: ${rulesNotice([RULES_VERSION - 1])}`);
    expect(JSON.parse(underOlder.stdout).rules).toEqual({
      played: [RULES_VERSION - 1],
      current: RULES_VERSION,
      notice: rulesNotice([RULES_VERSION - 1]),
    });

    writeFileSync(join(work, "seat.json"), JSON.stringify(buildReplay(scenario, record, stored, "usa")));
    const seatView = await parley("replay", "seat.json");
    expect(seatView.code).toBe(2);
    expect(seatView.stderr).toContain("export the replay as the instructor");
  });
});

describe("parley simulate with a scenario file of one's own", () => {
  it("refuses a file that is not UTF-8, with its line, as parley validate does", async () => {
    const source = readFileSync(join(repoRoot, "scenarios/us-china-tariffs.yaml"), "utf8")
      .replace("id: us-china-tariffs", "id: latin1")
      .replace("title: ", "title: Pékin, ");
    writeFileSync(join(work, "latin1.yaml"), Buffer.from(source, "latin1"));
    const line = source.split("\n").findIndex((l) => l.includes("Pékin")) + 1;
    const result = await parley("simulate", "--scenario", "latin1.yaml", "--seed", "1");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `latin1.yaml is not a valid scenario: latin1.yaml:${line}: byte 0xE9 is not UTF-8 text`,
    );
  });
});

describe("parley replay, when the scenario's file changed after the game", () => {
  /** A scenario file of one's own: the U.S.–China case under another id, with the U.S. BATNA given. */
  function ownScenario(batna: number) {
    const source = readFileSync(join(repoRoot, "scenarios/us-china-tariffs.yaml"), "utf8")
      .replace("id: us-china-tariffs", "id: my-case")
      .replace("batna: 42", `batna: ${batna}`);
    writeFileSync(join(work, "my-case.yaml"), source);
  }

  it("folds a simulated game with the scenario it was played with, whatever the file says now", async () => {
    ownScenario(42);
    const simulated = await parley("simulate", "--scenario", "my-case.yaml", "--seed", "3", "--json");
    expect(simulated.code).toBe(0);
    writeFileSync(join(work, "own.json"), simulated.stdout);
    ownScenario(50); // the author edits the file after the game

    const replayed = await parley("replay", "own.json");
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toContain("These are the scores the game recorded.");

    // Against the edited file, on request: the changed BATNA is a difference, and it says why it may be.
    const edited = await parley("replay", "own.json", "--scenario", "my-case.yaml");
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain("The recomputed scores differ from the recorded ones:");
    expect(edited.stderr).toMatch(/usa: BATNA [\d.]+, recorded [\d.]+/);
    expect(edited.stderr).toMatch(/usa: over its BATNA -?[\d.]+, recorded -?[\d.]+/);
    expect(edited.stderr).toContain("if it changed since the game was played, give its file as it was then");
  });

  it("tells an older file naming a scenario of one's own how to give it", async () => {
    ownScenario(42);
    const game = JSON.parse((await parley("simulate", "--scenario", "my-case.yaml", "--seed", "3", "--json")).stdout);
    game.scenario = { id: game.scenario.id, title: game.scenario.title }; // as files were before
    writeFileSync(join(work, "older-own.json"), JSON.stringify(game));
    const unknown = await parley("replay", "older-own.json");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown scenario 'my-case'");
    expect(unknown.stderr).toContain("give it with --scenario FILE.yaml");
    const given = await parley("replay", "older-own.json", "--scenario", "my-case.yaml");
    expect(given.code).toBe(0);
  });

  it("folds a table replay with the scenario its session kept, not the file of that id", async () => {
    const shipped = loadCatalog().get("us-china-tariffs");
    if (!shipped) throw new Error("scenario missing");
    // The session kept a version whose U.S. BATNA differs from today's file.
    const kept = structuredClone(shipped);
    const usa = kept.parties.find((p) => p.id === "usa");
    if (!usa) throw new Error("no usa");
    usa.batna += 8;
    const game = simulateGame({ scenario: kept, seed: 9, bots: { usa: "integrator", china: "hardliner" } });
    const record: TableRecord = {
      id: "t2",
      scenarioId: kept.id,
      seed: 9,
      seats: game.seats,
      controllers: game.controllers,
      createdAt: "2026-01-01T00:00:00.000Z",
    };
    const stored = game.events.map((event) => ({ event, at: "2026-01-01T00:00:00.000Z", rulesVersion: RULES_VERSION }));
    writeFileSync(join(work, "kept.json"), JSON.stringify(buildReplay(kept, record, stored, "instructor")));
    const replayed = await parley("replay", "kept.json", "--json");
    expect(replayed.code).toBe(0);
    expect(JSON.parse(replayed.stdout).matchesRecorded).toBe(true);
    // Against today's file the BATNA differs, and replay says so.
    const today = await parley("replay", "kept.json", "--scenario", "us-china-tariffs");
    expect(today.code).toBe(1);
    expect(today.stderr).toMatch(/usa: BATNA [\d.]+, recorded [\d.]+/);
  });
});

describe("parley tournament", () => {
  it("prints each persona's mean and spread under both lenses, as CSV, the same on every run", async () => {
    const args = [
      "tournament",
      "--scenario",
      "india-us-trade-2025",
      "--personas",
      "hardliner,integrator",
      "--games",
      "3",
      "--seed",
      "7",
      "--csv",
    ];
    const first = await parley(...args);
    const second = await parley(...args);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const lines = first.stdout.split("\n");
    expect(lines[0]).toBe(
      "scenario,persona,seat_games,realist_mean,realist_sd,liberal_mean,liberal_sd,agreement_rate,efficiency,trust,tension",
    );
    // Two states, two personas: four ordered pairs × 3 games, each persona 12 seat-games.
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 3).join(","))).toEqual([
      "india-us-trade-2025,hardliner,12",
      "india-us-trade-2025,integrator,12",
    ]);
  });

  it("covers every scenario with --scenario all and reports as JSON", async () => {
    const { code, stdout } = await parley(
      "tournament",
      "--scenario",
      "all",
      "--personas",
      "conceder",
      "--games",
      "1",
      "--json",
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.scenarios.map((s: { id: string }) => s.id)).toEqual(
      loadCatalog()
        .list()
        .map((s) => s.id),
    );
    expect(result.illegalMoves).toBe(0);
    for (const s of result.scenarios) expect(s.personas[0].realist.mean).not.toBeNull();
  });

  it("refuses --json with --csv", async () => {
    const { code, stderr } = await parley("tournament", "--scenario", "us-china-tariffs", "--json", "--csv");
    expect(code).toBe(2);
    expect(stderr).toContain("Choose --json or --csv, not both.");
  });
});
