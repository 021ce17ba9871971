import {
  assignments,
  type GameResult,
  gameSeed,
  meanAndSpread,
  type PersonaSummary,
  playMatch,
  type Scenario,
  summarisePersonas,
} from "@parley/shared";
import { allScenarios, checkPersona, integerArgument, scenarioFromArgument, UsageError } from "./botArgs.ts";
import { type CliIO, type Command, exitCodes, parseCommandArgs } from "./command.ts";

const statePersonas = ["hardliner", "conceder", "titForTat", "integrator", "legalist", "trackTwo"];

const help = `Usage: parley tournament --scenario ID|all [--personas LIST] [--games N] [--seed N] [--json|--csv]

Plays every assignment of the personas to a scenario's states, many games each, and prints
each persona's results: its mean score and spread (standard deviation) under the realist and
the liberal lens, how often its games ended in an agreement binding it, and the joint
efficiency, trust and tension of the tables it sat at. With two states every ordered pair
plays; with more, each state in turn plays one persona while the others play another.
Mediator and NGO seats play their default personas. The same options give the same numbers.

Options:
  --scenario ID|all  a scenario id from scenarios/ (or a .yaml path), or all of them
  --personas LIST    comma-separated personas (default: ${statePersonas.join(",")})
  --games N          games per assignment (default 20)
  --seed N           the tournament's seed (default 1)
  --json             print the results as JSON
  --csv              print one CSV row per scenario and persona
  -h, --help         show this help

A progress bar shows on a terminal (on stderr).`;

const options = {
  scenario: { type: "string" },
  personas: { type: "string" },
  games: { type: "string" },
  seed: { type: "string" },
  json: { type: "boolean", default: false },
  csv: { type: "boolean", default: false },
} as const;

interface ScenarioResults {
  scenario: Scenario;
  assignments: number;
  games: GameResult[];
  personas: PersonaSummary[];
}

const num = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? "" : (Math.round(value * 10 ** digits) / 10 ** digits).toFixed(digits);

function textTable(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  "));
}

function scenarioText(result: ScenarioResults): string[] {
  const agreed = result.games.filter((g) => g.agreement).length;
  const lines = [
    `${result.scenario.title} (${result.scenario.id}): ${result.assignments} assignments, ${result.games.length} games, agreement in ${num((100 * agreed) / Math.max(1, result.games.length))} %`,
  ];
  const rows = [
    ["persona", "seat-games", "realist", "± sd", "liberal", "± sd", "agreement %", "efficiency", "trust", "tension"],
  ];
  const sorted = [...result.personas].sort((a, b) => (b.realist.mean ?? 0) - (a.realist.mean ?? 0));
  for (const p of sorted) {
    rows.push([
      p.persona,
      String(p.seatGames),
      num(p.realist.mean),
      num(p.realist.sd),
      num(p.liberal.mean),
      num(p.liberal.sd),
      num(100 * p.agreementRate),
      num(p.efficiency),
      num(p.trust),
      num(p.tension),
    ]);
  }
  return [...lines, ...textTable(rows), ""];
}

const csvHeader =
  "scenario,persona,seat_games,realist_mean,realist_sd,liberal_mean,liberal_sd,agreement_rate,efficiency,trust,tension";

function csvRows(result: ScenarioResults): string[] {
  return result.personas.map((p) =>
    [
      result.scenario.id,
      p.persona,
      p.seatGames,
      num(p.realist.mean, 3),
      num(p.realist.sd, 3),
      num(p.liberal.mean, 3),
      num(p.liberal.sd, 3),
      num(p.agreementRate, 4),
      num(p.efficiency, 3),
      num(p.trust, 3),
      num(p.tension, 3),
    ].join(","),
  );
}

function run(args: string[], io: CliIO): number {
  const parsed = parseCommandArgs("tournament", args, options, io);
  if (!parsed) return exitCodes.usage;
  const { values, positionals } = parsed;
  try {
    if (positionals.length > 0) throw new UsageError(`Unexpected argument '${positionals[0]}'.`);
    if (values.json && values.csv) throw new UsageError("Choose --json or --csv, not both.");
    const scenarios = values.scenario === "all" ? allScenarios() : [scenarioFromArgument(values.scenario, io.cwd)];
    const personas = (values.personas ?? statePersonas.join(","))
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "")
      .map(checkPersona);
    if (personas.length === 0) throw new UsageError("Name at least one persona with --personas.");
    const games = integerArgument(values.games, "games", 20);
    if (games < 1) throw new UsageError("--games must be at least 1.");
    const seed = integerArgument(values.seed, "seed", 1);

    const plan = scenarios.map((scenario) => ({ scenario, list: assignments(scenario, personas) }));
    const total = plan.reduce((sum, p) => sum + p.list.length * games, 0);
    let done = 0;
    const started = Date.now();
    const results: ScenarioResults[] = plan.map(({ scenario, list }) => {
      const played: GameResult[] = [];
      for (const assignment of list) {
        for (let g = 0; g < games; g++) {
          played.push(playMatch({ scenario, assignment, seed: gameSeed(seed, scenario.id, assignment, g) }));
          done++;
          if (io.progress && (done % 10 === 0 || done === total)) {
            const width = 30;
            const filled = Math.round((width * done) / total);
            const eta =
              done < total ? ` ${Math.ceil((((Date.now() - started) / done) * (total - done)) / 1000)} s left` : "";
            io.progress(
              `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} games, ${scenario.id}${eta}`,
            );
          }
        }
      }
      return { scenario, assignments: list.length, games: played, personas: summarisePersonas(scenario.id, played) };
    });
    io.progress?.("");
    const illegal = results.reduce((sum, r) => sum + r.games.reduce((s, g) => s + g.illegal, 0), 0);

    if (values.json) {
      io.out(
        JSON.stringify(
          {
            seed,
            gamesPerAssignment: games,
            personas,
            scenarios: results.map((r) => ({
              id: r.scenario.id,
              assignments: r.assignments,
              games: r.games.length,
              agreementRate: r.games.filter((g) => g.agreement).length / Math.max(1, r.games.length),
              efficiency: meanAndSpread(r.games.map((g) => g.efficiency)),
              personas: r.personas,
            })),
            illegalMoves: illegal,
          },
          null,
          2,
        ),
      );
    } else if (values.csv) {
      io.out(csvHeader);
      for (const r of results) for (const row of csvRows(r)) io.out(row);
    } else {
      io.out(`Tournament: ${personas.join(", ")}; ${games} games per assignment; seed ${seed}.`);
      io.out("");
      for (const r of results) for (const line of scenarioText(r)) io.out(line);
      io.out("Scores are 0–100 (lens weights from each scenario); seat-games count a persona once per seat per game.");
    }
    if (illegal > 0) io.err(`parley tournament: the rules refused ${illegal} bot move(s) (a bug).`);
    return illegal > 0 ? exitCodes.failed : exitCodes.ok;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`parley tournament: ${error.message}`);
    return exitCodes.usage;
  }
}

export const tournamentCommand: Command = {
  name: "tournament",
  summary: "pit bot personas against each other over many seeded games",
  help,
  run,
};
