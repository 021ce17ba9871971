import { assignments, gameSeed, playMatch, stateSeats } from "@parley/shared";
import { shippedScenarios } from "./property/fixtures.ts";

const [id, nArg] = process.argv.slice(2);
const N = Number(nArg ?? 40);
const personas = ["hardliner", "conceder", "titForTat", "integrator", "legalist", "trackTwo"];
const s = shippedScenarios().find((x) => x.id === id)!;
const focal = stateSeats(s)[0]!;
const rows: string[] = [];
const t0 = performance.now();
console.log("focal", focal, " cells: agree% / eff / focal-norm / trust / tension");
for (const a of personas) {
  const cells: string[] = [];
  for (const b of personas) {
    const assignment = Object.fromEntries(stateSeats(s).map((x) => [x, x === focal ? a : b]));
    let ag = 0,
      eff = 0,
      own = 0,
      tr = 0,
      te = 0;
    for (let g = 0; g < N; g++) {
      const r = playMatch({ scenario: s, assignment, seed: gameSeed(1, s.id, assignment, g) });
      ag += r.agreement ? 1 : 0;
      eff += r.efficiency ?? 0;
      own += r.seats.find((x) => x.seat === focal)!.normalised ?? 0;
      tr += r.trust;
      te += r.tension;
    }
    cells.push(
      `${String(Math.round((100 * ag) / N)).padStart(3)}/${(eff / N).toFixed(0)}/${(own / N).toFixed(0)}/${(tr / N).toFixed(0)}/${(te / N).toFixed(0)}`,
    );
  }
  console.log(a.padEnd(11), cells.map((c) => c.padEnd(18)).join(""));
}
console.log("cols:", personas.join(", "), ((performance.now() - t0) / 1000).toFixed(1), "s");
