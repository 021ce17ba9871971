import { required, scenarioFidelity } from "./fidelity/fidelity.ts";
import { shippedScenarios } from "./property/fixtures.ts";

const n = Number(process.argv[2] ?? 30),
  arm = Number(process.argv[3] ?? 150);
for (const s of shippedScenarios()) {
  const r = scenarioFidelity(s, { roundRobin: n, arm, seed: Number(process.argv[4] ?? 2026) });
  for (const c of r.checks.filter(required)) {
    const marginal = c.expect === "effect" ? c.p > 0.002 : c.p < 0.2;
    if (marginal || !c.holds)
      console.log(
        `${c.holds ? "   " : "XX "}${s.id} L${c.lesson} ${c.claim.slice(0, 80)} p=${c.p.toPrecision(2)} ${c.a.value.toFixed(2)} vs ${c.b.value.toFixed(2)}`,
      );
  }
}
