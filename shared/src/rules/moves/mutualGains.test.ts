import { describe, expect, it } from "vitest";
import { scoreTable } from "../../scoring/score.ts";
import { viewFor } from "../../view/viewFor.ts";
import { pairKey } from "../indicators.ts";
import { initialState } from "../initialState.ts";
import { nextRound, play, refusal } from "../testing/play.ts";
import { deltaParty, riverScenario } from "../testing/river.ts";
import type { GameState } from "../types.ts";
import { availableMoves, validate } from "../validate.ts";

/** The river (testing/river.ts) with a third state, a tribunal for the water issue and one creative option. */
const basin = riverScenario({
  rules: "{ roundLimit: 6 }",
  extraParties: deltaParty,
  waterLegal: "{ forum: tribunal, positions: { a: high, b: low }, merits: { a: 0.7, b: 0.3 } }",
  extra: `forums:
  - { id: tribunal, name: The tribunal, jurisdiction: compulsory, roundsToRule: 2 }
creativeOptions:
  - id: fund
    name: Resilience fund
    description: A joint fund for floods and droughts.
    bonus: { a: 8, b: 8, c: 2 }
    unlock: { trust: 52, after: [shareInterests, workshop] }
indicators: { trust: 50, tension: 40 }`,
});

describe("shareInterests", () => {
  it("reveals the sharer's points on the chosen issues to the chosen parties only", () => {
    const s = play(initialState(basin, 1), "a", { kind: "shareInterests", to: ["b"], issueIds: ["water"] });
    expect(viewFor(s, "b").revealedToViewer).toEqual({ a: { water: { low: 0, high: 60 } } });
    expect(viewFor(s, "c").revealedToViewer).toEqual({});
    expect(viewFor(s, "observer").revealedToViewer).toEqual({});
    expect(JSON.stringify(viewFor(s, "c"))).not.toContain('"high":60');
    // Trust a–b 50 + 3; a–c unchanged.
    expect(s.indicators.trust[pairKey("a", "b")]).toBe(53);
    expect(s.indicators.trust[pairKey("a", "c")]).toBe(50);
  });

  it("AlreadyShared: sharing the same issues with the same parties again adds nothing", () => {
    let s = play(initialState(basin, 1), "a", { kind: "shareInterests", to: ["b"], issueIds: ["water"] });
    s = nextRound(s);
    expect(refusal(s, "a", { kind: "shareInterests", to: ["b"], issueIds: ["water"] })).toEqual({
      code: "AlreadyShared",
      message: "You have already shared these interests with Downstream.",
    });
  });
});

describe("proposeCreative", () => {
  it("NeedsGroundwork: a creative option needs one of its groundwork moves first", () => {
    expect(refusal(initialState(basin, 1), "a", { kind: "proposeCreative", creativeId: "fund" })).toEqual({
      code: "NeedsGroundwork",
      message:
        "Resilience fund needs groundwork first: sharing interests or a workshop must have happened at this table.",
    });
  });

  it("NotEnoughTrust: the proposer needs enough trust with every other state", () => {
    let s = play(initialState(basin, 1), "a", { kind: "shareInterests", to: ["b"], issueIds: ["water"] });
    s = nextRound(s);
    // a–b is 53 now, a–c still 50 < 52.
    expect(refusal(s, "a", { kind: "proposeCreative", creativeId: "fund" })).toEqual({
      code: "NotEnoughTrust",
      message: "Trust between you and Delta is 50; Resilience fund needs 52.",
    });
  });

  it("NoCreativeOptionReady: the move is offered only when a locked option could be put forward now", () => {
    const offered = (state: GameState) => availableMoves(state, "a").find((m) => m.kind === "proposeCreative");
    // Round 1: no groundwork yet, so the list says why, in the words the move's refusal uses.
    expect(offered(initialState(basin, 1))).toMatchObject({
      available: false,
      reason:
        "Resilience fund needs groundwork first: sharing interests or a workshop must have happened at this table.",
    });
    // Groundwork done, trust with Delta still short.
    let s = play(initialState(basin, 1), "a", { kind: "shareInterests", to: ["b"], issueIds: ["water"] });
    s = nextRound(s);
    expect(offered(s)).toMatchObject({
      available: false,
      reason: "Trust between you and Delta is 50; Resilience fund needs 52.",
    });
    // A workshop brings every pair to 53: now it can be put forward.
    s = nextRound(play(initialState(basin, 1), "a", { kind: "workshop", with: ["b", "c"] }));
    expect(offered(s)).toMatchObject({ available: true });
    expect(validate(s, "a", { kind: "proposeCreative", creativeId: "fund" }).ok).toBe(true);
  });

  it("unlocks the option; a package may then include it, and its bonus scores", () => {
    let s = play(initialState(basin, 1), "a", { kind: "workshop", with: ["b", "c"] });
    s = nextRound(s);
    // A workshop raised trust among all three to 53.
    expect(
      refusal(s, "a", {
        kind: "propose",
        to: ["b", "c"],
        package: { options: { water: "high", fish: "many" }, creative: ["fund"] },
      }).code,
    ).toBe("CreativeOptionLocked");
    s = play(s, "a", { kind: "proposeCreative", creativeId: "fund" });
    expect(s.families.unlocked).toEqual(["fund"]);
    s = play(s, "b", {
      kind: "propose",
      to: ["a", "c"],
      package: { options: { water: "high", fish: "many" }, creative: ["fund"] },
    });
    const id = s.proposals.at(-1)?.id ?? "";
    s = play(s, "a", { kind: "accept", proposalId: id });
    s = play(s, "c", { kind: "accept", proposalId: id });
    // a: 60 + 0 + 8; b: 0 + 70 + 8; c: 5 + 5 + 2.
    expect(scoreTable(s).map((x) => x.points)).toEqual([68, 78, 12]);
    // The bonus is what mutual gains earned.
    expect(s.valueChanges.filter((v) => v.seat === "a" && v.cause === "mutualGains").map((v) => v.delta)).toEqual([8]);
  });
});

