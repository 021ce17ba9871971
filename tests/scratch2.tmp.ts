import { loadScenario, simulateGame } from "@parley/shared";
import { shippedScenarios } from "./property/fixtures.ts";

const [id, seed, ...assign] = process.argv.slice(2);
const s = shippedScenarios().find((x) => x.id === id)!;
const bots = Object.fromEntries(assign.map((a) => a.split("=")));
const g = simulateGame({ scenario: s, seed: Number(seed), bots });
for (const e of g.state.log)
  console.log(`r${e.round} ${e.by}: ${e.text}${e.rationale ? `\n      WHY: ${e.rationale}` : ""}`);
console.log(g.state.indicators);
