import type { Command } from "./command.ts";
import { schemaCommand } from "./schema.ts";
import { validateCommand } from "./validate.ts";

/** Every `parley` subcommand, in the order `parley --help` lists them. */
export const commands: readonly Command[] = [validateCommand, schemaCommand];
