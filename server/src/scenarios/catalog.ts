import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseScenario, type Scenario, type ScenarioProblem } from "@parley/shared";

/** The repository's `scenarios/` folder. */
export const defaultScenarioDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../scenarios");

export interface ScenarioCatalog {
  get(id: string): Scenario | undefined;
  list(): Scenario[];
  problems: ScenarioProblem[];
}

/** Loads every `*.yaml` scenario of a folder; invalid files are reported, not served. */
export function loadCatalog(dir = defaultScenarioDir): ScenarioCatalog {
  const scenarios = new Map<string, Scenario>();
  const problems: ScenarioProblem[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".yaml") && !name.endsWith(".yml")) continue;
    const file = join(dir, name);
    const result = parseScenario(readFileSync(file, "utf8"), `scenarios/${name}`);
    if (result.ok) scenarios.set(result.scenario.id, result.scenario);
    else problems.push(...result.problems);
  }
  return {
    get: (id) => scenarios.get(id),
    list: () => [...scenarios.values()],
    problems,
  };
}
