import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { edit, lineOf, validFixture } from "./fixture.ts";
import { repoRoot, shippedScenarioIds } from "./scenarioFiles.ts";

const bin = join(repoRoot, "server/bin/parley.js");

function parley(args: string[], cwd = repoRoot) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const work = mkdtempSync(join(tmpdir(), "parley-validate-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// The fixture's first line points editors to ./scenario.schema.json: give it one beside it.
copyFileSync(join(repoRoot, "scenarios/scenario.schema.json"), join(work, "scenario.schema.json"));

describe("parley validate", () => {
  it("passes the shipped scenarios with no warning and prints one OK line per file", () => {
    const { code, stdout } = parley(["validate", "--strict", "scenarios/"]);
    expect(code).toBe(0);
    for (const id of shippedScenarioIds) expect(stdout).toMatch(new RegExp(`^OK scenarios/${id}\\.yaml: `, "m"));
    expect(stdout).toContain("7 files: 7 valid, 0 invalid, 0 warnings.");
  });

  it("runs as `npx parley` from the repository root", () => {
    const result = spawnSync("npx", ["--no", "parley", "validate", "scenarios/us-china-tariffs.yaml"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("OK scenarios/us-china-tariffs.yaml");
  });

  it("prints every problem as file:line: field: message and exits with 1", () => {
    const broken = edit(
      validFixture,
      ["id: fixture", "id: broken"],
      ["    batna: 40\n    payoffs:\n      water: { low: 0", '    batna: "forty"\n    payoffs:\n      water: { low: 0'],
      ["confidentialBrief: Fish matter", "confidentialBreif: Fish matter"],
    );
    writeFileSync(join(work, "broken.yaml"), broken);
    writeFileSync(join(work, "fixture.yaml"), validFixture);
    const { code, stdout } = parley(["validate", "."], work);
    expect(code).toBe(1);
    const lines = stdout.trim().split("\n");
    expect(lines).toContain(
      `broken.yaml:${lineOf(broken, 'batna: "forty"')}: parties[0].batna: must be a number (found the text 'forty')`,
    );
    expect(lines).toContain(
      `broken.yaml:${lineOf(broken, "confidentialBreif")}: parties[1].confidentialBreif: unknown field 'confidentialBreif' (did you mean 'confidentialBrief'?)`,
    );
    expect(lines).toContain("OK fixture.yaml: Fixture");
    expect(lines.at(-1)).toBe("2 files: 1 valid, 1 invalid, 0 warnings.");
  });

  it("fails a file that is not UTF-8, naming its line, though it would read as a valid scenario", () => {
    const text = edit(validFixture, ["    publicBrief: Upstream state.", "    publicBrief: Upstr\u00e9am state."]);
    writeFileSync(join(work, "fixture.yaml"), Buffer.from(text, "latin1"));
    const { code, stdout } = parley(["validate", "fixture.yaml"], work);
    expect(code).toBe(1);
    expect(stdout).toContain(`fixture.yaml:${lineOf(text, "Upstr\u00e9am")}: byte 0xE9 is not UTF-8 text`);
    expect(stdout).not.toContain("OK fixture.yaml");
  });

  it("fails a file with warnings only under --strict", () => {
    const warned = edit(validFixture, ["  trust: 40\n", "  trust: 40\n  tension: 90\n"]);
    writeFileSync(join(work, "fixture.yaml"), warned);
    const plain = parley(["validate", "fixture.yaml"], work);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(`fixture.yaml:${lineOf(warned, "tension: 90")}: indicators.tension: warning: `);
    expect(plain.stdout).toContain("OK fixture.yaml: Fixture, 1 warning");
    const strict = parley(["validate", "--strict", "fixture.yaml"], work);
    expect(strict.code).toBe(1);
    expect(strict.stdout).not.toContain("OK fixture.yaml");
  });

  it("prints the numbers an author tunes with --stats", () => {
    writeFileSync(join(work, "fixture.yaml"), validFixture);
    const { code, stdout } = parley(["validate", "--stats", "fixture.yaml"], work);
    expect(code).toBe(0);
    expect(stdout).toContain("packages 18; agreement zone 5 (27.8%); every state above its BATNA in 5");
    expect(stdout).toContain("joint points: midpoint 120, best joint 160 (33.3% more), Nash 160");
    // Each state's priorities, most first: water for Upstream, fish for Downstream.
    expect(stdout).toContain("Upstream stakes (best minus worst option, per issue): water 60, fish 20, data 20");
    expect(stdout).toContain("Downstream stakes (best minus worst option, per issue): fish 60, water 20, data 20");
  });

  it("prints the numbers with --stats for a file the design checks fail, where its author needs them most", () => {
    // Downstream's BATNA above every package: no deal is possible.
    const noDeal = edit(validFixture, [
      "    batna: 40\n    payoffs:\n      water: { low: 20",
      "    batna: 500\n    payoffs:\n      water: { low: 20",
    ]);
    writeFileSync(join(work, "fixture.yaml"), noDeal);
    const { code, stdout } = parley(["validate", "--stats", "fixture.yaml"], work);
    expect(code).toBe(1);
    expect(stdout).toContain("no package gives every state more than its BATNA");
    expect(stdout).toContain("   the numbers of fixture.yaml, as written:");
    expect(stdout).toContain("   packages 18; agreement zone 0 (0%); every state above its BATNA in 0");
    expect(stdout).toContain(
      "   Downstream: best 100 (105 with creative options), worst 0, BATNA 500; midpoint 60, best joint 80",
    );
    expect(stdout).not.toContain("OK fixture.yaml");
    // A file whose fields are wrong has no numbers to print.
    writeFileSync(join(work, "fixture.yaml"), edit(validFixture, ["    batna: 40\n", '    batna: "forty"\n']));
    expect(parley(["validate", "--stats", "fixture.yaml"], work).stdout).not.toContain("packages 18");
  });

  it("warns when the first line's schema path points at nothing, with the path to write", () => {
    const own = join(work, "own");
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, "fixture.yaml"), validFixture);
    const { code, stdout } = parley(["validate", "fixture.yaml"], own);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `fixture.yaml:1: warning: the editor's schema './scenario.schema.json' is not there, so editors complete and check nothing as you type: write # yaml-language-server: $schema=${join(repoRoot, "scenarios/scenario.schema.json")}`,
    );
    expect(stdout).toContain("OK fixture.yaml: Fixture, 1 warning");
    // The line it suggests works.
    const fixed = validFixture.replace(
      "$schema=./scenario.schema.json",
      `$schema=${join(repoRoot, "scenarios/scenario.schema.json")}`,
    );
    writeFileSync(join(own, "fixture.yaml"), fixed);
    expect(parley(["validate", "fixture.yaml"], own).stdout).toContain("1 file: 1 valid, 0 invalid, 0 warnings.");
  });

  it("reports a missing path and a bad option as usage errors (exit 2)", () => {
    const missing = parley(["validate", "no-such-folder"], work);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file or folder: no-such-folder");
    const option = parley(["validate", "--frobnicate"], work);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("--frobnicate");
  });
});

describe("parley", () => {
  it("lists its commands and explains each one", () => {
    const overview = parley(["--help"]);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toMatch(/^ {2}validate {4}/m);
    expect(overview.stdout).toMatch(/^ {2}schema {6}/m);
    const help = parley(["validate", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("AgreementZone (error)");
    expect(help.stdout).toContain("IdMatchesFileName (error)");
  });

  it("rejects an unknown command", () => {
    const { code, stderr } = parley(["simulate-everything"]);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'simulate-everything'");
  });

  it("finds the checked-in JSON Schema up to date", () => {
    const { code, stdout } = parley(["schema", "--check"]);
    expect(code).toBe(0);
    expect(stdout).toContain("up to date");
  });
});
