import { describe, expect, it } from "vitest";
import { apply } from "./apply.ts";
import { initialState } from "./initialState.ts";
import { riverScenario } from "./testing/river.ts";
import type { GameState, Move, SeatId } from "./types.ts";
import { availableMoves, validate } from "./validate.ts";

const river = riverScenario();

function play(state: GameState, seat: SeatId, move: Move): GameState {
  const result = validate(state, seat, move);
  if (!result.ok) throw new Error(`${result.rejection.code}: ${result.rejection.message}`);
  return apply(state, result.event);
}

describe("a seat's available moves", () => {
  it("are the same (frozen) objects from event to event where nothing changed, new where something did", () => {
    const start = initialState(river, 1);
    const before = availableMoves(start, "a");
    expect(before.every((m) => Object.isFrozen(m))).toBe(true);
    // A chat changes no move's availability: every item is the one of before.
    const chatted = play(start, "b", { kind: "chat", text: "Good morning" });
    const afterChat = availableMoves(chatted, "a");
    expect(afterChat).toEqual(before);
    for (const [i, m] of afterChat.entries()) expect(m).toBe(before[i]);
    // A proposal to a opens accepting it: that item is new, with its reason gone.
    const proposed = play(chatted, "b", {
      kind: "propose",
      to: ["a"],
      package: { options: { water: "high", fish: "many" } },
    });
    const afterProposal = availableMoves(proposed, "a");
    const accept = (list: typeof before) => list.find((m) => m.kind === "accept");
    expect(accept(before)?.available).toBe(false);
    expect(accept(afterProposal)).toMatchObject({ available: true });
    expect(accept(afterProposal)).not.toHaveProperty("reason");
    const changed = afterProposal.filter((m, i) => m !== before[i]).map((m) => m.kind);
    expect(changed).toContain("accept");
    expect(changed.length).toBeLessThan(before.length / 2);
  });
});
