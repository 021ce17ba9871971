import {
  apply,
  type Controller,
  type GameState,
  initialState,
  type Move,
  type SystemMove,
  type Viewer,
  validate,
  validateSystem,
  viewFor,
} from "@parley/shared";
import { describe, expect, it } from "vitest";
import { playedSoFar } from "../../client/src/debrief/playedSoFar.ts";
import { playersText } from "../../client/src/ui/names.ts";
import { pair } from "../property/fixtures.ts";

/**
 * The debrief's "Who played" at a step: everyone who had played each seat by then. It had
 * named only the seat's holder at that step, so at the end of a table whose student's seat
 * the instructor gave to a bot, that seat read "bot (Tit-for-tat)", as if no student had
 * played it (found replaying Indus Waters table 2, "Pia, then a bot" in the session debrief).
 */
const asha: Controller = { type: "human", name: "Asha" };
const ben: Controller = { type: "human", name: "Ben" };
const bot: Controller = { type: "bot", persona: "hardliner" };

function system(state: GameState, move: SystemMove): GameState {
  const decision = validateSystem(state, move);
  if (!decision.ok) throw new Error(decision.rejection.message);
  return apply(state, decision.event);
}

/** A bot's move at `seat`, stored with its reason as a live table stores it. */
function botMove(state: GameState, seat: string, move: Move = { kind: "pass" }): GameState {
  const decision = validate(state, seat, move);
  if (!decision.ok) throw new Error(decision.rejection.message);
  return apply(state, { ...decision.event, rationale: "Nothing to gain this round" });
}

/** Seat `a` as the debrief's "Who played" names it, the table seen by `viewer`. */
function whoPlayedA(state: GameState, viewer: Viewer): string {
  const view = viewFor(state, viewer);
  const a = view.parties.find((p) => p.id === "a");
  if (!a) throw new Error("seat a is at the table");
  return playersText(playedSoFar(a, view.log));
}

describe("who had played a seat by a step", () => {
  const start = initialState(pair, 1, { controllers: { a: asha, b: ben } });
  const takenOver = system(start, { kind: "setController", seat: "a", controller: bot });
  const botMoved = botMove(takenOver, "a");
  const ended = system(botMoved, { kind: "endGame", reason: "Ended by the instructor" });

  it("names the student and the bot that took the seat over, at the end of the game", () => {
    expect(whoPlayedA(ended, "instructor")).toBe("Asha, then a bot (Hardliner)");
    expect(whoPlayedA(ended, "b")).toBe("Asha, then a bot (Hardliner)");
  });

  it("names the student alone before the bot took over", () => {
    expect(whoPlayedA(start, "instructor")).toBe("Asha");
  });

  it("names the bot holding the seat from the moment it took it, before its first move", () => {
    expect(whoPlayedA(takenOver, "instructor")).toBe("Asha, then a bot (Hardliner)");
  });

  it("as another seat saw it during play: a bot, its persona kept back", () => {
    expect(whoPlayedA(botMoved, "b")).toBe("Asha, then a bot");
  });
});
