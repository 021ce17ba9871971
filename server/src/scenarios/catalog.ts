import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseScenario, type Scenario, type ScenarioProblem } from "@parley/shared";
import type { ScenarioVersion } from "../store/store.ts";

/** The repository's `scenarios/` folder. */
export const defaultScenarioDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../scenarios");

export interface ScenarioCatalog {
  get(id: string): Scenario | undefined;
  list(): Scenario[];
  /** The file a scenario was read from, as a version to keep (see scenarios/versions.ts). */
  version(id: string): ScenarioVersion | undefined;
  problems: ScenarioProblem[];
}

/** A scenario version's name: the SHA-256 of its file's text. */
function sourceHash(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}

/** Loads every `*.yaml` scenario of a folder; invalid files are reported, not served. */
export function loadCatalog(dir = defaultScenarioDir): ScenarioCatalog {
  const scenarios = new Map<string, Scenario>();
  const versions = new Map<string, ScenarioVersion>();
  const problems: ScenarioProblem[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".yaml") && !name.endsWith(".yml")) continue;
    const file = join(dir, name);
    const source = readFileSync(file, "utf8");
    const result = parseScenario(source, `scenarios/${name}`);
    if (result.ok) {
      scenarios.set(result.scenario.id, result.scenario);
      versions.set(result.scenario.id, { hash: sourceHash(source), scenarioId: result.scenario.id, source });
    } else problems.push(...result.problems);
  }
  return {
    get: (id) => scenarios.get(id),
    list: () => [...scenarios.values()],
    version: (id) => versions.get(id),
    problems,
  };
}
