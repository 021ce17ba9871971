import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  apply,
  type Controller,
  type GameEvent,
  type GameState,
  initialState,
  isSystemEvent,
  type LensOverrides,
  parseScenario,
  RULES_VERSION,
  rulesNotice,
  type Scenario,
  type SeatId,
  type TableReport,
  tableReport,
  validate,
  validateSystem,
} from "@parley/shared";
import { scenarioFromArgument, UsageError } from "./botArgs.ts";
import { type CliIO, type Command, exitCodes, parseCommandArgs } from "./command.ts";
import { scoresText } from "./gameText.ts";

const help = `Usage: parley replay FILE [--json] [--scenario ID|FILE.yaml]

Recomputes a game from its event log and prints the scores, then checks them against the
scores recorded in the file. FILE is either the JSON of \`parley simulate --json\` or a
table replay exported by the server as the instructor
(GET /api/sessions/:id/tables/:tableId/replay). Both carry the scenario the game was
played with, and the game is folded with it, even if the scenario's file has changed since
(older files name the scenario only: it is then read from scenarios/). Exits with 1 when
the recomputed scores differ from the recorded ones. When the file was played under other
rules (each file carries the rules version it was played under), it says so first.

Options:
  --scenario ID|FILE.yaml
                 the scenario to replay against instead (a shipped id, or a file)
  --json         print the recomputed report as JSON
  -h, --help     show this help`;

const options = {
  json: { type: "boolean", default: false },
  scenario: { type: "string" },
} as const;

interface Loaded {
  scenarioId: string;
  /** The scenario as the file recorded it, whole (absent in older files: their id only). */
  scenario?: unknown;
  seed: number;
  seats: SeatId[];
  controllers: Record<SeatId, Controller>;
  /** The session's lens weights the table was set up with, if any. */
  lenses?: LensOverrides;
  events: GameEvent[];
  /** The rules versions it was played under (null: made before versions were recorded). */
  played: (number | null)[];
  /** The scores the file recorded, to check against. */
  recorded?: Pick<TableReport, "scores" | "jointPoints" | "efficiency" | "lensWeights" | "lenses">;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads a simulation file or an instructor's table replay into what a fold needs. */
function load(text: string, name: string): Loaded {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${name} is not JSON.`);
  }
  if (!isObject(data)) throw new UsageError(`${name} is not a game: expected a JSON object.`);
  if (data.format === "parley-simulation") {
    const scenario = data.scenario;
    if (
      !isObject(scenario) ||
      typeof scenario.id !== "string" ||
      typeof data.seed !== "number" ||
      !Array.isArray(data.events)
    ) {
      throw new UsageError(`${name} is missing the scenario, seed or events of a simulation.`);
    }
    return {
      scenarioId: scenario.id,
      scenario: "parties" in scenario ? scenario : undefined,
      seed: data.seed,
      seats: data.seats as SeatId[],
      controllers: data.controllers as Record<SeatId, Controller>,
      events: data.events as GameEvent[],
      played: [typeof data.rulesVersion === "number" ? data.rulesVersion : null],
      recorded: isObject(data.report) ? (data.report as unknown as Loaded["recorded"]) : undefined,
    };
  }
  if (typeof data.scenarioId === "string" && Array.isArray(data.steps)) {
    const setup = data.setup;
    if (!isObject(setup) || typeof setup.seed !== "number") {
      throw new UsageError(
        `${name} has no table setup: export the replay as the instructor (?viewer=instructor), whose replay carries the seed and every event.`,
      );
    }
    const steps = data.steps as Json[];
    const events = steps.map((step) => step.event);
    if (events.some((e) => !isObject(e)))
      throw new UsageError(`${name} lacks raw events: export it as the instructor.`);
    const last = steps[steps.length - 1]?.view;
    const report = isObject(last) && isObject(last.report) ? last.report : undefined;
    return {
      scenarioId: data.scenarioId,
      scenario: setup.scenario,
      seed: setup.seed,
      seats: setup.seats as SeatId[],
      controllers: setup.controllers as Record<SeatId, Controller>,
      lenses: isObject(setup.lenses) ? (setup.lenses as LensOverrides) : undefined,
      events: events as GameEvent[],
      played:
        isObject(data.rules) && Array.isArray(data.rules.played) ? (data.rules.played as (number | null)[]) : [null],
      recorded: report as unknown as Loaded["recorded"],
    };
  }
  throw new UsageError(
    `${name} is neither a \`parley simulate --json\` game nor a table replay exported by the server.`,
  );
}