describe("jointFactFinding", () => {
  it("needs both parties: the first call is an offer, the second completes it", () => {
    let s = play(initialState(basin, 1), "a", { kind: "jointFactFinding", with: "b", issueId: "fish" });
    expect(s.families.factFindings).toEqual([{ issueId: "fish", parties: ["a", "b"], round: 1, agreed: false }]);
    expect(viewFor(s, "b").revealedToViewer).toEqual({});
    s = play(s, "b", { kind: "jointFactFinding", with: "a", issueId: "fish" });
    // Not a legal issue: each learns the other's points on it.
    expect(viewFor(s, "b").revealedToViewer).toEqual({ a: { fish: { few: 40, many: 0 } } });
    expect(viewFor(s, "a").revealedToViewer).toEqual({ b: { fish: { few: 0, many: 70 } } });
    expect(viewFor(s, "c").revealedToViewer).toEqual({});
    expect(s.indicators.trust[pairKey("a", "b")]).toBe(54);
  });

  it("on a legal issue it clarifies the legal merits to both, and to nobody else", () => {
    let s = play(initialState(basin, 1), "a", { kind: "jointFactFinding", with: "b", issueId: "water" });
    s = play(s, "b", { kind: "jointFactFinding", with: "a", issueId: "water" });
    expect(viewFor(s, "a").clarifiedMerits).toEqual({ water: { a: 0.7, b: 0.3 } });
    expect(viewFor(s, "b").clarifiedMerits).toEqual({ water: { a: 0.7, b: 0.3 } });
    expect(viewFor(s, "c").clarifiedMerits).toEqual({});
    expect(viewFor(s, "a").revealedToViewer).toEqual({});
  });

  it("an offer lapses when nobody takes it up within two rounds", () => {
    let s = play(initialState(basin, 1), "a", { kind: "jointFactFinding", with: "b", issueId: "fish" });
    s = nextRound(s);
    expect(s.families.factFindings).toHaveLength(1);
    s = nextRound(s);
    expect(s.families.factFindings).toEqual([]);
    expect(s.log.some((e) => e.kind === "offerLapsed")).toBe(true);
  });

  it("AlreadyOffered and AlreadyDone", () => {
    let s = play(initialState(basin, 1), "a", { kind: "jointFactFinding", with: "b", issueId: "fish" });
    s = nextRound(s);
    expect(refusal(s, "a", { kind: "jointFactFinding", with: "b", issueId: "fish" }).code).toBe("AlreadyOffered");
    s = play(s, "b", { kind: "jointFactFinding", with: "a", issueId: "fish" });
    expect(refusal(s, "a", { kind: "jointFactFinding", with: "b", issueId: "fish" })).toEqual({
      code: "AlreadyDone",
      message: "You have already done joint fact-finding on Fish with Downstream.",
    });
  });
});
