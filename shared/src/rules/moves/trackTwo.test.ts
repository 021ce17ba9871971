import { describe, expect, it } from "vitest";
import { loadScenario } from "../../scenario/parse.ts";
import { approachMix } from "../../scoring/approachMix.ts";
import { viewFor } from "../../view/viewFor.ts";
import { pairKey } from "../indicators.ts";
import { initialState } from "../initialState.ts";
import { play } from "../testing/play.ts";
import type { GameState, SeatId } from "../types.ts";
import { availableMoves, validate } from "../validate.ts";

/** Two states and an NGO. */
const dialogue = loadScenario(`
id: dialogue
title: Dialogue
dateContext: now
summary: Two neighbours and a civil-society group.
recommended: { seats: 3, minutes: 10 }
parties:
  - id: a
    name: North
    publicBrief: North.
    confidentialBrief: North secret.
    batna: 20
    payoffs: { border: { open: 10, closed: 0 } }
  - id: b
    name: South
    publicBrief: South.
    confidentialBrief: South secret.
    batna: 20
    payoffs: { border: { open: 0, closed: 10 } }
  - id: n
    name: Civil society
    kind: ngo
    publicBrief: Builds bridges.
    confidentialBrief: Keep them talking.
issues:
  - id: border
    name: Border
    statusQuo: closed
    options: [{ id: open, label: Open }, { id: closed, label: Closed }]
indicators: { trust: 30, tension: 60 }
`);

const trust = (s: GameState, x: SeatId, y: SeatId) => s.indicators.trust[pairKey(x, y)];

describe("confidenceBuilding", () => {
  it("raises trust and eases tension at a small cost to the gesturer's own alternative", () => {
    const s = play(initialState(dialogue, 1), "a", { kind: "confidenceBuilding", with: "b" });
    expect(trust(s, "a", "b")).toBe(35);
    expect(s.indicators.tension).toBe(58);
    expect(s.batna).toMatchObject({ a: 19, b: 20 });
    expect(approachMix(s, "a").ownGains.trackTwo).toBe(-1);
    expect(s.families.groundwork.confidenceBuilding).toBe(1);
  });

  it("StatesOnly: an NGO cannot make a state's gesture", () => {
    expect(availableMoves(initialState(dialogue, 1), "n").find((m) => m.kind === "confidenceBuilding")?.reason).toBe(
      "Only a party to the dispute can offer a confidence-building measure.",
    );
  });
});

describe("workshop", () => {
  it("convened by an NGO, raises trust among everyone taking part and counts as groundwork", () => {
    const s = play(initialState(dialogue, 1), "n", { kind: "workshop", with: ["a", "b"] });
    expect(trust(s, "a", "b")).toBe(33);
    expect(trust(s, "a", "n")).toBe(33);
    expect(trust(s, "b", "n")).toBe(33);
    expect(s.families.groundwork.workshop).toBe(1);
    expect(approachMix(s, "n").counts.trackTwo).toBe(1);
  });

  it("TooFewStates: a workshop needs at least two parties to the dispute", () => {
    const result = validate(initialState(dialogue, 1), "n", { kind: "workshop", with: ["a"] });
    expect(result.ok || result.rejection).toEqual({
      code: "TooFewStates",
      message: "A workshop needs at least two parties to the dispute.",
    });
  });
});

describe("backChannel", () => {
  it("reaches only its recipient, with a little trust and a little less tension", () => {
    const s = play(initialState(dialogue, 1), "a", {
      kind: "backChannel",
      to: "b",
      text: "We could open one crossing.",
    });
    expect(trust(s, "a", "b")).toBe(32);
    expect(s.indicators.tension).toBe(58);
    const seen = (viewer: SeatId | "observer") =>
      viewFor(s, viewer).log.some((e) => e.text.includes("We could open one crossing."));
    expect([seen("a"), seen("b"), seen("n"), seen("observer")]).toEqual([true, true, false, false]);
  });

  it("EmptyMessage: a back channel carries a message", () => {
    const result = validate(initialState(dialogue, 1), "a", { kind: "backChannel", to: "b", text: "  " });
    expect(result.ok || result.rejection.code).toBe("EmptyMessage");
  });
});
