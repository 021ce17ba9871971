import { describe, expect, it } from "vitest";
import { loadScenario } from "../../scenario/parse.ts";
import { approachMix } from "../../scoring/approachMix.ts";
import { pairKey } from "../indicators.ts";
import { initialState } from "../initialState.ts";
import { nextRound, play, refusal } from "../testing/play.ts";
import type { GameState } from "../types.ts";
import { availableMoves, validate } from "../validate.ts";

/** Two states; each can hurt the other with one measure. */
const yaml = (extra = "") => `
id: trade
title: Trade
dateContext: now
summary: Two traders.
recommended: { seats: 2, minutes: 10 }
rules: { roundLimit: 6, crisisThreshold: 70 }
parties:
  - id: a
    name: Alpha
    publicBrief: A.
    confidentialBrief: A secret.
    batna: 30
    payoffs:
      tariffs: { keep: 10, halve: 6, remove: 0 }
  - id: b
    name: Beta
    publicBrief: B.
    confidentialBrief: B secret.
    batna: 25
    payoffs:
      tariffs: { keep: 0, halve: 8, remove: 20 }
issues:
  - id: tariffs
    name: Tariffs
    statusQuo: keep
    options: [{ id: keep, label: Keep }, { id: halve, label: Halve }, { id: remove, label: Remove }]
measures:
  - { id: hike, name: Tariff hike, by: a, against: b, maxLevel: 2, damage: { a: 2, b: 5 }, tension: 10 }
indicators: { trust: 50, tension: 40 }
${extra}
`;
const trade = loadScenario(yaml());

const trust = (s: GameState) => s.indicators.trust[pairKey("a", "b")];

describe("threaten", () => {
  it("lowers trust between the two and raises tension", () => {
    const s = play(initialState(trade, 1), "a", { kind: "threaten", target: "b", measureId: "hike" });
    // Defaults: trust −4 (50 → 46), tension +5 (40 → 45).
    expect(trust(s)).toBe(46);
    expect(s.indicators.tension).toBe(45);
    expect(s.families.threats).toEqual([{ by: "a", target: "b", measureId: "hike", round: 1 }]);
  });

  it("WrongTarget: a measure can only threaten the party it targets", () => {
    const scenario = loadScenario(
      yaml().replace(
        "parties:\n",
        "parties:\n  - { id: c, name: Gamma, publicBrief: C., confidentialBrief: C secret., payoffs: { tariffs: { keep: 1, halve: 1, remove: 1 } } }\n",
      ),
    );
    const r = refusal(initialState(scenario, 1), "a", { kind: "threaten", target: "c", measureId: "hike" });
    expect(r.code).toBe("WrongTarget");
    expect(r.message).toBe("Tariff hike targets Beta, not Gamma.");
  });

  it("NoMeasureOfYours: a party without measures sees why it cannot threaten", () => {
    const move = availableMoves(initialState(trade, 1), "b").find((m) => m.kind === "threaten");
    expect(move?.available).toBe(false);
    expect(move?.reason).toBe("No measure in this scenario is yours to impose.");
  });
});

describe("impose", () => {
  it("lowers both BATNAs by the measure's damage (lose–lose) and raises tension by its tension", () => {
    const s = play(initialState(trade, 1), "a", { kind: "impose", measureId: "hike" });
    expect(s.families.measures.hike).toBe(1);
    expect(s.batna).toEqual({ a: 28, b: 20 });
    expect(s.indicators.tension).toBe(50);
    expect(trust(s)).toBe(44);
    // Unannounced: a legitimacy cost of 2 for the imposer.
    expect(s.indicators.legitimacy.a).toBe(48);
  });

  it("a measure that was threatened first is no surprise: no legitimacy cost", () => {
    let s = play(initialState(trade, 1), "a", { kind: "threaten", target: "b", measureId: "hike" });
    s = play(s, "b", { kind: "pass" });
    s = play(s, "a", { kind: "impose", measureId: "hike" });
    expect(s.indicators.legitimacy.a).toBe(50);
  });

  it("MeasureAtMaximum: a measure cannot go above its highest level", () => {
    let s = play(initialState(trade, 1), "a", { kind: "impose", measureId: "hike" });
    s = play(s, "b", { kind: "pass" });
    s = play(s, "a", { kind: "impose", measureId: "hike" });
    s = play(s, "b", { kind: "pass" });
    expect(refusal(s, "a", { kind: "impose", measureId: "hike" })).toEqual({
      code: "MeasureAtMaximum",
      message: "Tariff hike is already at its highest level (2).",
    });
  });

  it("NotYourMeasure: only the measure's owner imposes it", () => {
    expect(refusal(initialState(trade, 1), "b", { kind: "impose", measureId: "hike" }).code).toBe("NoMeasureOfYours");
    const scenario = loadScenario(
      yaml().replace(
        "measures:\n",
        "measures:\n  - { id: ban, name: Export ban, by: b, against: a, damage: { a: 4, b: 1 }, tension: 5 }\n",
      ),
    );
    expect(refusal(initialState(scenario, 1), "b", { kind: "impose", measureId: "hike" })).toEqual({
      code: "NotYourMeasure",
      message: "Tariff hike is Alpha's to impose, not yours.",
    });
  });

  it("what a measure costs is recorded as value lost to competitive moves", () => {
    const s = play(initialState(trade, 1), "a", { kind: "impose", measureId: "hike" });
    expect(approachMix(s, "a").gains.competitive).toBe(-2);
    expect(approachMix(s, "b").gains.competitive).toBe(-5);
    expect(approachMix(s, "b").ownGains.competitive).toBe(0);
  });
});

