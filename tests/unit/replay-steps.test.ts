import { apply, decideBotMove, type GameState, initialState, validate, viewFor } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { entriesBefore, textByStep } from "../../client/src/debrief/stepIndex.ts";
import { summit } from "../property/fixtures.ts";

// Entry `seq` is written by event `seq`, which the replay shows at step `seq + 1`.
const log = [
  { seq: 0, text: "A proposes." },
  { seq: 1, text: "B rejects." },
  { seq: 1, text: "Round 2 begins." },
  // seq 2 was a move this viewer did not see
  { seq: 3, text: "C accepts." },
];

describe("a replay's log against its steps", () => {
  it("counts the entries that had happened by each step", () => {
    // Step 0 is the opening position: nothing yet. Step 2 shows both entries of event 1.
    expect([0, 1, 2, 3, 4, 5].map((step) => entriesBefore(log, step))).toEqual([0, 1, 3, 3, 4, 4]);
  });

  it("says what each step's event wrote, its entries joined, and nothing for a move the viewer did not see", () => {
    const texts = textByStep(log);
    expect(texts.get(1)).toBe("A proposes.");
    expect(texts.get(2)).toBe("B rejects. Round 2 begins.");
    expect(texts.has(3)).toBe(false);
    expect(texts.get(4)).toBe("C accepts.");
  });

  it("agrees with a plain scan of a seat's log in a bots' game", () => {
    let state: GameState = initialState(summit, 11);
    for (let i = 0; i < 120 && state.phase === "playing"; i++) {
      const seat = state.seats[i % state.seats.length] ?? "";
      const decision = decideBotMove(viewFor(state, seat), "simple");
      if (!decision) continue;
      const result = validate(state, seat, decision.move);
      if (result.ok) state = apply(state, result.event);
    }
    const seen = viewFor(state, "a").log;
    expect(seen.length).toBeGreaterThan(10);
    const texts = textByStep(seen);
    for (let step = 0; step <= state.seq; step++) {
      expect(entriesBefore(seen, step)).toBe(seen.filter((e) => e.seq < step).length);
      const said = seen.filter((e) => e.seq === step - 1).map((e) => e.text);
      expect(texts.get(step)).toBe(said.length > 0 ? said.join(" ") : undefined);
    }
  });
});
