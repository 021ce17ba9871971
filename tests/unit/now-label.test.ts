import { describe, expect, it } from "vitest";
import { nowLabelPosition } from "../../client/src/charts/lineSeries.ts";

/**
 * ("insideTopLeft" is Recharts' name for a label written rightwards from a vertical line.)
 * The "now" line of the debrief's charts over rounds: its name sat in the middle of the line,
 * on the plotted lines, and at the first round on the y axis' numbers ("50" read "50now").
 */
describe("where the 'now' line's name goes", () => {
  const rows = [1, 2, 3, 4].map((round) => ({ round }));

  it("goes right of the line, away from the axis, at the first round and in between", () => {
    expect(nowLabelPosition(rows, 1)).toBe("insideTopLeft");
    expect(nowLabelPosition(rows, 3)).toBe("insideTopLeft");
  });

  it("goes left of the line at the last round, inside the plot", () => {
    expect(nowLabelPosition(rows, 4)).toBe("insideTopRight");
  });

  it("goes right of a round that is also the only one", () => {
    expect(nowLabelPosition([{ round: 1 }], 1)).toBe("insideTopLeft");
  });
});
