import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import {
  checkScenario,
  encodingProblem,
  formatProblem,
  lintChecks,
  type ScenarioCheck,
  type ScenarioProblem,
} from "@parley/shared";
import { defaultScenarioDir } from "../scenarios/catalog.ts";
import { type CliIO, type Command, exitCodes, parseCommandArgs } from "./command.ts";
import { describeAnalysis } from "./stats.ts";

const help = `Usage: parley validate [options] [files or folders...]

Checks scenario files: their encoding (UTF-8), YAML syntax, the schema, every id reference, and the lints below,
in that order; each stage runs once those before it pass (a file with mistakes of several
kinds takes a run for each). Prints every problem the first failing stage finds as
\`file:line: field: message\`, and one OK line per valid file.
Exits with 1 when any file is invalid (or, with --strict, has warnings); 2 on bad usage.
A folder means every .yaml/.yml file directly inside it; no argument means the
repository's scenarios/ folder.

Options:
  --strict   treat warnings as errors
  --stats    print each file's numbers (best packages, BATNAs, midpoint,
             best joint package, agreement zone, Nash point, stakes), also when
             the design checks fail it, as long as its fields and ids are right
  --quiet    print only problems and the summary
  -h, --help show this help

Lints (errors make a file invalid; warnings follow the authoring guide's advice):
${lintChecks.map((c) => `  ${c.name} (${c.severity}): ${c.description}`).join("\n")}
  IdMatchesFileName (error): The scenario's id is its file name (scenarios/ID.yaml).
  SchemaPath (warning): The first line's $schema names a file that exists (in a folder of
    your own, the path of Parley's scenarios/scenario.schema.json).`;

function scenarioFilesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".yaml") || name.endsWith(".yml"))
    .sort()
    .map((name) => join(folder, name));
}

/** Expands the arguments into files; a missing path is a usage error. */
function collectFiles(paths: string[], io: CliIO): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const absolute = resolve(io.cwd, path);
    let stats: ReturnType<typeof statSync> | undefined;
    try {
      stats = statSync(absolute);
    } catch {
      missing.push(path);
      continue;
    }
    if (stats.isDirectory()) files.push(...scenarioFilesIn(absolute));
    else files.push(absolute);
  }
  return { files, missing };
}

/** How a file is named in messages: relative to where the command runs, when it is inside. */
function displayName(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith("..") || isAbsolute(rel) ? file : rel.split("\\").join("/");
}

/** Checks one file: its encoding, then everything checkScenario checks, then its schema line. */
function checkFile(file: string, name: string): ScenarioCheck {
  const bytes = readFileSync(file);
  const encoding = encodingProblem(bytes, name);
  if (encoding) return { ok: false, problems: [encoding] };
  const source = bytes.toString("utf8");
  const check = checkScenario(source, name);
  const schemaLine = schemaLineProblem(source, file, name);
  return schemaLine ? { ...check, problems: [schemaLine, ...check.problems] } : check;
}

const schemaFile = join(defaultScenarioDir, "scenario.schema.json");

/**
 * The first line that points editors to the JSON Schema, copied into a folder of one's own,
 * points at nothing: the editor then silently completes and checks nothing.
 */
function schemaLineProblem(source: string, file: string, name: string): ScenarioProblem | undefined {
  const lines = source.split(/\r?\n/);
  const index = lines.findIndex((line) => /^#\s*yaml-language-server:\s*\$schema=/.test(line));
  const target = index < 0 ? undefined : /\$schema=(\S+)/.exec(lines[index] ?? "")?.[1];
  if (target === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return undefined;
  if (existsSync(resolve(dirname(file), target))) return undefined;
  return {
    file: name,
    line: index + 1,
    field: "",
    message: `the editor's schema '${target}' is not there, so editors complete and check nothing as you type: write # yaml-language-server: $schema=${schemaFile}`,
    severity: "warning",
    check: "SchemaPath",
  };
}

const options = {
  strict: { type: "boolean", default: false },
  stats: { type: "boolean", default: false },
  quiet: { type: "boolean", default: false },
} as const;

export const validateCommand: Command = {
  name: "validate",
  summary: "check scenario files and print every problem with its file, line and field",
  help,
  run(args, io) {
    const parsed = parseCommandArgs("validate", args, options, io);
    if (!parsed) return exitCodes.usage;
    const { values, positionals } = parsed;
    const { files, missing } = collectFiles(positionals.length > 0 ? positionals : [defaultScenarioDir], io);
    for (const path of missing) io.err(`parley validate: no such file or folder: ${path}`);
    if (missing.length > 0) return exitCodes.usage;
    if (files.length === 0) {
      io.err("parley validate: no .yaml scenario files found.");
      return exitCodes.usage;
    }

    let invalid = 0;
    let warnings = 0;
    for (const file of files) {
      const name = displayName(file, io.cwd);
      const check = checkFile(file, name);
      const fileWarnings = check.problems.filter((p) => p.severity === "warning").length;
      warnings += fileWarnings;
      const fails = !check.ok || (values.strict && fileWarnings > 0);
      for (const problem of check.problems) {
        if (problem.severity === "error" || !values.quiet || fails) io.out(formatProblem(problem));
      }
      if (fails) invalid++;
      else if (!values.quiet) {
        const note = fileWarnings > 0 ? `, ${fileWarnings} warning${fileWarnings > 1 ? "s" : ""}` : "";
        io.out(`OK ${name}: ${check.scenario?.title ?? ""}${note}`);
      }
      // A file that reads but fails the design checks (no deal possible) gets its numbers
      // too: they are what its author needs to fix it.
      if (values.stats && check.scenario && check.analysis) {
        if (fails) io.out(`   the numbers of ${name}, as written:`);
        for (const line of describeAnalysis(check.scenario, check.analysis)) io.out(`   ${line}`);
      }
    }
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
    io.out(
      `${plural(files.length, "file")}: ${files.length - invalid} valid, ${invalid} invalid, ${plural(warnings, "warning")}.`,
    );
    return invalid > 0 ? exitCodes.failed : exitCodes.ok;
  },
};
