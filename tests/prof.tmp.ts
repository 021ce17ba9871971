import { simulateGame } from "@parley/shared";
import { shippedScenarios } from "./property/fixtures.ts";

const s = shippedScenarios().find((x) => x.id === "unsc-r2p")!;
const t = performance.now();
for (let seed = 0; seed < 20; seed++)
  simulateGame({ scenario: s, seed, bots: Object.fromEntries(s.parties.map((p) => [p.id, "hardliner"])) });
console.log((performance.now() - t) / 20);
