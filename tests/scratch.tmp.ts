import { personaIds, simulateGame, tableReport } from "@parley/shared";
import { shippedScenarios } from "./property/fixtures.ts";

const only = process.argv[2];
for (const s of shippedScenarios()) {
  if (only && s.id !== only) continue;
  const states = s.parties.filter((p) => p.kind === "state").map((p) => p.id);
  for (const persona of ["hardliner", "conceder", "titForTat", "integrator", "legalist", "trackTwo"]) {
    const t = performance.now();
    let agreed = 0,
      illegal = 0,
      eff = 0,
      trust = 0,
      tension = 0,
      events = 0;
    const N = 40;
    for (let seed = 0; seed < N; seed++) {
      const g = simulateGame({ scenario: s, seed, bots: Object.fromEntries(states.map((x) => [x, persona])) });
      if (g.state.outcome?.kind === "agreement") agreed++;
      illegal += g.illegal.length;
      if (g.illegal.length && illegal < 3) console.log(g.illegal[0]);
      const r = tableReport(g.state);
      eff += r.efficiency.defined ? r.efficiency.value : 0;
      const tv = Object.values(g.state.indicators.trust);
      trust += tv.reduce((a, b) => a + b, 0) / tv.length;
      tension += g.state.indicators.tension;
      events += g.events.length;
    }
    console.log(
      s.id.padEnd(26),
      persona.padEnd(11),
      "agree",
      (agreed / N).toFixed(2),
      "eff",
      (eff / N).toFixed(1),
      "trust",
      (trust / N).toFixed(1),
      "tension",
      (tension / N).toFixed(1),
      "illegal",
      illegal,
      "ev",
      (events / N).toFixed(0),
      ((performance.now() - t) / N).toFixed(1),
      "ms",
    );
  }
}
