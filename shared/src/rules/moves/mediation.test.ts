import { describe, expect, it } from "vitest";
import { scoreTable } from "../../scoring/score.ts";
import { viewFor } from "../../view/viewFor.ts";
import { pairKey } from "../indicators.ts";
import { initialState } from "../initialState.ts";
import { play, refusal } from "../testing/play.ts";
import { riverScenario } from "../testing/river.ts";
import type { GameState, Move, SeatId } from "../types.ts";
import { availableMoves } from "../validate.ts";

/** The river (testing/river.ts) with a mediator seat. */
const river = (mediator = true) =>
  riverScenario({
    rules: "{ roundLimit: 4 }",
    extraParties: mediator
      ? `  - id: m
    name: Envoy
    kind: mediator
    publicBrief: A neutral envoy.
    confidentialBrief: Get them to agree.`
      : "",
    extra: "indicators: { trust: 40, tension: 50 }",
  });

const reason = (state: GameState, seat: SeatId, kind: Move["kind"]) =>
  availableMoves(state, seat).find((m) => m.kind === kind)?.reason;

const logroll = { options: { water: "high", fish: "many" } };

/** Both states consent: a invites, b accepts. */
function mediated(): GameState {
  let s = play(initialState(river(), 1), "a", { kind: "inviteMediator" });
  s = play(s, "b", { kind: "acceptMediation" });
  return s;
}

describe("mediation needs a mediator and everyone's consent", () => {
  it("NoMediator: a table without a mediator seat cannot invite one", () => {
    expect(reason(initialState(river(false), 1), "a", "inviteMediator")).toBe("There is no mediator at this table.");
  });

  it("MediationNotActive: the mediator cannot propose until every state has consented", () => {
    const s = play(initialState(river(), 1), "a", { kind: "inviteMediator" });
    expect(refusal(s, "m", { kind: "mediatorProposal", to: ["a", "b"], package: logroll })).toEqual({
      code: "MediationNotActive",
      message: "Downstream has not consented to mediation.",
    });
    expect(reason(initialState(river(), 1), "m", "shuttle")).toBe(
      "No party has invited you yet. Offer your good offices (talk to the parties, privately or in a workshop): a party open to mediation may then invite you.",
    );
  });

  it("MediatorOnly: a state cannot make a mediator's proposal", () => {
    expect(reason(mediated(), "a", "mediatorProposal")).toBe(
      "Only the mediator can put forward a mediator's proposal.",
    );
  });

  it("ThirdPartyProposal: the mediator proposes through a mediator's proposal", () => {
    expect(reason(initialState(river(), 1), "m", "propose")).toBe(
      "As the mediator, put forward a mediator's proposal instead.",
    );
    expect(reason(initialState(river(), 1), "m", "accept")).toBe("No proposal is waiting for your answer.");
  });

  it("acceptMediation is a free move and activates mediation once every state has consented", () => {
    const s = mediated();
    expect(s.acted).toEqual(["a"]);
    expect(s.log.some((e) => e.kind === "mediationActive")).toBe(true);
    expect(reason(s, "m", "mediatorProposal")).toBeUndefined();
  });
});

describe("mediator's proposal", () => {
  it("becomes the agreement when every state it addresses accepts; the mediator is not a party", () => {
    let s = play(mediated(), "m", { kind: "mediatorProposal", to: ["a", "b"], package: logroll });
    const id = s.proposals[0]?.id ?? "";
    expect(s.proposals[0]).toMatchObject({ framing: "mediator", approach: "mediation", by: "m" });
    s = play(s, "a", { kind: "accept", proposalId: id });
    expect(s.phase).toBe("playing");
    s = play(s, "b", { kind: "accept", proposalId: id });
    expect(s.outcome).toMatchObject({ kind: "agreement", parties: ["a", "b"] });
    // The jump from BATNA to the deal is credited to mediation: a 30 → 60, b 25 → 70.
    expect(s.valueChanges.filter((c) => c.cause === "mediation").map((c) => c.delta)).toEqual([30, 45]);
  });

  it("TooFewParties: a mediator's proposal addresses at least two parties", () => {
    expect(refusal(mediated(), "m", { kind: "mediatorProposal", to: ["a"], package: logroll }).code).toBe(
      "TooFewParties",
    );
  });
});

describe("shuttle", () => {
  it("reaches only its recipient and repairs trust between the parties a little", () => {
    const s = play(mediated(), "m", { kind: "shuttle", to: "a", text: "They could give way on water." });
    // Trust a–b: 40 + 2 (shuttle).
    expect(s.indicators.trust[pairKey("a", "b")]).toBe(42);
    const secret = "They could give way on water.";
    expect(viewFor(s, "a").log.some((e) => e.text.includes(secret))).toBe(true);
    expect(viewFor(s, "b").log.some((e) => e.text.includes(secret))).toBe(false);
    expect(viewFor(s, "observer").log.some((e) => e.text.includes(secret))).toBe(false);
    // Everyone knows the meeting took place.
    expect(viewFor(s, "b").log.some((e) => e.text === "Envoy meets Upstream privately.")).toBe(true);
  });

  it("active mediation repairs trust between the states by 1 each round", () => {
    let s = mediated();
    s = play(s, "b", { kind: "pass" });
    s = play(s, "m", { kind: "pass" });
    expect(s.round).toBe(2);
    expect(s.indicators.trust[pairKey("a", "b")]).toBe(41);
  });
});

describe("arbitration", () => {
  it("waits for every state: the reason names the party that has not consented", () => {
    const s = play(initialState(river(), 1), "a", { kind: "consentArbitration" });
    expect(reason(s, "a", "consentArbitration")).toBe(
      "You have already consented to arbitration. Downstream has not consented to arbitration.",
    );
    let t = play(s, "a", { kind: "pass" });
    t = play(t, "b", { kind: "pass" });
    t = play(t, "m", { kind: "pass" });
    expect(t.phase).toBe("playing");
  });

  it("once all consent, the award at the round's end is the Nash point and binds", () => {
    let s = play(initialState(river(), 1), "a", { kind: "consentArbitration" });
    s = play(s, "b", { kind: "consentArbitration" });
    expect(s.phase).toBe("playing");
    for (const seat of ["a", "b", "m"]) s = play(s, seat, { kind: "pass" });
    // Packages (a, b): low/few (40, 30), low/many (0, 100), high/few (100, 0), high/many (60, 70).
    // Surpluses over BATNAs (30, 25): low/few 10 × 5 = 50, high/many 30 × 45 = 1350; the
    // others leave one party below its BATNA. The award is high/many.
    expect(s.outcome).toMatchObject({ kind: "agreement", package: { options: { water: "high", fish: "many" } } });
    expect(s.proposals.at(-1)).toMatchObject({ framing: "award", status: "accepted", by: "arbitrator" });
    expect(scoreTable(s).map((x) => x.points)).toEqual([60, 70, 0]);
  });
});
