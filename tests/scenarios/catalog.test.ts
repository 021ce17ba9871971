import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { formatProblem } from "@parley/shared";
import { afterAll, describe, expect, it } from "vitest";
import { configFromEnv } from "../../server/src/config.ts";
import { defaultScenarioDir, loadCatalog } from "../../server/src/scenarios/catalog.ts";
import { shippedScenarioIds } from "./scenarioFiles.ts";

describe("the server's scenario catalog", () => {
  it("loads all seven scenarios and skips none", () => {
    const catalog = loadCatalog();
    expect(catalog.problems).toEqual([]);
    expect(
      catalog
        .list()
        .map((s) => s.id)
        .sort(),
    ).toEqual(shippedScenarioIds);
    for (const id of shippedScenarioIds) expect(catalog.get(id)?.id).toBe(id);
  });
});

describe("an instructor's own scenarios (SCENARIOS_DIR)", () => {
  const own = mkdtempSync(join(tmpdir(), "parley-own-"));
  const shipped = readFileSync(join(defaultScenarioDir, "us-china-tariffs.yaml"), "utf8");
  writeFileSync(join(own, "my-case.yaml"), shipped.replace("id: us-china-tariffs", "id: my-case"));
  // The same id as a shipped scenario: which would a session play?
  writeFileSync(join(own, "us-china-copy.yaml"), shipped);
  afterAll(() => rmSync(own, { recursive: true, force: true }));

  it("are served besides the shipped ones; an id already taken is reported with both files, not served", () => {
    const catalog = loadCatalog([defaultScenarioDir, own]);
    expect(catalog.get("my-case")?.title).toBe(catalog.get("us-china-tariffs")?.title);
    expect(catalog.list()).toHaveLength(shippedScenarioIds.length + 1);
    expect(catalog.problems.map(formatProblem)).toEqual([
      `${join(own, "us-china-copy.yaml")}:1: id: 'us-china-tariffs' is already the id of scenarios/us-china-tariffs.yaml: give this scenario another id (and file name)`,
    ]);
  });

  it("are read from the folders SCENARIOS_DIR names; a wrong folder stops the server with a clear error", () => {
    expect(configFromEnv({ SCENARIOS_DIR: own }).scenarioDirs).toEqual([own]);
    expect(configFromEnv({ SCENARIOS_DIR: `${own}${delimiter}${own}` }).scenarioDirs).toEqual([own, own]);
    expect(configFromEnv({}).scenarioDirs).toEqual([]);
    expect(() => configFromEnv({ SCENARIOS_DIR: join(own, "nowhere") })).toThrow(
      `SCENARIOS_DIR: '${join(own, "nowhere")}' is not a folder (give the folder that holds your scenario files).`,
    );
  });
});

describe("a scenario file the server cannot serve as written", () => {
  const own = mkdtempSync(join(tmpdir(), "parley-own-"));
  const shipped = readFileSync(join(defaultScenarioDir, "us-china-tariffs.yaml"), "utf8");
  // Saved by an editor in Latin-1: "Pékin" (é is the one byte 0xE9).
  const latin1 = shipped.replace("id: us-china-tariffs", "id: latin1").replace("title: ", "title: Pékin, ");
  writeFileSync(join(own, "latin1.yaml"), Buffer.from(latin1, "latin1"));
  afterAll(() => rmSync(own, { recursive: true, force: true }));

  it("is not served when it is not UTF-8 (players would read '�'), and the log says which line and what to do", () => {
    const catalog = loadCatalog([defaultScenarioDir, own]);
    expect(catalog.get("latin1")).toBeUndefined();
    expect(catalog.list()).toHaveLength(shippedScenarioIds.length);
    const line = latin1.split("\n").findIndex((l) => l.includes("Pékin")) + 1;
    expect(catalog.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${join(own, "latin1.yaml")}:${line}: byte 0xE9 is not UTF-8 text .*save it again with the encoding UTF-8`,
        ),
      ),
    ]);
  });
});

describe("an instructor's own scenario that plays but that parley validate fails", () => {
  const own = mkdtempSync(join(tmpdir(), "parley-own-"));
  const shipped = readFileSync(join(defaultScenarioDir, "us-china-tariffs.yaml"), "utf8");
  writeFileSync(join(own, "my-case.yaml"), shipped.replace("id: us-china-tariffs", "id: my-case"));
  // A BATNA above every package: the table can never agree.
  const noDeal = shipped.replace("id: us-china-tariffs", "id: no-deal").replace(/batna: \d+/, "batna: 500");
  writeFileSync(join(own, "no-deal.yaml"), noDeal);
  afterAll(() => rmSync(own, { recursive: true, force: true }));

  it("is served, and the server's startup says what the validator says, as it says it", () => {
    const catalog = loadCatalog([defaultScenarioDir, own], { checkOwn: true });
    expect(catalog.get("no-deal")).toBeDefined();
    expect(catalog.problems).toEqual([]);
    const file = join(own, "no-deal.yaml");
    const batnaLine = noDeal.split("\n").findIndex((l) => l.includes("batna: 500")) + 1;
    const advice = (catalog.advice ?? []).map(formatProblem);
    expect(advice).toContain(
      `${file}:${batnaLine}: parties[0].batna: BATNA 500 is not below this party's best package (100): no agreement can tempt it`,
    );
    expect(advice.some((line) => line.includes("no package gives every state more than its BATNA"))).toBe(true);
    // The valid copy and the shipped files have nothing to report.
    expect(advice.every((line) => line.startsWith(`${file}:`))).toBe(true);
  });

  it("is not checked when the caller does not ask (tests and tools load catalogs often)", () => {
    expect(loadCatalog([defaultScenarioDir, own]).advice).toBeUndefined();
  });
});
