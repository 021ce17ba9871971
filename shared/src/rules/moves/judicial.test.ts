import { describe, expect, it } from "vitest";
import { initialState } from "../initialState.ts";
import { nextRound, play, refusal } from "../testing/play.ts";
import { riverScenario } from "../testing/river.ts";
import type { GameState } from "../types.ts";
import { availableMoves, validate } from "../validate.ts";

/** The river (testing/river.ts) before a court on the water issue; `forum` and `merits` vary per test. */
const court = (forum = "jurisdiction: compulsory, roundsToRule: 1", merits = "{ a: 1, b: 0 }") =>
  riverScenario({
    rules: "{ roundLimit: 6 }",
    waterLegal: `{ forum: court, positions: { a: high, b: low }, merits: ${merits} }`,
    extra: `forums:
  - { id: court, name: The court, ${forum} }
indicators: { trust: 50, tension: 40, legitimacy: { a: 60, b: 60 } }`,
  });

/** Upstream files in round 1; the compulsory court rules at the end of round 2. */
function ruled(merits = "{ a: 1, b: 0 }", forum = "jurisdiction: compulsory, roundsToRule: 1"): GameState {
  let s = play(initialState(court(forum, merits), 3), "a", { kind: "fileClaim", issueId: "water" });
  s = nextRound(s);
  return nextRound(s);
}

describe("fileClaim", () => {
  it("before a compulsory forum the case proceeds at once and is ruled roundsToRule rounds later", () => {
    let s = play(initialState(court(), 1), "a", { kind: "fileClaim", issueId: "water" });
    expect(s.families.claims[0]).toMatchObject({
      status: "pending",
      claimant: "a",
      respondents: ["b"],
      rulesInRound: 2,
    });
    s = nextRound(s);
    expect(s.families.claims[0]?.status).toBe("pending");
    s = nextRound(s);
    expect(s.families.claims[0]).toMatchObject({ status: "ruled", ruling: { optionId: "high", favours: "a" } });
  });

  it("the ruling is drawn from the claimant's merits: merits 0 lose, and the respondent's option is ruled", () => {
    const s = ruled("{ a: 0, b: 1 }");
    expect(s.families.claims[0]?.ruling).toMatchObject({ optionId: "low", favours: "b" });
  });

  it("the ruling follows the merits over many seeds, and the same seed gives the same ruling", () => {
    const scenario = court("jurisdiction: compulsory, roundsToRule: 1", "{ a: 0.7, b: 0.3 }");
    const rule = (seed: number) => {
      let s = play(initialState(scenario, seed), "a", { kind: "fileClaim", issueId: "water" });
      s = nextRound(nextRound(s));
      return s.families.claims[0]?.ruling?.favours;
    };
    const wins = Array.from({ length: 400 }, (_, seed) => rule(seed)).filter((f) => f === "a").length;
    // 400 draws at p = 0.7: mean 280, standard deviation about 9.2; ±5 sd.
    expect(wins).toBeGreaterThan(234);
    expect(wins).toBeLessThan(326);
    expect(rule(17)).toBe(rule(17));
  });

  it("RulingAlreadyFinal: the court has already ruled on this issue", () => {
    expect(refusal(ruled(), "b", { kind: "fileClaim", issueId: "water" })).toEqual({
      code: "RulingAlreadyFinal",
      message: "The court has already ruled on this issue.",
    });
  });

  it("CaseAlreadyOpen and NotALegalIssue", () => {
    const s = play(initialState(court(), 1), "a", { kind: "fileClaim", issueId: "water" });
    expect(refusal(s, "b", { kind: "fileClaim", issueId: "water" }).code).toBe("CaseAlreadyOpen");
    expect(refusal(s, "b", { kind: "fileClaim", issueId: "fish" }).message).toBe(
      "Fish cannot go before a court in this scenario.",
    );
  });
});

