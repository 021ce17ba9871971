import { lessonSixChecks, quickSizes, required, scenarioFidelity } from "./fidelity/fidelity.ts";
import { lensWinners } from "./fidelity/lessons.ts";
import { shippedScenarios } from "./property/fixtures.ts";

const n = Number(process.argv[2] ?? quickSizes.roundRobin),
  arm = Number(process.argv[3] ?? quickSizes.arm);
const only = process.argv[4];
const results = [];
for (const s of shippedScenarios()) {
  if (only && !only.split(",").includes(s.id)) continue;
  const t = performance.now();
  const r = scenarioFidelity(s, { roundRobin: n, arm, seed: 2026 });
  results.push(r);
  console.log(`== ${s.id} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  for (const c of r.checks) {
    if ((c.holds || !required(c)) && !process.env.ALL) continue;
    console.log(
      `  L${c.lesson} ${c.holds ? "ok  " : "FAIL"} ${c.claim} | ${c.a.label} ${c.a.value.toFixed(2)} (n${c.a.n}) vs ${c.b.label} ${c.b.value.toFixed(2)} (n${c.b.n}) p=${c.p.toExponential(2)}`,
    );
  }
  console.log(`  ${r.checks.filter((c) => c.holds || !required(c)).length}/${r.checks.length} hold`);
}
for (const c of lessonSixChecks(results))
  console.log(
    `L6 ${c.holds ? "ok" : "FAIL"} ${c.scenarioId} ${c.claim} ${c.a.value.toFixed(1)} vs ${c.b.value.toFixed(1)} p=${c.p.toExponential(2)}`,
  );
for (const w of lensWinners(results.map((r) => r.robin)))
  console.log(w.scenarioId, "realist:", w.realist, "liberal:", w.liberal);