/** Differences between the recomputed scores and the recorded ones, in words. */
function differences(report: TableReport, recorded: NonNullable<Loaded["recorded"]>, state: GameState): string[] {
  const out: string[] = [];
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;
  for (const score of report.scores) {
    const then = recorded.scores?.find((s) => s.seat === score.seat);
    if (!then) {
      out.push(`${score.seat}: no recorded score`);
      continue;
    }
    if (!close(then.points, score.points)) out.push(`${score.seat}: points ${score.points}, recorded ${then.points}`);
    if (!close(then.batna, score.batna)) out.push(`${score.seat}: BATNA ${score.batna}, recorded ${then.batna}`);
    if (!close(then.surplus, score.surplus))
      out.push(`${score.seat}: over its BATNA ${score.surplus}, recorded ${then.surplus}`);
    const [a, b] = [score.normalised, then.normalised];
    if (a?.defined && b?.defined && !close(a.value, b.value))
      out.push(`${score.seat}: score (0–100) ${a.value}, recorded ${b.value}`);
  }
  if (!close(recorded.jointPoints ?? Number.NaN, report.jointPoints)) {
    out.push(`joint points ${report.jointPoints}, recorded ${recorded.jointPoints}`);
  }
  for (const seat of state.seats) {
    const now = report.lenses[seat];
    const then = recorded.lenses?.[seat];
    for (const lens of ["realist", "liberal"] as const) {
      const a = now?.[lens].score;
      const b = then?.[lens]?.score;
      if (a?.defined && b?.defined && !close(a.value, b.value))
        out.push(`${seat}: ${lens} ${a.value}, recorded ${b.value}`);
    }
  }
  return out;
}

/**
 * The scenario to fold with: the one given, else the one the file carries (the version that
 * was played), else the one of that id in scenarios/ (older files).
 */
function scenarioOf(loaded: Loaded, given: string | undefined, file: string, cwd: string): Scenario {
  if (given !== undefined) return scenarioFromArgument(given, cwd);
  if (loaded.scenario !== undefined) {
    const parsed = parseScenario(JSON.stringify(loaded.scenario), `${file} (its scenario)`);
    if (!parsed.ok) {
      const first = parsed.problems[0];
      throw new UsageError(
        `${file} carries a scenario that is not valid${first ? ` (${first.field}: ${first.message})` : ""}; give one with --scenario.`,
      );
    }
    return parsed.scenario;
  }
  try {
    return scenarioFromArgument(loaded.scenarioId, cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(
      `${error.message} ${file} names its scenario only: if it was played with a file of your own, give it with --scenario FILE.yaml.`,
    );
  }
}

function run(args: string[], io: CliIO): number {
  const parsed = parseCommandArgs("replay", args, options, io);
  if (!parsed) return exitCodes.usage;
  const { values, positionals } = parsed;
  try {
    const [file, extra] = positionals;
    if (!file) throw new UsageError("Name the file to replay: parley replay FILE.");
    if (extra !== undefined) throw new UsageError(`Unexpected argument '${extra}'.`);
    let text: string;
    try {
      text = readFileSync(resolve(io.cwd, file), "utf8");
    } catch {
      throw new UsageError(`No such file: ${file}`);
    }
    const loaded = load(text, file);
    const scenario = scenarioOf(loaded, values.scenario, file, io.cwd);
    let state: GameState;
    try {
      state = initialState(scenario, loaded.seed, {
        seats: loaded.seats,
        controllers: loaded.controllers,
        lenses: loaded.lenses,
      });
    } catch (error) {
      io.err(`parley replay: ${file} does not fit ${scenario.id}: ${(error as Error).message}`);
      return exitCodes.failed;
    }
    // Said first: a game played under other rules may fold differently, or not at all.
    const notice = rulesNotice(loaded.played);
    if (notice) io.err(`parley replay: ${notice}`);
    // Each event must be one the rules accept at its turn: a tampered log is refused, not folded.
    for (const event of loaded.events) {
      const check = isSystemEvent(event) ? validateSystem(state, event.move) : validate(state, event.by, event.move);
      if (!check.ok || event.seq !== state.seq) {
        const why = check.ok ? `its number is ${event.seq}, expected ${state.seq}` : check.rejection.message;
        const rules = notice ? ` under rules version ${RULES_VERSION}` : "";
        io.err(`parley replay: event ${event.seq} of ${file} is not a legal move at that point${rules}: ${why}`);
        return exitCodes.failed;
      }
      state = apply(state, event);
    }
    const lenses: LensOverrides | undefined = loaded.recorded?.lensWeights;
    const report = tableReport(state, { lenses });
    const diff = loaded.recorded ? differences(report, loaded.recorded, state) : [];
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            scenario: scenario.id,
            seed: loaded.seed,
            events: loaded.events.length,
            outcome: state.outcome ?? null,
            matchesRecorded: diff.length === 0,
            rules: { played: loaded.played, current: RULES_VERSION, ...(notice ? { notice } : {}) },
            report,
          },
          null,
          2,
        ),
      );
    } else {
      io.out(`${scenario.title}: replayed ${loaded.events.length} events (seed ${loaded.seed}).`);
      io.out("");
      for (const line of scoresText(state, report)) io.out(line);
      io.out("");
      io.out(
        !loaded.recorded
          ? "The file records no scores to compare with."
          : diff.length === 0
            ? "These are the scores the game recorded."
            : "The recomputed scores differ from the recorded ones:",
      );
    }
    for (const line of diff) io.err(`  ${line}`);
    if (diff.length > 0 && (values.scenario !== undefined || loaded.scenario === undefined))
      io.err(
        `  (replayed against ${values.scenario ?? `the scenario '${loaded.scenarioId}' of scenarios/`}: if it changed since the game was played, give its file as it was then, --scenario FILE.yaml)`,
      );
    return diff.length === 0 ? exitCodes.ok : exitCodes.failed;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`parley replay: ${error.message}`);
    return exitCodes.usage;
  }
}

export const replayCommand: Command = {
  name: "replay",
  summary: "recompute a game from its event log and check its scores",
  help,
  run,
};
