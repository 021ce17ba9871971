import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const scenarioDir = join(repoRoot, "scenarios");

/** The seven scenarios the library ships, by id (= file name). */
export const shippedScenarioIds = [
  "arctic-track-two",
  "camp-david-1978",
  "india-us-trade-2025",
  "indus-waters",
  "russia-ukraine-mediation",
  "unsc-r2p",
  "us-china-tariffs",
];

export function scenarioFileNames(): string[] {
  return readdirSync(scenarioDir)
    .filter((name) => name.endsWith(".yaml"))
    .sort();
}

export function readScenarioFile(name: string): string {
  return readFileSync(join(scenarioDir, name), "utf8");
}
