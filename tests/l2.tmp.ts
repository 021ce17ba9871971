import { playMatch, stateSeats } from "@parley/shared";
import { seedsFor } from "./fidelity/experiments.ts";
import { shippedScenarios } from "./property/fixtures.ts";

const N = Number(process.argv[2] ?? 60);
const P = process.argv[3] ?? "titForTat";
const prem = process.argv[4] ? Number(process.argv[4]) : undefined;
for (const s of shippedScenarios()) {
  if (!s.parties.some((p) => p.kind === "mediator")) continue;
  const states = stateSeats(s);
  const out: string[] = [];
  const seek = {
    persona: P,
    overrides: { mediation: "seek" as const, ...(prem !== undefined ? { distrustPremium: prem } : {}) },
  };
  const refuse = {
    persona: P,
    overrides: { mediation: "refuse" as const, ...(prem !== undefined ? { distrustPremium: prem } : {}) },
  };
  const assignment = Object.fromEntries(states.map((x) => [x, P]));
  for (const [label, bots, seats] of [
    ["noSeat", Object.fromEntries(states.map((x) => [x, seek])), states],
    ["bothRefuse", Object.fromEntries(states.map((x) => [x, refuse])), undefined],
    ["both", Object.fromEntries(states.map((x) => [x, seek])), undefined],
    ["oneRefuses", Object.fromEntries(states.map((x, i) => [x, i === 0 ? seek : refuse])), undefined],
  ] as const) {
    let ag = 0,
      eff = 0;
    for (const seed of seedsFor(3, s.id, N)) {
      const r = playMatch({ scenario: s, assignment, seed, bots, seats: seats as string[] | undefined });
      ag += r.agreement ? 1 : 0;
      eff += r.efficiency ?? 0;
    }
    out.push(`${label} ${Math.round((100 * ag) / N)}% eff ${(eff / N).toFixed(0)}`);
  }
  console.log(s.id.padEnd(26), P, out.join(" | "));
}
