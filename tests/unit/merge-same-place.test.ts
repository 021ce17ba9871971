import { describe, expect, it } from "vitest";
import { mergeSamePlace } from "../../client/src/charts/outcomeSpaceData.ts";

describe("tables with the same outcome share one point of the plot", () => {
  it("names every table at a place and counts them, and leaves a point alone as it was", () => {
    const merged = mergeSamePlace([
      { x: 27, y: 24, label: "Table 1: no agreement" },
      { x: 40, y: 41, label: "Table 2: agreement in round 5" },
      { x: 27, y: 24, label: "Table 3: no agreement" },
      { x: 27, y: 24, label: "Table 6: no agreement" },
    ]);
    expect(merged).toEqual([
      { x: 27, y: 24, label: "Table 1: no agreement; Table 3: no agreement; Table 6: no agreement", count: 3 },
      { x: 40, y: 41, label: "Table 2: agreement in round 5" },
    ]);
  });
});
