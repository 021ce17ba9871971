import { parseScenario, type Scenario } from "@parley/shared";
import type { ServerContext } from "../context.ts";
import { failure, type Result } from "../sessions/problem.ts";

/** A session or table: the scenario it plays, and the version it was set up with, if kept. */
export interface PlaysScenario {
  scenarioId: string;
  scenarioHash?: string | null;
}

/** Scenario versions parsed so far, by hash (a version never changes, so neither does its parse). */
const parsed = new Map<string, Scenario>();

/**
 * Keeps the catalog's current version of a scenario in the store, for a session about to be
 * set up with it, and returns its hash (undefined for a scenario not read from a file).
 */
export async function keepScenarioVersion(ctx: ServerContext, scenarioId: string): Promise<string | undefined> {
  const version = ctx.catalog.version(scenarioId);
  if (!version) return undefined;
  await ctx.store.putScenarioVersion(version);
  return version.hash;
}

/**
 * The scenario a session or table plays: the version it was set up with, even after its
 * file was edited or removed, so that a table resumes, replays and scores as it was played.
 * Sessions from before versions were kept play the catalog's current version. Undefined when
 * neither is there.
 */
export async function scenarioOf(ctx: ServerContext, of: PlaysScenario): Promise<Scenario | undefined> {
  const current = ctx.catalog.get(of.scenarioId);
  const hash = of.scenarioHash;
  if (!hash || ctx.catalog.version(of.scenarioId)?.hash === hash) return current;
  const known = parsed.get(hash);
  if (known) return known;
  const version = await ctx.store.scenarioVersion(hash);
  if (!version) {
    console.error(`Scenario version ${hash} of '${of.scenarioId}' is not in the database; using the current file`);
    return current;
  }
  const result = parseScenario(version.source, `scenarios/${version.scenarioId} (version ${hash.slice(0, 12)})`);
  if (!result.ok) {
    // Only a change of the scenario format itself can do this: the version was valid when kept.
    const first = result.problems[0];
    console.error(
      `Scenario version ${hash.slice(0, 12)} of '${of.scenarioId}' no longer parses (${first?.field ?? ""}: ${first?.message ?? ""}); using the current file`,
    );
    return current;
  }
  parsed.set(hash, result.scenario);
  return result.scenario;
}

/** The refusal when `scenarioOf` finds neither the version a session or table was set up with nor its file. */
export const scenarioMissing = <T = never>(of: "session" | "table"): Result<T> =>
  failure(503, "ScenarioMissing", `This ${of}'s scenario is not available on the server.`);
