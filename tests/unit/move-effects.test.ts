import { apply, type GameState, initialState, type Move, pairKey, validate, viewFor } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { moveEffectsText, ownMoveEffects } from "../../client/src/state/moveEffects.ts";
import { shippedScenarios } from "../property/fixtures.ts";

const found = shippedScenarios().find((s) => s.id === "russia-ukraine-mediation");
if (!found) throw new Error("fixture: russia-ukraine-mediation");
const scenario = found;
const seatOf = (kind: string, i = 0) => scenario.parties.filter((p) => p.kind === kind)[i]?.id as string;
const [russia, ukraine, usa, india] = [seatOf("state"), seatOf("state", 1), seatOf("state", 2), seatOf("mediator")];
const nameOf = (seat: string) => scenario.parties.find((p) => p.id === seat)?.name;

function step(state: GameState, seat: string, move: Move): GameState {
  const result = validate(state, seat, move);
  if (!result.ok) throw new Error(result.rejection.message);
  return apply(state, result.event);
}

describe("what a seat's own move changed", () => {
  const start = initialState(scenario, 1);
  const gesture = step(start, russia, { kind: "confidenceBuilding", with: ukraine });

  it("names the indicators the move moved, with their new values, and the mover's own no-deal value", () => {
    const effects = ownMoveEffects(viewFor(start, russia), viewFor(gesture, russia));
    const trust = (s: GameState) => s.indicators.trust[pairKey(russia, ukraine)] ?? 0;
    expect(trust(gesture)).toBeGreaterThan(trust(start));
    expect(effects?.closedRound).toBe(false);
    expect(effects?.changes).toContain(
      `trust with ${nameOf(ukraine)} +${Math.round(trust(gesture) - trust(start))} (now ${Math.round(trust(gesture))})`,
    );
    expect(gesture.indicators.tension).toBeLessThan(start.indicators.tension);
    expect(effects?.changes).toContain(
      `tension −${Math.round(start.indicators.tension - gesture.indicators.tension)} (now ${Math.round(gesture.indicators.tension)})`,
    );
    // A gesture costs the mover a little of its alternative: its own secret, so it may read it.
    const batna = (s: GameState) => s.batna[russia] ?? 0;
    expect(batna(gesture)).toBeLessThan(batna(start));
    expect(effects?.changes).toContain(`your BATNA −${batna(start) - batna(gesture)} (now ${batna(gesture)})`);
    expect(moveEffectsText(effects as NonNullable<typeof effects>)).toMatch(
      /^What your goodwill gesture changed: .*\.$/,
    );
  });

  it("says nothing to the others about a move that is not theirs, nor about a chat", () => {
    expect(ownMoveEffects(viewFor(start, ukraine), viewFor(gesture, ukraine))).toBeUndefined();
    const chat = step(start, russia, { kind: "chat", text: "Hello." });
    expect(ownMoveEffects(viewFor(start, russia), viewFor(chat, russia))).toBeUndefined();
  });

  it("counts nothing when another move came between (it could not tell whose the change was)", () => {
    const then = step(gesture, usa, { kind: "confidenceBuilding", with: russia });
    expect(ownMoveEffects(viewFor(start, russia), viewFor(then, russia))).toBeUndefined();
  });

  it("says that a pass changed no indicator", () => {
    const passed = step(start, ukraine, { kind: "pass" });
    const effects = ownMoveEffects(viewFor(start, ukraine), viewFor(passed, ukraine));
    expect(effects?.changes).toEqual([]);
    expect(moveEffectsText(effects as NonNullable<typeof effects>)).toBe("Passing changed no indicator.");
  });

  it("names an answer, which uses no main move, so its line is not read as the round's main move", () => {
    const proposed = step(start, russia, {
      kind: "propose",
      to: [ukraine, usa],
      package: { options: Object.fromEntries(scenario.issues.map((i) => [i.id, i.statusQuo])), creative: [] },
    });
    const id = proposed.proposals[0]?.id as string;
    const rejected = step(proposed, ukraine, { kind: "reject", proposalId: id });
    const effects = ownMoveEffects(viewFor(proposed, ukraine), viewFor(rejected, ukraine));
    expect(effects?.move).toBe("reject");
    expect(moveEffectsText(effects as NonNullable<typeof effects>)).toMatch(
      /^(What your rejection changed: .+\.|Your rejection changed no indicator\.)$/,
    );
    // A move the phrases do not know still reads as a move.
    expect(moveEffectsText({ seq: 1, round: 1, closedRound: false, changes: [], move: "someNewMove" })).toBe(
      "Your move changed no indicator.",
    );
  });

  it("a move that closes the round is compared with the round's closing snapshot, without the no-deal value", () => {
    let state = step(start, russia, { kind: "pass" });
    state = step(state, ukraine, { kind: "pass" });
    state = step(state, usa, { kind: "pass" });
    const closed = step(state, india, { kind: "pass" });
    expect(closed.round).toBe(2);
    const effects = ownMoveEffects(viewFor(state, india), viewFor(closed, india));
    expect(effects?.closedRound).toBe(true);
    expect(effects?.round).toBe(1);
    // Round 2's scripted event (heavier fighting) moves tension once round 2 begins; that is not the pass's doing.
    expect(closed.indicators.tension).not.toBe(state.indicators.tension);
    expect(effects?.changes.some((c) => c.startsWith("tension"))).toBe(false);
    expect(effects?.changes.some((c) => c.includes("BATNA"))).toBe(false);
    expect(moveEffectsText(effects as NonNullable<typeof effects>)).toBe(
      "Your move closed round 1; no indicator changed.",
    );
    // What changed with the round's end is not said to be the move's own doing.
    expect(moveEffectsText({ seq: 9, round: 2, closedRound: true, changes: ["tension −1 (now 77)"] })).toBe(
      "Your move closed round 2. Its effects and the round's end together: tension −1 (now 77).",
    );
  });
});
