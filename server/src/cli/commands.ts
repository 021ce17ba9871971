import type { Command } from "./command.ts";
import { replayCommand } from "./replay.ts";
import { schemaCommand } from "./schema.ts";
import { simulateCommand } from "./simulate.ts";
import { tournamentCommand } from "./tournament.ts";
import { validateCommand } from "./validate.ts";

/** Every `parley` subcommand, in the order `parley --help` lists them. */
export const commands: readonly Command[] = [
  validateCommand,
  schemaCommand,
  simulateCommand,
  tournamentCommand,
  replayCommand,
];
