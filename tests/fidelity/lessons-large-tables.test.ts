import { beforeAll, describe, expect, it } from "vitest";
import { shippedScenarios } from "../property/fixtures.ts";
import { expectLessonHolds } from "./assertLessons.ts";
import { quickSizes, type ScenarioFidelity, scenarioFidelity } from "./fidelity.ts";

/**
 * Lessons 1–5 in every shipped scenario with more than three states, at `npm test` sample
 * sizes (quickSizes: α = 0.05 one-sided per check; `npm run fidelity` runs them in full).
 */
const scenarios = shippedScenarios().filter((s) => s.parties.filter((p) => p.kind === "state").length > 3);

describe.each(scenarios.map((s) => [s.id, s] as const))("teaching fidelity at %s", (_id, scenario) => {
  let result: ScenarioFidelity;
  beforeAll(() => {
    result = scenarioFidelity(scenario, quickSizes);
  }, 300_000); // about a minute and a half on a quiet 2-core machine; more beside another test file

  it("bots never make an illegal move in any of these games", () => {
    const games = [...result.robin.cells.values()].flat();
    expect(games.reduce((sum, g) => sum + g.illegal, 0)).toBe(0);
  });
  for (const lesson of [1, 2, 3, 4, 5]) {
    it(`lesson ${lesson} holds where it applies`, () => expectLessonHolds(result.checks, lesson));
  }
});