describe("liftMeasure", () => {
  it("restores half of that level's damage and eases tension by half the measure's tension", () => {
    let s = play(initialState(trade, 1), "a", { kind: "impose", measureId: "hike" });
    s = play(s, "b", { kind: "pass" });
    s = play(s, "a", { kind: "liftMeasure", measureId: "hike" });
    expect(s.families.measures.hike).toBe(0);
    // BATNA 28 + 1 = 29 and 20 + 2.5 = 22.5: half of the damage is sunk.
    expect(s.batna).toEqual({ a: 29, b: 22.5 });
    // Tension 50 − 5; trust 44 + 2.
    expect(s.indicators.tension).toBe(45);
    expect(trust(s)).toBe(46);
  });

  it("NoMeasureInForce: nothing to lift before a measure is imposed", () => {
    const move = availableMoves(initialState(trade, 1), "a").find((m) => m.kind === "liftMeasure");
    expect(move?.reason).toBe("None of your measures is in force.");
  });
});

describe("concede", () => {
  const open = (s: GameState) =>
    play(s, "a", { kind: "propose", to: ["b"], package: { options: { tariffs: "keep" } } });

  it("puts a new version of your proposal with one issue moved to an option worth less to you", () => {
    let s = open(initialState(trade, 1));
    s = play(s, "b", { kind: "pass" });
    s = play(s, "a", { kind: "concede", proposalId: "p0", issueId: "tariffs", optionId: "halve" });
    expect(s.proposals.map((p) => [p.id, p.status, p.version, p.approach])).toEqual([
      ["p0", "superseded", 1, "universal"],
      ["p2", "open", 2, "competitive"],
    ]);
    expect(s.proposals[1]?.package.options.tariffs).toBe("halve");
    expect(trust(s)).toBe(51);
  });

  it("NotAConcession: moving to an option worth more to you is not a concession", () => {
    let s = play(initialState(trade, 1), "a", {
      kind: "propose",
      to: ["b"],
      package: { options: { tariffs: "halve" } },
    });
    s = play(s, "b", { kind: "pass" });
    expect(refusal(s, "a", { kind: "concede", proposalId: "p0", issueId: "tariffs", optionId: "keep" })).toEqual({
      code: "NotAConcession",
      message: "A concession moves to an option worth less to you: 'Keep' is worth 10, 'Halve' 6.",
    });
  });

  it("NothingToConcede: not offered once every open proposal offers the least it can on every issue", () => {
    // Alpha's proposal offers 'remove' (worth 0 to it): no option is worth less.
    let s = play(initialState(trade, 1), "a", {
      kind: "propose",
      to: ["b"],
      package: { options: { tariffs: "remove" } },
    });
    s = play(s, "b", { kind: "pass" });
    expect(availableMoves(s, "a").find((m) => m.kind === "concede")).toMatchObject({
      available: false,
      reason:
        "Your open proposals already offer, on every issue, the least you can give: the option worth least to you, or the one a ruling binds.",
    });
    expect(availableMoves(open(initialState(trade, 1)), "a").find((m) => m.kind === "concede")?.available).toBe(false);
    s = play(open(initialState(trade, 1)), "b", { kind: "pass" });
    expect(availableMoves(s, "a").find((m) => m.kind === "concede")?.available).toBe(true);
  });

  it("NoOpenProposal: there is nothing to concede on without an open proposal", () => {
    const move = availableMoves(initialState(trade, 1), "a").find((m) => m.kind === "concede");
    expect(move?.reason).toBe("You have no open proposal to concede on.");
  });
});

