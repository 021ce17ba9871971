import { describe, expect, it } from "vitest";
import { batnaLabelPositions } from "../../client/src/charts/batnaLabels.ts";
import type { OutcomeSpaceData, PlotPoint } from "../../client/src/charts/outcomeSpaceData.ts";

const point = (x: number, y: number): PlotPoint => ({ x, y, label: `${x}, ${y}` });

/** A frontier from (0, 100) to (100, 0) and the BATNAs given. */
function plot(batna?: { x: number; y: number }): OutcomeSpaceData {
  const frontier = [0, 20, 40, 60, 80, 100].map((x) => point(x, 100 - x));
  return { xLabel: "Egypt", yLabel: "Israel", frontier, trails: [], batna };
}

describe("where the BATNA lines are named", () => {
  it("writes both names in the corner below both BATNAs, where no agreement lies", () => {
    // The vertical line's name ends left of it at the bottom; the horizontal one's starts at the left, under it.
    expect(batnaLabelPositions(plot({ x: 40, y: 35 }))).toEqual({ x: "insideBottomRight", y: "insideTopLeft" });
  });

  it("moves a name to the other side of a line too near its axis for it to fit", () => {
    expect(batnaLabelPositions(plot({ x: 10, y: 35 }))?.x).toBe("insideBottomLeft");
    expect(batnaLabelPositions(plot({ x: 40, y: 5 }))?.y).toBe("insideBottomLeft");
  });

  it("measures nearness on the range of every point drawn, offers and outcomes too", () => {
    const data = plot({ x: 40, y: 35 });
    // An offer far out widens the x axis: 40 is now near its start.
    data.trails = [{ name: "Egypt", points: [point(400, 10)] }];
    expect(batnaLabelPositions(data)?.x).toBe("insideBottomLeft");
  });

  it("measures nearness from the axis' start, which is zero only when some point is", () => {
    // A council's pair: every point between 20 and 104, the BATNAs at (31, 29). Measured from
    // zero they had seemed far enough from the axes; both names were written in the small
    // corner by the axes' start, one cut off by the plot's edge and over the other.
    const frontier = [20, 40, 60, 80, 100].map((x) => point(x, 124 - x));
    const data: OutcomeSpaceData = { xLabel: "United States", yLabel: "United Kingdom", frontier, trails: [] };
    data.batna = { x: 31, y: 29 };
    expect(batnaLabelPositions(data)).toEqual({ x: "insideBottomLeft", y: "insideBottomLeft" });
  });

  it("names no line when there are no BATNAs to draw", () => {
    expect(batnaLabelPositions(plot())).toBeUndefined();
  });
});
