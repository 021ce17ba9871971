import { playMatch, stateSeats } from "@parley/shared";
import { seedsFor } from "./fidelity/experiments.ts";
import { shippedScenarios } from "./property/fixtures.ts";

const N = Number(process.argv[2] ?? 60);
const only = process.argv[3];
for (const s of shippedScenarios()) {
  if (only && s.id !== only) continue;
  const states = stateSeats(s);
  const out: string[] = [];
  const T = { persona: "titForTat" },
    Tp = { persona: "titForTat", overrides: { trackTwoRounds: 2 } };
  const B = { persona: "trackTwo" },
    Bm = { persona: "trackTwo", overrides: { trackTwoRounds: 0 } };
  const H = { persona: "hardliner" };
  for (const [label, focal, others] of [
    ["B v TfT", B, T],
    ["B- v TfT", Bm, T],
    ["B v H", B, H],
    ["B- v H", Bm, H],
    ["TfT+ all", Tp, Tp],
    ["TfT all", T, T],
    ["B all", B, B],
    ["B- all", Bm, Bm],
  ] as const) {
    const bots = Object.fromEntries(states.map((x, i) => [x, i === 0 ? focal : others]));
    const assignment = Object.fromEntries(states.map((x, i) => [x, i === 0 ? focal.persona : others.persona]));
    let ag = 0;
    for (const seed of seedsFor(3, s.id, N)) ag += playMatch({ scenario: s, assignment, seed, bots }).agreement ? 1 : 0;
    out.push(`${label} ${Math.round((100 * ag) / N)}`);
  }
  console.log(s.id.padEnd(26), out.join(" | "));
}
