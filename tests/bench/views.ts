/**
 * `npm run bench:views`: what sending a table's views costs after each event, as TableRoom
 * does it (`viewsFor` with the table's cache, then `sendableViews` against what each seat
 * last received): time per event and bytes sent per event, for whole bot games of every
 * shipped scenario and for a run of chat lines (what the load bench plays). Prints Markdown
 * for docs/BENCHMARKS.md.
 */
import { cpus } from "node:os";
import {
  apply,
  newViewCache,
  personaIds,
  type Scenario,
  simulateGame,
  stateSeats,
  type Viewer,
  viewsFor,
} from "@parley/shared";
import { unpackMultiple } from "msgpackr";
import { type SentView, sendableViews, sentView } from "../../server/src/rooms/viewFrames.ts";
import { shippedScenarios } from "../property/fixtures.ts";
import { chatGame, type Game } from "./chatGame.ts";

/** Bot games with the state seats cycling through the personas. */
function botGames(scenario: Scenario, count: number): Game[] {
  const states = stateSeats(scenario);
  return Array.from({ length: count }, (_, seed) => {
    const bots = Object.fromEntries(states.map((s, i) => [s, personaIds[(seed + i) % personaIds.length] ?? ""]));
    return simulateGame({ scenario, seed, bots });
  });
}

interface Measured {
  events: number;
  ms: number;
  /** Bytes of patches, and of the first whole views. */
  patchBytes: number;
  wholeBytes: number;
  /** Patch bytes by field. */
  byField: Map<string, number>;
}

/** Plays `games` with every seat connected, as a table sends its views. */
function measure(games: Game[], fields = false): Measured {
  const m: Measured = { events: 0, ms: 0, patchBytes: 0, wholeBytes: 0, byField: new Map() };
  for (const game of games) {
    const viewers: Viewer[] = [...game.initial.seats];
    const cache = newViewCache();
    const sent: SentView[] = [];
    let state = game.initial;
    for (const event of game.events) {
      state = apply(state, event);
      const start = performance.now();
      const views = viewsFor(state, viewers, {}, cache);
      const frames = sendableViews(views, sent);
      views.forEach((view, i) => {
        sent[i] = sentView(view, sent[i]);
      });
      m.ms += performance.now() - start;
      m.events++;
      for (const frame of frames) {
        if (!frame) continue;
        const [type, payload] = unpackMultiple(frame.subarray(1)) as [string, Record<string, unknown>];
        if (type === "view") m.wholeBytes += frame.length;
        else m.patchBytes += frame.length;
        if (fields && type === "viewPatch") {
          for (const [key, value] of Object.entries(payload)) {
            const named = key === "$items" ? Object.keys(value as object).map((k) => `$items.${k}`) : [key];
            for (const name of named) m.byField.set(name, (m.byField.get(name) ?? 0) + 1);
          }
        }
      }
    }
  }
  return m;
}

const scenarios = shippedScenarios();
const chatScenario = scenarios.find((s) => s.id === "russia-ukraine-mediation") ?? (scenarios[0] as Scenario);
// Warm up the JIT on one pass, then measure.
measure(scenarios.flatMap((s) => botGames(s, 1)));
const lines: string[] = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}, ${process.platform}; measured ${new Date().toISOString().slice(0, 10)}.`,
  "",
  "| games | events | µs per event (all seats) | patch bytes per event (all seats) | whole views, bytes per event |",
  "| --- | ---: | ---: | ---: | ---: |",
];
const row = (label: string, m: Measured) =>
  `| ${label} | ${m.events} | ${((1000 * m.ms) / m.events).toFixed(0)} | ${(m.patchBytes / m.events).toFixed(0)} | ${(m.wholeBytes / m.events).toFixed(0)} |`;
const bots = measure(
  scenarios.flatMap((s) => botGames(s, 3)),
  true,
);
lines.push(row(`bot games (3 per scenario, ${scenarios.length} scenarios)`, bots));
for (const scenario of scenarios) lines.push(row(`— ${scenario.id}`, measure(botGames(scenario, 3))));
lines.push(
  row(
    `chat lines (${chatScenario.id}, 300 lines, 5 runs)`,
    measure(Array.from({ length: 5 }, () => chatGame(chatScenario, 300))),
  ),
);
lines.push("", "Fields in the bot games' patches (share of patches that carry each):", "");
const patches = bots.byField.get("$base") ?? 1;
lines.push(
  [...bots.byField]
    .filter(([key]) => key !== "$base")
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `\`${key}\` ${((100 * n) / patches).toFixed(0)}%`)
    .join(", "),
);
console.log(lines.join("\n"));
