import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyseScenario, checkScenario, formatProblem, lintChecks } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { describeAnalysis } from "../../server/src/cli/stats.ts";
import { scenarioDir } from "./scenarioFiles.ts";

const guide = readFileSync(join(scenarioDir, "README.md"), "utf8");

/** The fenced code blocks of a Markdown text with the given language tag ("" for none), in order. */
function fencedBlocks(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  let current: string[] | undefined;
  let currentLanguage = "";
  for (const line of markdown.split("\n")) {
    const fence = /^\s*```(\w*)\s*$/.exec(line);
    if (fence && current === undefined) {
      current = [];
      currentLanguage = fence[1] ?? "";
    } else if (fence && current !== undefined) {
      if (currentLanguage === language) blocks.push(`${current.join("\n")}\n`);
      current = undefined;
    } else {
      current?.push(line);
    }
  }
  return blocks;
}

describe("the authoring guide", () => {
  const example = fencedBlocks(guide, "yaml").find((block) => block.includes("id: river")) ?? "";

  it("has a complete example that passes every check without a warning", () => {
    const result = checkScenario(example, "scenarios/river.yaml");
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("quotes the example's --stats output as the command prints it", () => {
    const result = checkScenario(example, "scenarios/river.yaml");
    if (!result.scenario) throw new Error("the example does not parse");
    const printed = describeAnalysis(result.scenario, analyseScenario(result.scenario));
    const quoted = fencedBlocks(guide, "").find((block) => block.startsWith("packages 18"));
    expect(quoted?.trim().split("\n")).toEqual(printed);
  });

  it("names every lint", () => {
    for (const check of lintChecks) expect(guide, check.name).toContain(`\`${check.name}\``);
  });
});
