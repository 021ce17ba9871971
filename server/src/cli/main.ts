import { type CliIO, exitCodes } from "./command.ts";
import { commands } from "./commands.ts";

const overview = () =>
  [
    "Usage: parley <command> [options]",
    "",
    "Parley's command line: check and study negotiation scenarios, and play them with bots.",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(12)}${c.summary}`),
    "",
    "Run `parley <command> --help` for a command's options.",
  ].join("\n");

const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h";

/** Runs `parley ARGS`: dispatches to the subcommand and returns the exit code. */
export async function runCli(args: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || isHelp(name)) {
    io.out(overview());
    return name === undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (name === "help") {
    const topic = commands.find((c) => c.name === rest[0]);
    io.out(topic ? topic.help : overview());
    return exitCodes.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`parley: unknown command '${name}'.`);
    io.err(overview());
    return exitCodes.usage;
  }
  if (rest.some(isHelp)) {
    io.out(command.help);
    return exitCodes.ok;
  }
  return command.run(rest, io);
}

/** The process's own IO: what the `parley` bin uses. */
export const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  ...(process.stderr.isTTY ? { progress: (line: string) => process.stderr.write(`\r\x1b[2K${line}`) } : {}),
};
