import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  encodingProblem,
  formatProblem,
  isPersonaId,
  loadScenario,
  personaIds,
  type Scenario,
  type SeatId,
} from "@parley/shared";
import { loadCatalog } from "../scenarios/catalog.ts";

/** A user's mistake in a command's arguments, with the message to print. */
export class UsageError extends Error {}

/**
 * The scenario a command names: an id from the repository's scenarios/ folder, or a path
 * to a scenario file (anything ending in .yaml or .yml).
 */
export function scenarioFromArgument(value: string | undefined, cwd: string): Scenario {
  if (!value) throw new UsageError("Name a scenario with --scenario ID (for example --scenario us-china-tariffs).");
  if (value.endsWith(".yaml") || value.endsWith(".yml")) {
    const file = resolve(cwd, value);
    if (!existsSync(file)) throw new UsageError(`No such scenario file: ${value}`);
    const bytes = readFileSync(file);
    const encoding = encodingProblem(bytes, value);
    if (encoding) throw new UsageError(`${value} is not a valid scenario: ${formatProblem(encoding)}`);
    try {
      return loadScenario(bytes.toString("utf8"), value);
    } catch (error) {
      throw new UsageError(
        `${value} is not a valid scenario (run \`parley validate ${value}\`): ${(error as Error).message}`,
      );
    }
  }
  const catalog = loadCatalog();
  const scenario = catalog.get(value);
  if (!scenario) {
    const known = catalog
      .list()
      .map((s) => s.id)
      .join(", ");
    throw new UsageError(`Unknown scenario '${value}'. Choose from: ${known}.`);
  }
  return scenario;
}

/** Every scenario of the repository's scenarios/ folder. */
export function allScenarios(): Scenario[] {
  return loadCatalog().list();
}

export function checkPersona(id: string): string {
  if (!isPersonaId(id)) throw new UsageError(`'${id}' is not a bot persona. Choose from: ${personaIds.join(", ")}.`);
  return id;
}

/** `usa=hardliner,china=integrator` → seat → persona, checked against the scenario. */
export function seatsFromArgument(value: string | undefined, scenario: Scenario): Record<SeatId, string> {
  const out: Record<SeatId, string> = {};
  if (!value) return out;
  const seats = scenario.parties.map((p) => p.id);
  for (const pair of value.split(",").filter((p) => p.trim() !== "")) {
    const [seat, persona, extra] = pair.split("=").map((s) => s.trim());
    if (!seat || !persona || extra !== undefined) {
      throw new UsageError(`'${pair}' should be SEAT=PERSONA (for example usa=hardliner).`);
    }
    if (!seats.includes(seat))
      throw new UsageError(`'${seat}' is not a seat of ${scenario.id}. Seats: ${seats.join(", ")}.`);
    out[seat] = checkPersona(persona);
  }
  return out;
}

/** A whole number from an option, or the default. */
export function integerArgument(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`Give --${name} N.`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number (got '${value}').`);
  return n;
}
