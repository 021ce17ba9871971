import { loadScenario, packagePoints, scoreTable } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { playBotGame } from "./botGame.ts";
import { readScenarioFile, shippedScenarioIds } from "./scenarioFiles.ts";

describe("a bot-only game of each scenario runs to an end", () => {
  for (const id of shippedScenarioIds) {
    it(id, () => {
      const scenario = loadScenario(readScenarioFile(`${id}.yaml`), `scenarios/${id}.yaml`);
      for (const seed of [1, 2]) {
        const state = playBotGame(scenario, seed);
        expect(state.phase).toBe("ended");
        expect(state.round).toBeLessThanOrEqual(scenario.rules.roundLimit);
        const outcome = state.outcome;
        expect(outcome).toBeDefined();
        for (const score of scoreTable(state)) {
          expect(Number.isFinite(score.points), `${id} ${score.seat}`).toBe(true);
          // A state bound by an agreement scores that package; any other state its BATNA.
          if (outcome?.kind === "agreement" && outcome.parties.includes(score.seat)) {
            expect(score.points).toBe(packagePoints(scenario, score.seat, outcome.package));
          }
        }
      }
    });
  }
});