describe("a binding ruling", () => {
  it("must be kept by every later package", () => {
    expect(
      refusal(ruled(), "b", { kind: "propose", to: ["a"], package: { options: { water: "low", fish: "many" } } }),
    ).toEqual({
      code: "RulingMustBeKept",
      message: "The court has ruled on Water: the package must keep 'High'.",
    });
  });

  it("makes open proposals that break it fall", () => {
    let s = play(initialState(court(), 1), "a", { kind: "fileClaim", issueId: "water" });
    s = play(s, "b", { kind: "propose", to: ["a"], package: { options: { water: "low", fish: "many" } } });
    expect(s.round).toBe(2);
    expect(s.proposals[0]?.status).toBe("open");
    s = nextRound(s);
    expect(s.proposals[0]?.status).toBe("expired");
    expect(s.log.some((e) => e.text.startsWith("Proposal p1 by Downstream falls"))).toBe(true);
  });

  it("applies without a deal: each BATNA moves by the ruled option's points against the status quo's", () => {
    const s = ruled();
    // Upstream: high 60 − low 0 = +60; Downstream: high 0 − low 30 = −30.
    expect(s.batna).toEqual({ a: 90, b: -5 });
    expect(s.families.claims[0]?.batnaShift).toEqual({ a: 60, b: -30 });
  });

  it("raises tension: someone lost", () => {
    // Filing +3 (40 → 43), the ruling +6.
    expect(ruled().indicators.tension).toBe(49);
  });

  it("an advisory ruling binds neither packages nor BATNAs", () => {
    const s = ruled("{ a: 1, b: 0 }", "jurisdiction: compulsory, roundsToRule: 1, binding: false");
    expect(s.batna).toEqual({ a: 30, b: 25 });
    expect(
      validate(s, "b", { kind: "propose", to: ["a"], package: { options: { water: "low", fish: "many" } } }).ok,
    ).toBe(true);
  });
});

describe("consent jurisdiction", () => {
  const consentForum = "jurisdiction: consent, roundsToRule: 1";

  it("the case waits for the respondent's consent, then proceeds", () => {
    let s = play(initialState(court(consentForum), 1), "a", { kind: "fileClaim", issueId: "water" });
    expect(s.families.claims[0]?.status).toBe("awaitingConsent");
    expect(availableMoves(s, "b").find((m) => m.kind === "respondToClaim")?.available).toBe(true);
    s = play(s, "b", { kind: "respondToClaim", claimId: "c0", consent: true });
    expect(s.families.claims[0]).toMatchObject({ status: "pending", rulesInRound: 2 });
  });

  it("refusing jurisdiction stops the case and costs the respondent legitimacy", () => {
    let s = play(initialState(court(consentForum), 1), "a", { kind: "fileClaim", issueId: "water" });
    s = play(s, "b", { kind: "respondToClaim", claimId: "c0", consent: false });
    expect(s.families.claims[0]?.status).toBe("declined");
    expect(s.indicators.legitimacy.b).toBe(57);
    // Declined: a new claim may be filed.
    s = nextRound(s);
    expect(validate(s, "a", { kind: "fileClaim", issueId: "water" }).ok).toBe(true);
  });

  it("silence past the deadline counts as a refusal", () => {
    let s = play(initialState(court(consentForum), 1), "a", { kind: "fileClaim", issueId: "water" });
    s = nextRound(s);
    expect(s.families.claims[0]?.status).toBe("awaitingConsent");
    s = nextRound(s);
    expect(s.families.claims[0]?.status).toBe("declined");
    expect(s.indicators.legitimacy.b).toBe(57);
  });

  it("NoClaimAgainstYou: only a respondent with a claim waiting can respond", () => {
    const s = play(initialState(court(consentForum), 1), "a", { kind: "fileClaim", issueId: "water" });
    expect(availableMoves(s, "a").find((m) => m.kind === "respondToClaim")?.reason).toBe(
      "No claim against you is waiting for your answer.",
    );
  });
});

describe("comply or defy", () => {
  it("defying costs legitimacy and raises tension; the ruling no longer shapes the defier's no-deal outcome", () => {
    const s = play(ruled(), "b", { kind: "defy", claimId: "c0" });
    expect(s.indicators.legitimacy.b).toBe(52);
    expect(s.indicators.tension).toBe(54);
    // Downstream's −30 is undone; Upstream keeps its +60.
    expect(s.batna).toEqual({ a: 90, b: 25 });
    // Any deal must still keep the ruling.
    expect(
      refusal(s, "b", { kind: "propose", to: ["a"], package: { options: { water: "low", fish: "many" } } }).code,
    ).toBe("RulingMustBeKept");
  });

  it("complying raises the loser's standing and the winner's trust, and eases tension", () => {
    const s = play(ruled(), "b", { kind: "comply", claimId: "c0" });
    expect(s.indicators.legitimacy.b).toBe(62);
    expect(s.indicators.tension).toBe(47);
    expect(s.families.claims[0]?.compliance).toEqual({ b: "comply" });
  });

  it("RulingNotAgainstYou and AlreadyAnswered", () => {
    let s = ruled();
    expect(availableMoves(s, "a").find((m) => m.kind === "defy")?.reason).toBe(
      "No ruling against you is waiting for your answer.",
    );
    expect(refusal(s, "a", { kind: "defy", claimId: "c0" })).toEqual({
      code: "RulingNotAgainstYou",
      message: "This ruling did not go against you.",
    });
    s = play(s, "b", { kind: "comply", claimId: "c0" });
    expect(refusal(s, "b", { kind: "defy", claimId: "c0" })).toEqual({
      code: "AlreadyAnswered",
      message: "You have already answered this ruling.",
    });
  });
});
