import { simulateGame } from "@parley/shared";
import { shippedScenarios } from "./property/fixtures.ts";

const [id, seed, ...assign] = process.argv.slice(2);
const s = shippedScenarios().find((x) => x.id === id)!;
const g = simulateGame({ scenario: s, seed: Number(seed), bots: Object.fromEntries(assign.map((a) => a.split("="))) });
for (const h of g.state.history) console.log(h.round, JSON.stringify(h.indicators.trust), h.indicators.tension);
console.log(g.state.outcome?.kind, g.state.outcome?.round);
