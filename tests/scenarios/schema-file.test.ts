import { readFileSync } from "node:fs";
import { join } from "node:path";
import { scenarioJsonSchema, scenarioJsonSchemaText } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { readScenarioFile, scenarioDir, scenarioFileNames } from "./scenarioFiles.ts";

const modeline = "# yaml-language-server: $schema=./scenario.schema.json";

/** Every property schema in a JSON Schema, with its path. */
function propertySchemas(node: unknown, path = "$"): [string, Record<string, unknown>][] {
  if (typeof node !== "object" || node === null) return [];
  const schema = node as Record<string, unknown>;
  const out: [string, Record<string, unknown>][] = [];
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [key, child] of Object.entries(properties ?? {})) {
    out.push([`${path}.${key}`, child]);
    out.push(...propertySchemas(child, `${path}.${key}`));
  }
  for (const key of ["items", "additionalProperties"]) out.push(...propertySchemas(schema[key], `${path}[]`));
  for (const key of ["oneOf", "anyOf", "prefixItems"]) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    list.forEach((child, i) => {
      out.push(...propertySchemas(child, `${path}|${i}`));
    });
  }
  return out;
}

describe("the JSON Schema for editors", () => {
  it("is up to date with the zod definition (regenerate with `npm run scenarios:schema`)", () => {
    expect(readFileSync(join(scenarioDir, "scenario.schema.json"), "utf8")).toBe(scenarioJsonSchemaText());
  });

  it("describes every field, so editors can show help on hover", () => {
    const undocumented = propertySchemas(scenarioJsonSchema())
      .filter(([, schema]) => typeof schema.description !== "string")
      .map(([path]) => path);
    expect(undocumented).toEqual([]);
  });

  it("is referenced from the first line of every scenario file", () => {
    for (const name of scenarioFileNames()) {
      expect(readScenarioFile(name).split("\n")[0], name).toBe(modeline);
    }
  });
});
