import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkScenario, encodingProblem, parseScenario, type Scenario, type ScenarioProblem } from "@parley/shared";
import type { ScenarioVersion } from "../store/store.ts";

/** The repository's `scenarios/` folder. */
export const defaultScenarioDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../scenarios");

export interface ScenarioCatalog {
  get(id: string): Scenario | undefined;
  list(): Scenario[];
  /** The file a scenario was read from, as a version to keep (see scenarios/versions.ts). */
  version(id: string): ScenarioVersion | undefined;
  /** Files not served: their problems. */
  problems: ScenarioProblem[];
  /**
   * What `parley validate` finds in served files of an instructor's own folders (with
   * `checkOwn`): errors of the design checks (no deal possible, nothing to trade…) and
   * warnings. They play as written, so they are served, and the server's log says so.
   */
  advice?: ScenarioProblem[];
}

export interface CatalogOptions {
  /**
   * Runs every check of `parley validate` on the files of folders other than scenarios/ (the
   * shipped ones pass them, as the tests check), for `advice`. It computes every package of
   * each file, so only the server's startup asks for it.
   */
  checkOwn?: boolean;
}

/** A scenario version's name: the SHA-256 of its file's text. */
function sourceHash(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}

/**
 * Loads every `*.yaml` scenario of a folder, or of several in turn (the shipped ones, then an
 * instructor's own: `SCENARIOS_DIR`); invalid files are reported, not served, and so is a
 * file whose id an earlier file already has.
 */
export function loadCatalog(
  dirs: string | readonly string[] = defaultScenarioDir,
  options: CatalogOptions = {},
): ScenarioCatalog {
  const scenarios = new Map<string, Scenario>();
  const versions = new Map<string, ScenarioVersion>();
  const files = new Map<string, string>();
  const problems: ScenarioProblem[] = [];
  const advice: ScenarioProblem[] = [];
  for (const dir of typeof dirs === "string" ? [dirs] : dirs) {
    const shown = (name: string) => (resolve(dir) === defaultScenarioDir ? `scenarios/${name}` : join(dir, name));
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith(".yaml") && !name.endsWith(".yml")) continue;
      const bytes = readFileSync(join(dir, name));
      const encoding = encodingProblem(bytes, shown(name));
      if (encoding) {
        problems.push(encoding);
        continue;
      }
      const source = bytes.toString("utf8");
      const result = parseScenario(source, shown(name));
      if (!result.ok) {
        problems.push(...result.problems);
        continue;
      }
      const { id } = result.scenario;
      const earlier = files.get(id);
      if (earlier !== undefined) {
        problems.push({
          file: shown(name),
          line: 1,
          field: "id",
          message: `'${id}' is already the id of ${earlier}: give this scenario another id (and file name)`,
          severity: "error",
        });
        continue;
      }
      if (options.checkOwn && resolve(dir) !== defaultScenarioDir)
        advice.push(...checkScenario(source, shown(name)).problems);
      files.set(id, shown(name));
      scenarios.set(id, result.scenario);
      versions.set(id, { hash: sourceHash(source), scenarioId: id, source });
    }
  }
  return {
    get: (id) => scenarios.get(id),
    list: () => [...scenarios.values()],
    version: (id) => versions.get(id),
    problems,
    ...(options.checkOwn ? { advice } : {}),
  };
}
