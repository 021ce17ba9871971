import { playMatch, simulateGame, stateSeats, tableReport } from "@parley/shared";
import { focalArm, seedsFor } from "./fidelity/experiments.ts";
import { shippedScenarios } from "./property/fixtures.ts";

const [id, a, b, nArg] = process.argv.slice(2);
const s = shippedScenarios().find((x) => x.id === id)!;
const arm = focalArm(s, a!, b!);
const N = Number(nArg ?? 24);
const rounds: number[] = [];
const effs: number[] = [];
const creative: number[] = [];
for (const seed of seedsFor(2026, s.id, N)) {
  const g = simulateGame({ scenario: s, seed, bots: arm.assignment });
  const r = tableReport(g.state);
  effs.push(r.efficiency.defined ? r.efficiency.value : 0);
  rounds.push(g.state.outcome?.round ?? 0);
  creative.push(g.state.outcome?.kind === "agreement" ? (g.state.outcome.package.creative?.length ?? 0) : -1);
}
console.log(arm.label, "eff", effs.map((e) => e.toFixed(1)).join(" "));
console.log("rounds", rounds.join(" "), "creative", creative.join(" "));
