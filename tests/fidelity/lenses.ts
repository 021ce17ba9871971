import { botPersonas } from "@parley/shared";
import { alpha, type Check, meanCheck } from "./checks.ts";
import { type RoundRobin, statePersonas } from "./experiments.ts";
import { sampleOf } from "./stats.ts";

/** "Hardliner", "Track II builder": a persona's name from the persona table. */
function displayName(persona: string): string {
  return botPersonas.find((p) => p.id === persona)?.name ?? persona;
}

/**
 * For each persona, a witness that it does not win everywhere: a scenario and a lens where
 * another persona's mean score is significantly higher (Bonferroni over the persona's
 * candidate witnesses). The check reported is the strongest witness.
 */
export function lessonSix(robins: readonly RoundRobin[]): Check[] {
  const checks: Check[] = [];
  const candidates = robins.length * 2 * (statePersonas.length - 1);
  for (const persona of statePersonas) {
    let best: Check | undefined;
    for (const robin of robins) {
      const seatScores = (name: string, lens: "realist" | "liberal") =>
        [...robin.cells.values()].flatMap((games) =>
          games.flatMap((g) => g.seats.filter((s) => s.persona === name).map((s) => s[lens] ?? 0)),
        );
      for (const lens of ["realist", "liberal"] as const) {
        const mine = seatScores(persona, lens);
        for (const other of statePersonas) {
          if (other === persona) continue;
          const check = meanCheck(
            {
              lesson: 6,
              scenarioId: robin.scenario.id,
              claim: `${displayName(persona)} does not win everywhere: under the ${lens} lens ${displayName(other)} scores higher`,
              alternative: "greater",
              expect: "effect",
            },
            { label: `${other} (${lens})`, values: seatScores(other, lens) },
            { label: `${persona} (${lens})`, values: mine },
          );
          if (!best || check.p < best.p) best = check;
        }
      }
    }
    if (best) checks.push({ ...best, holds: best.p < alpha / candidates, test: "Welch t" });
  }
  return checks;
}

/** The persona with the highest mean score under each lens in each scenario (descriptive). */
export function lensWinners(robins: readonly RoundRobin[]) {
  return robins.map((robin) => {
    const mean = (name: string, lens: "realist" | "liberal") =>
      sampleOf(
        [...robin.cells.values()].flatMap((games) =>
          games.flatMap((g) => g.seats.filter((s) => s.persona === name).map((s) => s[lens] ?? 0)),
        ),
      ).mean;
    const winner = (lens: "realist" | "liberal") =>
      [...statePersonas].sort((a, b) => mean(b, lens) - mean(a, lens))[0] as string;
    return {
      scenarioId: robin.scenario.id,
      realist: winner("realist"),
      liberal: winner("liberal"),
      means: Object.fromEntries(
        statePersonas.map((p) => [p, { realist: mean(p, "realist"), liberal: mean(p, "liberal") }]),
      ),
    };
  });
}
