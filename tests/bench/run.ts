import { cpus } from "node:os";
import {
  apply,
  type Factor,
  forEachOutcome,
  type GameEvent,
  type GameState,
  nextRandom,
  type OutcomeSpace,
  paretoFrontier,
  type Scenario,
  seedToRng,
  spaceSize,
} from "@parley/shared";
import { pair, shippedScenarios, summit } from "../property/fixtures.ts";
import { playRandomGame, seededChooser } from "../property/randomPlay.ts";
import { fmt, timeIt } from "./timing.ts";

function eventsPerSecond(scenario: Scenario): { events: number; perSecond: number } {
  const games = Array.from({ length: 200 }, (_, seed) => playRandomGame(scenario, seed, seededChooser(seed)));
  const events = games.reduce((sum, g) => sum + g.events.length, 0);
  const ms = timeIt(() => {
    for (const g of games) {
      let state: GameState = g.initial;
      for (const event of g.events as GameEvent[]) state = apply(state, event);
    }
  });
  return { events, perSecond: (events / ms) * 1000 };
}

function gamesPerSecond(scenario: Scenario): number {
  let seed = 0;
  const batch = 50;
  const ms = timeIt(() => {
    for (let i = 0; i < batch; i++, seed++) playRandomGame(scenario, seed, seededChooser(seed));
  });
  return (batch / ms) * 1000;
}

/**
 * A synthetic outcome space: `issues` factors of `options` choices each. "conflict" splits a
 * roughly constant total between the parties on every option (most packages are Pareto
 * optimal: the hard case); "independent" draws each party's points independently.
 */
function syntheticSpace(
  parties: number,
  issues: number,
  options: number,
  shape: "conflict" | "independent",
  seed: number,
): OutcomeSpace {
  let rng = seedToRng(seed);
  const random = () => {
    const [value, next] = nextRandom(rng);
    rng = next;
    return value;
  };
  const factors: Factor[] = Array.from({ length: issues }, (_, i) => ({
    kind: "issue",
    id: `i${i}`,
    choices: Array.from({ length: options }, (_, o) => {
      let points: number[];
      if (shape === "independent") points = Array.from({ length: parties }, () => Math.floor(random() * 21));
      else {
        const weights = Array.from({ length: parties }, () => random() + 0.05);
        const total = weights.reduce((s, w) => s + w, 0);
        const pie = 20 + Math.floor(random() * 6);
        points = weights.map((w) => Math.round((pie * w) / total));
      }
      return { id: `o${o}`, points };
    }),
  }));
  return { parties: Array.from({ length: parties }, (_, j) => `p${j}`), factors };
}

function scoreEveryOutcome(space: OutcomeSpace): number {
  let checksum = 0;
  forEachOutcome(space, (points) => {
    checksum += points[0] ?? 0;
  });
  return checksum;
}

/** The all-pairs reference, for small spaces only: every outcome against every other. */
function naiveFrontierSize(space: OutcomeSpace): number {
  const d = space.parties.length;
  const all: number[] = [];
  forEachOutcome(space, (points) => all.push(...points));
  const n = all.length / d;
  let size = 0;
  for (let i = 0; i < n; i++) {
    let dominated = false;
    for (let k = 0; k < n && !dominated; k++) {
      let atLeast = true;
      let better = false;
      for (let j = 0; j < d; j++) {
        const a = all[k * d + j] ?? 0;
        const b = all[i * d + j] ?? 0;
        if (a < b) atLeast = false;
        if (a > b) better = true;
      }
      dominated = atLeast && better;
    }
    if (!dominated) size++;
  }
  return size;
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
console.log(`# Parley rules engine benchmark\n\nMachine: ${machine}\n`);

console.log("## Events and games\n");
console.log(
  "| scenario | seats | events applied / s | random games / s (bot-free, with validation) | mean events per game |",
);
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const scenario of [pair, summit, ...shippedScenarios()]) {
  const { events, perSecond } = eventsPerSecond(scenario);
  console.log(
    `| ${scenario.id} | ${scenario.parties.length} | ${fmt(perSecond)} | ${fmt(gamesPerSecond(scenario))} | ${fmt(events / 200)} |`,
  );
}

console.log("\n## Pareto frontier\n");
console.log(
  "| outcomes | parties | shape | frontier size | frontier (ms) | scoring every outcome (ms, baseline) | naive all-pairs (ms) |",
);
console.log("| ---: | ---: | --- | ---: | ---: | ---: | ---: |");
for (const exponent of [3, 4, 5, 6]) {
  for (const parties of [2, 4]) {
    for (const shape of ["conflict", "independent"] as const) {
      const space = syntheticSpace(parties, exponent, 10, shape, exponent * 10 + parties);
      let size = 0;
      const frontierMs = timeIt(() => {
        size = paretoFrontier(space).size;
      }, 200);
      const baselineMs = timeIt(() => scoreEveryOutcome(space), 200);
      // The naive method counts equal points separately, so it is timed, not compared, here
      // (tests/property and shared/src/scoring/pareto.test.ts compare the two).
      const naiveMs = exponent <= 4 ? fmt(timeIt(() => naiveFrontierSize(space), 200)) : "—";
      console.log(
        `| ${spaceSize(space).toLocaleString("en-GB")} | ${parties} | ${shape} | ${size.toLocaleString("en-GB")} | ${fmt(frontierMs)} | ${fmt(baselineMs)} | ${naiveMs} |`,
      );
    }
  }
}
