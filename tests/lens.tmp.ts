import { cell, roundRobin, statePersonas } from "./fidelity/experiments.ts";
import { shippedScenarios } from "./property/fixtures.ts";

const ids = (process.argv[2] ?? "us-china-tariffs").split(",");
const n = Number(process.argv[3] ?? 24);
for (const s of shippedScenarios().filter((x) => ids.includes(x.id))) {
  const robin = roundRobin(s, n, 2026);
  console.log("==", s.id, "persona: realist / liberal / own / agree%   | per opponent realist");
  for (const p of statePersonas) {
    const rows = [...robin.cells.values()]
      .flat()
      .flatMap((g) => g.seats.filter((x) => x.persona === p).map((x) => ({ x, g })));
    const m = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0) / rows.length;
    const per = statePersonas.map((o) => {
      const games = cell(robin, p, o);
      const v = games.map((g) => g.seats.find((x) => x.persona === p && x.seat === g.seats[0]!.seat)?.realist ?? 0);
      return `${o.slice(0, 4)} ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(0)}`;
    });
    console.log(
      p.padEnd(11),
      m((r) => r.x.realist ?? 0).toFixed(1),
      m((r) => r.x.liberal ?? 0).toFixed(1),
      m((r) => r.x.normalised ?? 0).toFixed(1),
      (100 * m((r) => (r.g.agreement ? 1 : 0))).toFixed(0),
      " | ",
      per.join("  "),
    );
  }
}
