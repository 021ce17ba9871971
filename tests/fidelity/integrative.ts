import type { GameResult } from "@parley/shared";
import { type Check, meanCheck, num } from "./checks.ts";
import { cell, type RoundRobin, statePersonas } from "./experiments.ts";

export function lessonThree(robin: RoundRobin): Check[] {
  const { scenario } = robin;
  const ii = cell(robin, "integrator", "integrator");
  const efficiency = (games: readonly GameResult[]) => num(games.map((g) => g.efficiency));
  const distance = (games: readonly GameResult[]) => num(games.map((g) => g.distanceToFrontier));
  const withoutIntegrator = statePersonas
    .filter((p) => p !== "integrator")
    .flatMap((focal) => statePersonas.filter((p) => p !== "integrator").map((others) => cell(robin, focal, others)))
    .flat();
  const base = { lesson: 3, scenarioId: scenario.id };
  const checks: Check[] = [
    meanCheck(
      {
        ...base,
        claim: "Two integrators end closer to the Pareto frontier than tables without an integrator",
        alternative: "less",
        expect: "effect",
      },
      { label: "integrator vs integrator", values: distance(ii) },
      { label: "tables without an integrator", values: distance(withoutIntegrator) },
    ),
    meanCheck(
      {
        ...base,
        claim: "Two integrators reach higher joint efficiency than tables without an integrator",
        alternative: "greater",
        expect: "effect",
      },
      { label: "integrator vs integrator", values: efficiency(ii) },
      { label: "tables without an integrator", values: efficiency(withoutIntegrator) },
    ),
  ];
  for (const focal of statePersonas) {
    for (const others of statePersonas) {
      if (focal === "integrator" && others === "integrator") continue;
      const label = `${focal} vs ${others}`;
      const games = cell(robin, focal, others);
      checks.push(
        meanCheck(
          {
            ...base,
            claim: `No table ends closer to the frontier than two integrators (${label})`,
            alternative: "less",
            expect: "noEffect",
          },
          { label, values: distance(games) },
          { label: "integrator vs integrator", values: distance(ii) },
        ),
      );
      const more = meanCheck(
        {
          ...base,
          claim: `(reported, not required) No table is more efficient than two integrators (${label})`,
          alternative: "greater",
          expect: "noEffect",
        },
        { label, values: efficiency(games) },
        { label: "integrator vs integrator", values: efficiency(ii) },
      );
      checks.push(more);
    }
  }
  return checks;
}
