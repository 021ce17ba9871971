import { z } from "zod";
import { ScenarioSchema } from "./schema.ts";

/** A JSON Schema document: plain JSON data. */
export type JsonSchema = { [key: string]: unknown };

let cached: JsonSchema | undefined;

/**
 * The JSON Schema of a scenario file, generated from the same zod definition that validates
 * it, on the input side (fields with defaults are optional), for editors that complete and
 * check fields while an instructor writes (`# yaml-language-server: $schema=...`).
 */
export function scenarioJsonSchema(): JsonSchema {
  if (!cached) {
    const generated = z.toJSONSchema(ScenarioSchema, { io: "input" });
    cached = { $schema: generated.$schema, title: "Parley scenario", ...generated };
  }
  return cached;
}

/** The text of `scenarios/scenario.schema.json`, exactly as it is checked in. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
