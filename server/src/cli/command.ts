import { type ParseArgsConfig, parseArgs } from "node:util";

/** Where a command writes and which folder relative paths start from (tests pass their own). */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
  /** A transient progress line on a terminal (absent when stderr is not one: no progress then). */
  progress?(line: string): void;
}

/** One `parley` subcommand. Each lives in its own file and is listed in commands.ts. */
export interface Command {
  name: string;
  /** One line for `parley --help`. */
  summary: string;
  /** The full help text for `parley NAME --help`. */
  help: string;
  /** Runs with the arguments after the command's name; returns the exit code. */
  run(args: string[], io: CliIO): Promise<number> | number;
}

/** Exit codes shared by every command. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * Parses a command's options and positional arguments strictly (an unknown option is an
 * error). On a usage error it tells the user and returns undefined; the command then
 * exits with `exitCodes.usage`.
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  command: string,
  args: string[],
  options: T,
  io: CliIO,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`parley ${command}: ${(error as Error).message}`);
    io.err(`Run \`parley ${command} --help\` for the options.`);
    return undefined;
  }
}
