import {
  apply,
  type Controller,
  coverOf,
  type GameState,
  initialState,
  type Move,
  playedBy,
  type SystemMove,
  validate,
  validateSystem,
  viewFor,
} from "@parley/shared";
import { describe, expect, it } from "vitest";
import { playedAt } from "../../client/src/debrief/playedAt.ts";
import { playersText } from "../../client/src/ui/names.ts";
import { pair } from "../property/fixtures.ts";

/**
 * Who played a seat, in order: the one rule of the end-of-game screen, the session debrief
 * and the room's cover of an absent student. A walk-through found the end screen naming
 * only the bot at a seat a student had played before a bot took it over.
 */
const asha: Controller = { type: "human", name: "Asha" };
const ben: Controller = { type: "human", name: "Ben" };
const bot: Controller = { type: "bot", persona: "hardliner" };

function table(controllers: Record<string, Controller> = { a: asha, b: ben }): GameState {
  return initialState(pair, 1, { controllers });
}

function system(state: GameState, move: SystemMove): GameState {
  const decision = validateSystem(state, move);
  if (!decision.ok) throw new Error(decision.rejection.message);
  return apply(state, decision.event);
}

/** A bot's move at `seat`: stored with its reason, as a live table stores it. */
function botMove(state: GameState, seat: string, move: Move = { kind: "pass" }): GameState {
  const decision = validate(state, seat, move);
  if (!decision.ok) throw new Error(decision.rejection.message);
  return apply(state, { ...decision.event, rationale: "Nothing to gain this round" });
}

const seatTo = (seat: string, controller: Controller): SystemMove => ({ kind: "setController", seat, controller });

describe("who played a seat", () => {
  it("names the student, then the bot that took the seat over and moved for it", () => {
    let state = system(table(), seatTo("a", bot));
    state = botMove(state, "a");
    expect(playedBy(state.stints.a ?? [], state.log, "a")).toEqual([asha, bot]);
    expect(playersText(playedBy(state.stints.a ?? [], state.log, "a"))).toBe("Asha, then a bot (Hardliner)");
    expect(playersText(playedBy(state.stints.b ?? [], state.log, "b"))).toBe("Ben");
  });

  it("leaves out a bot that held the seat and made no move, and names a student back at it once", () => {
    let state = system(table(), seatTo("a", bot));
    state = system(state, seatTo("a", asha));
    expect(playedBy(state.stints.a ?? [], state.log, "a")).toEqual([asha]);
    // Away again, and this time the bot moved: all three, in order.
    state = system(state, seatTo("a", bot));
    state = botMove(state, "a");
    state = system(state, seatTo("a", asha));
    expect(playersText(playedBy(state.stints.a ?? [], state.log, "a"))).toBe("Asha, then a bot (Hardliner), then Asha");
  });

  it("names a latecomer alone at a bot's seat the bot never moved at, and the bot too once it had", () => {
    const state = system(table({ a: asha, b: bot }), seatTo("b", ben));
    expect(playedBy(state.stints.b ?? [], state.log, "b")).toEqual([ben]);
    const after = system(botMove(table({ a: asha, b: bot }), "b"), seatTo("b", ben));
    expect(playersText(playedBy(after.stints.b ?? [], after.log, "b"))).toBe("A bot (Hardliner), then Ben");
    // Bots from the start to the end, with no move: the bot still played it.
    const idle = table({ a: asha, b: bot });
    expect(playedBy(idle.stints.b ?? [], idle.log, "b")).toEqual([bot]);
  });

  it("on another seat's end screen: from its own view once the results are out, with no persona before", () => {
    let state = system(table(), seatTo("a", bot));
    const during = viewFor(state, "b").parties.find((p) => p.id === "a");
    // During play a seat learns that a bot plays, never which persona (as the controller shows it).
    expect(during?.stints.map((s) => s.controller)).toEqual([asha, { type: "bot" }]);
    state = botMove(state, "a");
    state = system(state, { kind: "endGame", reason: "Ended by the instructor" });
    const view = viewFor(state, "b");
    const a = view.parties.find((p) => p.id === "a");
    expect(playersText(playedBy(a?.stints ?? [], view.log, "a"))).toBe("Asha, then a bot (Hardliner)");
    // Nothing else of the seat comes with it: no secrets of another seat in a party.
    expect(Object.keys(a ?? {}).sort()).toEqual(
      ["acted", "controller", "id", "kind", "name", "publicBrief", "stints", "walkedAway"].sort(),
    );
  });

  it("is what the session debrief says of each table's students", () => {
    let state = system(table(), seatTo("a", bot));
    state = botMove(state, "a");
    expect(playedAt(state)).toBe("Asha, then a bot (A), Ben (B)");
    expect(playedAt(table({ a: bot, b: bot }))).toBe("");
    // A latecomer (Ben) who took a seat a bot had played, after Asha's: one sentence, no capital mid-way.
    let late = botMove(table({ a: asha, b: bot }), "b");
    late = system(late, seatTo("b", ben));
    expect(playedAt(late)).toBe("Asha (A), a bot, then Ben (B)");
    // Standing first, it is capitalised.
    let first = botMove(table({ a: bot, b: ben }), "a");
    first = system(first, seatTo("a", asha));
    expect(playedAt(first)).toBe("A bot, then Asha (A), Ben (B)");
  });
});

describe("the bot covering a seat for a student", () => {
  it("is the bot (or bots) since the last student, from the first of them", () => {
    let state = system(table(), seatTo("a", bot));
    expect(coverOf(state.stints.a ?? [])).toEqual({ since: 0, name: "Asha" });
    state = system(state, seatTo("a", { type: "bot", persona: "conceder" }));
    expect(coverOf(state.stints.a ?? [])).toEqual({ since: 0, name: "Asha" });
    state = system(state, seatTo("a", asha));
    expect(coverOf(state.stints.a ?? [])).toBeUndefined();
    state = system(state, seatTo("a", bot));
    expect(coverOf(state.stints.a ?? [])).toEqual({ since: 3, name: "Asha" });
  });

  it("is none where bots have played from the start", () => {
    expect(coverOf(table({ a: asha, b: bot }).stints.b ?? [])).toBeUndefined();
  });
});
