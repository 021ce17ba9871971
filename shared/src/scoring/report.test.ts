import { describe, expect, it } from "vitest";
import { initialState } from "../rules/initialState.ts";
import { play } from "../rules/testing/play.ts";
import { riverScenario } from "../rules/testing/river.ts";
import type { GameState } from "../rules/types.ts";
import { tableReport } from "./report.ts";

/** The river (rules/testing/river.ts): a logroll (water matters to a, fish to b). Ranges: a 0–100, b 0–100. */
const river = (batnas = { a: 30, b: 25 }) => riverScenario({ batnas });

/** Upstream proposes low/few (a 40, b 30) and Downstream accepts: a fixed-pie compromise. */
function compromise(): GameState {
  let s = play(initialState(river(), 1), "a", {
    kind: "propose",
    to: ["b"],
    package: { options: { water: "low", fish: "few" } },
  });
  s = play(s, "b", { kind: "accept", proposalId: "p0" });
  return s;
}

describe("table report", () => {
  it("joint points and efficiency against the best joint outcome", () => {
    const r = tableReport(compromise());
    // Joint 40 + 30 = 70. Best joint: water max(0+30, 60+0) = 60, fish max(40+0, 0+70) = 70: 130.
    expect(r.jointPoints).toBe(70);
    expect(r.bestJointPoints).toBe(130);
    // 70 / 130 = 53.85 %.
    expect(r.efficiency).toEqual({ defined: true, value: (100 * 70) / 130 });
  });

  it("the frontier, and the outcome's distance to the frontier point that beats it for both", () => {
    const r = tableReport(compromise());
    expect(r.frontier.size).toBe(3);
    expect(r.onFrontier).toBe(false);
    // Only high/many (60, 70) is at least as good for both as (40, 30). Both ranges are 0–100,
    // so the scaled distance is √(20² + 40²) = √2000 ≈ 44.72.
    expect(r.distanceToFrontier).toEqual({ defined: true, value: Math.sqrt(2000) });
  });

  it("the Nash point maximises the product of surpluses over the BATNAs", () => {
    const r = tableReport(compromise());
    // BATNAs 30 and 25: high/many gives 30 × 45 = 1350; low/many and high/few leave one side below.
    expect(r.nash).toEqual({
      defined: true,
      package: { options: { water: "high", fish: "many" }, creative: [] },
      points: { a: 60, b: 70 },
    });
  });

  it("the Nash point is undefined, with a reason, when no package beats every BATNA", () => {
    const r = tableReport(initialState(river({ a: 95, b: 95 }), 1));
    expect(r.nash.defined).toBe(false);
    expect(r.nash.defined ? "" : r.nash.reason).toMatch(/No package gives every party more than its alternative/);
  });

  it("realist lens: own scaled points and relative gains, with the scenario's weights or a session's", () => {
    const s = compromise();
    // a: own 40, relative 40 − 30 = 10, weights 1 and 1: (40 + 10) / 2 = 25. b: (30 − 10) / 2 = 10.
    const r = tableReport(s);
    expect(r.lenses.a?.realist.score).toEqual({ defined: true, value: 25 });
    expect(r.lenses.b?.realist.score).toEqual({ defined: true, value: 10 });
    // A session that ignores relative gains: the score is own points alone.
    expect(tableReport(s, { lenses: { realist: { relative: 0 } } }).lenses.a?.realist.score).toEqual({
      defined: true,
      value: 40,
    });
  });

  it("liberal lens: own points, joint efficiency, trust and legitimacy", () => {
    // a: own 40; joint 53.85; trust 50 + 2 (b accepted a's proposal) = 52; legitimacy 50.
    // Weights 1, 1, 0.5, 0.5: (40 + 53.846 + 26 + 25) / 3 = 48.28.
    const r = tableReport(compromise());
    const expected = (40 + (100 * 70) / 130 + 0.5 * 52 + 0.5 * 50) / 3;
    const score = r.lenses.a?.liberal.score;
    expect(score?.defined && score.value).toBeCloseTo(expected, 10);
  });

  it("what each approach gained adds up to final points minus the initial BATNA", () => {
    const r = tableReport(compromise());
    // a: BATNA 30 → 40 from a plain (universal) proposal: +10. b: 25 → 30: +5.
    expect(r.approaches.a?.gains.universal).toBe(10);
    expect(r.approaches.b?.gains.universal).toBe(5);
    expect(r.approaches.a?.ownGains.universal).toBe(10);
    expect(r.approaches.b?.ownGains.universal).toBe(0);
  });

  it("trajectories come from the round snapshots", () => {
    let s = initialState(river(), 1);
    s = play(s, "a", { kind: "pass" });
    s = play(s, "b", { kind: "pass" });
    s = play(s, "a", {
      kind: "propose",
      to: ["b"],
      package: { options: { water: "high", fish: "few" } },
      framing: "anchor",
    });
    s = play(s, "b", { kind: "walkAway" });
    const t = tableReport(s).trajectories;
    expect(t.rounds).toEqual([1, 2]);
    // Round 2: the anchor +3, the walk-out +10 on the default 40.
    expect(t.tension).toEqual([40, 53]);
    expect(t.meanTrust).toEqual([50, 47]);
  });
});
