import { simulateGame, tableReport } from "@parley/shared";
import { focalArm, seedsFor } from "./fidelity/experiments.ts";
import { shippedScenarios } from "./property/fixtures.ts";

const s = shippedScenarios().find((x) => x.id === "unsc-r2p")!;
for (const [a, b] of [
  ["integrator", "integrator"],
  ["titForTat", "conceder"],
  ["conceder", "conceder"],
  ["legalist", "titForTat"],
]) {
  const arm = focalArm(s, a!, b!);
  const rows: string[] = [];
  for (const seed of seedsFor(2026, s.id, 10)) {
    const g = simulateGame({ scenario: s, seed, bots: arm.assignment });
    const r = tableReport(g.state);
    const o = g.state.outcome;
    rows.push(
      `${o?.kind === "agreement" ? `A${o.round}/${o.parties.length}` : `N${o?.round}`}:${r.distanceToFrontier.defined ? r.distanceToFrontier.value.toFixed(0) : "?"}`,
    );
  }
  console.log(arm.label.padEnd(28), rows.join(" "));
}