describe("withhold", () => {
  it("blocks joint fact-finding both ways until the end of the next round, and costs trust", () => {
    let s = play(initialState(trade, 1), "a", { kind: "withhold", from: "b" });
    expect(trust(s)).toBe(47);
    expect(refusal(s, "b", { kind: "jointFactFinding", with: "a", issueId: "tariffs" })).toEqual({
      code: "TheyWithhold",
      message: "Alpha is withholding information from you until the end of round 2.",
    });
    s = play(s, "b", { kind: "pass" });
    expect(refusal(s, "a", { kind: "shareInterests", to: ["b"], issueIds: ["tariffs"] }).code).toBe("YouWithhold");
    s = nextRound(s);
    expect(s.round).toBe(3);
    expect(s.families.withheld).toEqual([]);
    expect(validate(s, "b", { kind: "jointFactFinding", with: "a", issueId: "tariffs" }).ok).toBe(true);
  });

  it("AlreadyWithholding: one withholding at a time", () => {
    let s = play(initialState(trade, 1), "a", { kind: "withhold", from: "b" });
    s = play(s, "b", { kind: "pass" });
    expect(refusal(s, "a", { kind: "withhold", from: "b" }).code).toBe("AlreadyWithholding");
  });

  it("with the only other party withheld from, withholding, sharing and fact-finding are greyed with the reason", () => {
    let s = play(initialState(trade, 1), "a", { kind: "withhold", from: "b" });
    // Both have moved: round 2 begins, the withholding still in force.
    s = play(s, "b", { kind: "pass" });
    expect(s.round).toBe(2);
    const reasons = (seat: string) =>
      Object.fromEntries(
        availableMoves(s, seat)
          .filter((m) => ["withhold", "shareInterests", "jointFactFinding"].includes(m.kind))
          .map((m) => [m.kind, m.reason]),
      );
    expect(reasons("a")).toEqual({
      withhold: "You already withhold information from Beta (until the end of round 2).",
      shareInterests: "You are withholding information from Beta until the end of round 2.",
      jointFactFinding: "You are withholding information from Beta until the end of round 2.",
    });
    expect(reasons("b")).toEqual({
      withhold: undefined,
      shareInterests: "Alpha is withholding information from you until the end of round 2.",
      jointFactFinding: "Alpha is withholding information from you until the end of round 2.",
    });
  });
});

describe("magnitudes", () => {
  it("a scenario's moveEffects override the engine's defaults", () => {
    const scenario = loadScenario(yaml("moveEffects: { threaten: { trust: -10 } }"));
    const s = play(initialState(scenario, 1), "a", { kind: "threaten", target: "b", measureId: "hike" });
    expect(trust(s)).toBe(40);
    // The tension default still applies.
    expect(s.indicators.tension).toBe(45);
  });
});

describe("crisis", () => {
  it("tension crossing the threshold causes one crisis, and another only after it came back down", () => {
    const tense = loadScenario(yaml().replace("tension: 40", "tension: 68"));
    let s = play(initialState(tense, 1), "a", { kind: "threaten", target: "b", measureId: "hike" });
    // Tension 68 + 5 = 73 > 70: a crisis. BATNAs −3 (30 → 27, 25 → 22); trust 50 − 4 − 5 = 41.
    expect(s.families.crises).toBe(1);
    expect(s.batna).toEqual({ a: 27, b: 22 });
    expect(trust(s)).toBe(41);
    expect(s.log.filter((e) => e.kind === "crisis")).toHaveLength(1);
    // Still above the threshold (73 − 2 = 71): no second crisis.
    s = play(s, "b", { kind: "backChannel", to: "a", text: "Let us calm things down." });
    expect(s.indicators.tension).toBe(71);
    expect(s.families.crises).toBe(1);
    // Back to 69, then up again past 70: a second crisis.
    s = play(s, "a", { kind: "confidenceBuilding", with: "b" });
    expect(s.families.inCrisis).toBe(false);
    s = play(s, "b", { kind: "pass" });
    s = play(s, "a", { kind: "threaten", target: "b", measureId: "hike" });
    expect(s.indicators.tension).toBe(74);
    expect(s.families.crises).toBe(2);
  });

  it("a scripted event that opens a round above the threshold sets off the crisis at once, with that event's seq", () => {
    const shocked = loadScenario(
      yaml(
        "events:\n  - { id: shock, round: 2, title: Shock, text: Markets fall., effects: { tension: 35, batna: { a: -1 } } }",
      ),
    );
    let s = play(initialState(shocked, 1), "a", { kind: "pass" });
    s = play(s, "b", { kind: "pass" });
    // Both passed: round 2 opens, and its event takes tension from 40 to 75 > 70.
    expect(s.round).toBe(2);
    expect(s.indicators.tension).toBe(75);
    expect(s.families.crises).toBe(1);
    expect(s.families.inCrisis).toBe(true);
    // BATNAs: a 30 − 1 (the event) − 3 (the crisis), b 25 − 3.
    expect(s.batna).toEqual({ a: 26, b: 22 });
    const crisis = s.log.find((e) => e.kind === "crisis");
    expect(crisis?.seq).toBe(s.seq - 1);
    // The same holds when the table's clock closes the round.
    const clocked = nextRound(initialState(shocked, 1));
    expect(clocked.families.crises).toBe(1);
    expect(clocked.log.at(-1)?.kind).toBe("crisis");
  });

  it("a round-1 event that takes the opening above the threshold counts as opening in crisis", () => {
    const opening = loadScenario(
      yaml("events:\n  - { id: shock, round: 1, title: Shock, text: Markets fall., effects: { tension: 35 } }"),
    );
    const start = initialState(opening, 1);
    expect(start.families.inCrisis).toBe(true);
    const s = play(start, "a", { kind: "threaten", target: "b", measureId: "hike" });
    expect(s.families.crises).toBe(0);
  });

  it("a table that opens above the threshold is already in crisis: no crisis without a crossing", () => {
    const hot = loadScenario(yaml().replace("tension: 40", "tension: 90"));
    const s = play(initialState(hot, 1), "a", { kind: "threaten", target: "b", measureId: "hike" });
    expect(s.families.crises).toBe(0);
  });
});
