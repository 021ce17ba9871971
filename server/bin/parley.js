#!/usr/bin/env node
// The `parley` command. It runs the TypeScript sources directly through tsx, so a fresh
// clone needs no build step: `npx parley validate scenarios/`.
import { register } from "tsx/esm/api";

register();
// `parley … | head` closes the pipe early: stop quietly instead of throwing EPIPE.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { runCli, processIO } = await import("../src/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2), processIO);
