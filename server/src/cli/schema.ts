import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { scenarioJsonSchemaText } from "@parley/shared";
import { defaultScenarioDir } from "../scenarios/catalog.ts";
import { type Command, exitCodes, parseCommandArgs } from "./command.ts";

/** Where the checked-in JSON Schema lives; scenario files point at it in their first line. */
export const schemaFile = join(defaultScenarioDir, "scenario.schema.json");

const help = `Usage: parley schema [--write | --check] [file]

The JSON Schema of scenario files, generated from the same definition that validates them,
for editors (YAML language server) to complete and check fields while you write.

Options:
  --write    write it to the file (default: scenarios/scenario.schema.json)
  --check    exit with 1 when the file is out of date
  (neither)  print it
  -h, --help show this help`;

const options = {
  write: { type: "boolean", default: false },
  check: { type: "boolean", default: false },
} as const;

export const schemaCommand: Command = {
  name: "schema",
  summary: "print, write or check the JSON Schema of scenario files",
  help,
  run(args, io) {
    const parsed = parseCommandArgs("schema", args, options, io);
    if (!parsed) return exitCodes.usage;
    const { values, positionals } = parsed;
    const target = positionals[0] ? resolve(io.cwd, positionals[0]) : schemaFile;
    const text = scenarioJsonSchemaText();
    if (values.write) {
      writeFileSync(target, text);
      io.out(`Wrote ${relative(io.cwd, target) || target}`);
      return exitCodes.ok;
    }
    if (values.check) {
      let current = "";
      try {
        current = readFileSync(target, "utf8");
      } catch {
        // A missing file is simply out of date.
      }
      if (current === text) {
        io.out(`${relative(io.cwd, target) || target} is up to date.`);
        return exitCodes.ok;
      }
      io.err(`${target} is out of date: run \`npm run scenarios:schema\` (parley schema --write).`);
      return exitCodes.failed;
    }
    io.out(text.trimEnd());
    return exitCodes.ok;
  },
};
