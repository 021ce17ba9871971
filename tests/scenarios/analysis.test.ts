import { analyseScenario, loadScenario } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { validFixture } from "./fixture.ts";

describe("analyseScenario on the two-state river fixture", () => {
  const analysis = analyseScenario(loadScenario(validFixture));

  it("counts packages and each state's best and worst", () => {
    // 3 water options × 3 fish options × 2 data options.
    expect(analysis.packageCount).toBe(18);
    // Up: high water 60 + few fish 20 + shared data 20; Down: low water 20 + many fish 60 + shared 20.
    expect(analysis.parties.up).toEqual({ best: 100, worst: 0, batna: 40 });
    expect(analysis.parties.down).toEqual({ best: 100, worst: 0, batna: 40 });
  });

  it("the midpoint compromise leaves the worst-off state best off, issue by issue", () => {
    // Water scaled: Up 0 / .5 / 1, Down 1 / .5 / 0 → the lowest is best at 'mid' (.5); fish alike
    // at 'some'; data: both prefer 'shared'. Up 30 + 10 + 20 = 60, Down 10 + 30 + 20 = 60.
    expect(analysis.midpoint.options).toEqual({ water: "mid", fish: "some", data: "shared" });
    expect(analysis.midpoint.points).toEqual({ up: 60, down: 60 });
    expect(analysis.midpoint.joint).toBe(120);
  });

  it("the best joint package trades water for fish", () => {
    // Water sums 20 / 40 / 60 → high; fish 20 / 40 / 60 → many; data 0 / 40 → shared: 80 each.
    expect(analysis.bestJoint.options).toEqual({ water: "high", fish: "many", data: "shared" });
    expect(analysis.bestJoint.joint).toBe(160);
  });

  it("counts the agreement zone and finds the Nash point", () => {
    // Both above 40. With shared data: (mid, some) 60/60, (mid, many) 50/90, (high, some) 90/50,
    // (high, many) 80/80; without it only (high, many) 60/60. Five packages.
    expect(analysis.zone.count).toBe(5);
    expect(analysis.everyoneAbove).toBe(5);
    // Surplus products: 400, 500, 500, 1600, 400 → (high, many, shared).
    expect(analysis.nash?.options).toEqual({ water: "high", fish: "many", data: "shared" });
    expect(analysis.nash?.points).toEqual({ up: 80, down: 80 });
  });

  it("a qualified rule counts packages a coalition with every veto holder accepts", () => {
    const scenario = loadScenario(validFixture);
    // With min 1 and Up's veto, a package needs only Up above its BATNA: Up > 40.
    const qualified = {
      ...scenario,
      rules: { ...scenario.rules, agreement: { rule: "qualified" as const, min: 1, mustInclude: [], vetoes: ["up"] } },
    };
    const result = analyseScenario(qualified);
    // Up's points are water {0, 30, 60} + fish {20, 10, 0} + data {0, 20}. Low water: at most 40,
    // never more. Mid water: 70, 50, 60 and 50 (few/shared, few/none, some/shared, many/shared) are
    // above, 40 and 30 are not. High water: all six (at least 60). 0 + 4 + 6 = 10 packages.
    expect(result.zone.count).toBe(10);
    expect(result.everyoneAbove).toBe(5);
  });
});
