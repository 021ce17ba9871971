import { apply, type Controller, type GameEvent, type GameState, initialState, viewFor } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { openingSeatedStep } from "../../client/src/debrief/openingSeating.ts";
import { playedSoFar } from "../../client/src/debrief/playedSoFar.ts";
import { playersText } from "../../client/src/ui/names.ts";
import { pair } from "../property/fixtures.ts";

/**
 * "Who played" at the opening of a class table: the table is set up with a bot at every seat
 * and its students are seated by the events it starts with, so step 0 read "A bot (Default)"
 * for every seat, students' included. The debrief reads the seats at step 0 from the opening
 * seating's end.
 */
const bot: Controller = { type: "bot", persona: "simple" };
const seat = (seq: number, s: string, name: string): GameEvent => ({
  seq,
  by: "system",
  move: { kind: "setController", seat: s, controller: { type: "human", name } },
});
const events: GameEvent[] = [
  seat(0, "a", "Asha"),
  seat(1, "b", "Ben"),
  { seq: 2, by: "a", move: { kind: "chat", text: "Hello" } },
  seat(3, "b", "Cy"),
];
const states: GameState[] = [initialState(pair, 1, { controllers: { a: bot, b: bot } })];
for (const e of events) states.push(apply(states[states.length - 1] as GameState, e));

/** The debrief's "Who played" at a step, as DebriefView reads it. */
function whoPlayed(step: number, viewer: string): string[] {
  const seated = openingSeatedStep(events);
  const view = viewFor(states[Math.max(step, seated)] as GameState, viewer);
  return view.parties.map((p) => `${p.id}: ${playersText(playedSoFar(p, view.log))}`);
}

describe("who played each seat at a class table's opening", () => {
  it("ends the opening seating at the first event that is not a seating", () => {
    expect(openingSeatedStep(events)).toBe(2);
    expect(openingSeatedStep(events.slice(0, 2))).toBe(2);
    expect(openingSeatedStep([{ seq: 0, by: "a", move: { kind: "pass" } }])).toBe(0);
    expect(openingSeatedStep([])).toBe(0);
  });

  it("names the students at step 0, for the instructor and for a seat alike", () => {
    expect(whoPlayed(0, "instructor")).toEqual(["a: Asha", "b: Ben"]);
    expect(whoPlayed(0, "b")).toEqual(["a: Asha", "b: Ben"]);
  });

  it("follows the table after the opening: a later change of player is still shown when it came", () => {
    expect(whoPlayed(3, "instructor")).toEqual(["a: Asha", "b: Ben"]);
    expect(whoPlayed(4, "instructor")).toEqual(["a: Asha", "b: Ben, then Cy"]);
  });
});
