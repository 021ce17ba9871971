import {
  defaultPersonaFor,
  RULES_VERSION,
  type Scenario,
  type SimulatedGame,
  simulateGame,
  tableReport,
} from "@parley/shared";
import { integerArgument, scenarioFromArgument, seatsFromArgument, UsageError } from "./botArgs.ts";
import { type CliIO, type Command, exitCodes, parseCommandArgs } from "./command.ts";
import { logText, scoresText } from "./gameText.ts";

const help = `Usage: parley simulate --scenario ID --seed N [--seats SEAT=PERSONA,...] [--json]

Plays one game in which bots hold every seat, and prints its log (with each bot's reason
for its moves) and the scores the debrief shows. The same options give the same game,
byte for byte.

Options:
  --scenario ID    a scenario id from scenarios/ (or a path to a .yaml file)
  --seed N         the table's seed: it draws court rulings and the bots' own dice
  --seats LIST     personas for some seats, e.g. usa=hardliner,china=integrator; a seat
                   not named plays the default for its kind of party (a state
                   tit-for-tat, a mediator the mediator, an NGO the Track II builder)
  --json           print the game as JSON: setup, every event, the outcome and the
                   full score report (\`parley replay\` reads it back)
  -h, --help       show this help

Personas: hardliner, conceder, titForTat, integrator, legalist, mediator, trackTwo.`;

const options = {
  scenario: { type: "string" },
  seed: { type: "string" },
  seats: { type: "string" },
  json: { type: "boolean", default: false },
} as const;

/** The JSON `parley simulate --json` prints and `parley replay` reads. */
export interface SimulationFile {
  format: "parley-simulation";
  version: 1;
  /** The rules version it was played under (RULES_VERSION); absent in files from before versions. */
  rulesVersion: number;
  /**
   * The scenario it was played with, whole (files from before this carry its id and title
   * only), so that `parley replay` folds the game with it even after its file changed.
   */
  scenario: Scenario;
  seed: number;
  seats: string[];
  personas: Record<string, string>;
  controllers: SimulatedGame["controllers"];
  events: SimulatedGame["events"];
  outcome: SimulatedGame["state"]["outcome"] | null;
  report: ReturnType<typeof tableReport>;
}

export function simulationFile(scenario: Scenario, game: SimulatedGame): SimulationFile {
  return {
    format: "parley-simulation",
    version: 1,
    rulesVersion: RULES_VERSION,
    scenario,
    seed: game.seed,
    seats: game.seats,
    personas: Object.fromEntries(game.seats.map((s) => [s, game.bots[s]?.persona ?? ""])),
    controllers: game.controllers,
    events: game.events,
    outcome: game.state.outcome ?? null,
    report: tableReport(game.state),
  };
}

function run(args: string[], io: CliIO): number {
  const parsed = parseCommandArgs("simulate", args, options, io);
  if (!parsed) return exitCodes.usage;
  const { values, positionals } = parsed;
  try {
    if (positionals.length > 0) throw new UsageError(`Unexpected argument '${positionals[0]}'.`);
    const scenario = scenarioFromArgument(values.scenario, io.cwd);
    const seed = integerArgument(values.seed, "seed");
    const named = seatsFromArgument(values.seats, scenario);
    const bots = Object.fromEntries(scenario.parties.map((p) => [p.id, named[p.id] ?? defaultPersonaFor(p.kind)]));
    const game = simulateGame({ scenario, seed, bots });
    if (values.json) {
      io.out(JSON.stringify(simulationFile(scenario, game), null, 2));
      return exitCodes.ok;
    }
    io.out(`${scenario.title}: seed ${seed}`);
    io.out(`Seats: ${scenario.parties.map((p) => `${p.name} (${p.id}) ${bots[p.id]}`).join("; ")}`);
    for (const line of logText(game.state)) io.out(line);
    io.out("");
    for (const line of scoresText(game.state, tableReport(game.state))) io.out(line);
    if (game.illegal.length > 0)
      io.err(`parley simulate: the rules refused ${game.illegal.length} bot move(s) (a bug).`);
    return game.illegal.length > 0 ? exitCodes.failed : exitCodes.ok;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`parley simulate: ${error.message}`);
    return exitCodes.usage;
  }
}

export const simulateCommand: Command = {
  name: "simulate",
  summary: "play one game with bots in every seat and print its log and scores",
  help,
  run,
};
