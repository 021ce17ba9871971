/**
 * `npm run bench:bots`: how fast the bots decide and how many whole bot games a second
 * each scenario plays. Prints Markdown tables for docs/BENCHMARKS.md.
 */
import { cpus } from "node:os";
import {
  apply,
  botDice,
  decideBotMove,
  personaIds,
  type Scenario,
  type SeatId,
  simulateGame,
  stateSeats,
  type TableView,
  viewFor,
} from "@parley/shared";
import { shippedScenarios } from "../property/fixtures.ts";
import { fmt, timeIt } from "./timing.ts";

/** Views a seat really faces: every state's view after every event of a few mixed games. */
function sampleViews(scenario: Scenario): { seat: SeatId; view: TableView }[] {
  const out: { seat: SeatId; view: TableView }[] = [];
  const states = stateSeats(scenario);
  for (let seed = 0; seed < 4; seed++) {
    const bots = Object.fromEntries(states.map((s, i) => [s, personaIds[(seed + i) % personaIds.length] ?? ""]));
    const game = simulateGame({ scenario, seed, bots });
    let state = game.initial;
    for (const event of game.events) {
      for (const seat of states) out.push({ seat, view: viewFor(state, seat) });
      state = apply(state, event);
    }
  }
  return out;
}

const scenarios = shippedScenarios();
const lines: string[] = [];
lines.push(
  `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}, ${process.platform}; measured ${new Date().toISOString().slice(0, 10)}.`,
  "",
  "### Decisions",
  "",
  "Each persona decides on every view its seat faced in four mixed games per scenario (the",
  "state seats' views after every event, all seven scenarios). The view is built beforehand:",
  "the figure is the decision alone, package space cached per scenario and seat as in play.",
  "",
  "| persona | views | decisions / s | µs per decision (mean) | slowest scenario (µs) |",
  "| --- | ---: | ---: | ---: | --- |",
);
const views = scenarios.map((scenario) => ({ scenario, views: sampleViews(scenario) }));
for (const persona of personaIds) {
  let total = 0;
  let count = 0;
  let slowest = { id: "", micros: 0 };
  for (const { scenario, views: list } of views) {
    const ms = timeIt(() => {
      for (const { seat, view } of list) decideBotMove(view, persona, { dice: botDice(1, seat) });
    }, 200);
    const micros = (1000 * ms) / list.length;
    total += ms;
    count += list.length;
    if (micros > slowest.micros) slowest = { id: scenario.id, micros };
  }
  const perDecision = (1000 * total) / count;
  lines.push(
    `| ${persona} | ${count.toLocaleString("en-GB")} | ${fmt(1_000_000 / perDecision)} | ${fmt(perDecision)} | ${slowest.id} (${fmt(slowest.micros)}) |`,
  );
}
lines.push(
  "",
  "### Whole games",
  "",
  "Bots in every seat, played as the server plays them (`simulateGame`: after every event the",
  "first seat with something to do moves; each decision reads a fresh `viewFor`). *Default*:",
  "every state tit-for-tat, third parties their defaults; *mixed*: the states cycle through the",
  "six state personas (seed-dependent).",
  "",
  "| scenario | seats | games / s (default) | events per game | games / s (mixed) | events per game |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
);
for (const scenario of scenarios) {
  const states = stateSeats(scenario);
  const measure = (mixed: boolean) => {
    let seed = 0;
    let events = 0;
    let games = 0;
    const batch = 10;
    const ms = timeIt(() => {
      for (let i = 0; i < batch; i++, seed++) {
        const bots = mixed
          ? Object.fromEntries(states.map((s, j) => [s, personaIds[(seed + j) % 6] ?? ""]))
          : undefined;
        events += simulateGame({ scenario, seed, bots }).events.length;
        games++;
      }
    }, 500);
    return { perSecond: (batch / ms) * 1000, events: events / games };
  };
  const plain = measure(false);
  const mixed = measure(true);
  lines.push(
    `| ${scenario.id} | ${scenario.parties.length} | ${fmt(plain.perSecond)} | ${fmt(plain.events)} | ${fmt(mixed.perSecond)} | ${fmt(mixed.events)} |`,
  );
}
console.log(lines.join("\n"));
