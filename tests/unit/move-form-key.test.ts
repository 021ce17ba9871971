import { apply, type GameState, initialState, type Move, validate, viewFor } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { moveFormKey } from "../../client/src/table/moveFormKey.ts";
import { pair } from "../property/fixtures.ts";

/**
 * A move form kept last round's ticks: its choices now start afresh when the round, or the
 * move's availability, changes, and only then (a student mid-sentence keeps her words).
 */
function move(state: GameState, seat: string, m: Move): GameState {
  const decision = validate(state, seat, m);
  if (!decision.ok) throw new Error(decision.rejection.message);
  return apply(state, decision.event);
}

const start = initialState(pair, 1);
const keyOf = (state: GameState, kind: Move["kind"] = "shareInterests") => moveFormKey(viewFor(state, "a"), kind);

describe("a move form's choices", () => {
  it("stay through a chat line and another seat's move that leaves the move as it was", () => {
    const chatted = move(start, "b", { kind: "chat", text: "Shall we start with water?" });
    expect(keyOf(chatted)).toBe(keyOf(start));
    const bMoved = move(chatted, "b", { kind: "pass" });
    expect(bMoved.round).toBe(start.round);
    expect(keyOf(bMoved)).toBe(keyOf(start));
  });

  it("start afresh when the round changes", () => {
    const next = move(move(start, "b", { kind: "pass" }), "a", { kind: "pass" });
    expect(next.round).toBe(start.round + 1);
    expect(keyOf(next)).not.toBe(keyOf(start));
    expect(keyOf(next, "chat")).not.toBe(keyOf(start, "chat"));
  });

  it("start afresh when the move can no longer be made (the round's main move used)", () => {
    const moved = move(start, "a", { kind: "pass" });
    expect(moved.round).toBe(start.round);
    expect(keyOf(moved)).not.toBe(keyOf(start));
    // A free move's form keeps its choices.
    expect(keyOf(moved, "chat")).toBe(keyOf(start, "chat"));
  });
});
