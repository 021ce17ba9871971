import type { OutcomeSpaceData } from "./outcomeSpaceData.ts";

/** Where a reference line's name is written (Recharts' label positions). */
export type LabelPosition = "insideBottomLeft" | "insideBottomRight" | "insideTopLeft";

/**
 * Where to write the names of the two BATNA lines: in the corner below both BATNAs, where
 * an outcome is worse for both sides than no deal (no point of the frontier lies there while
 * some agreement beats both BATNAs, and offers seldom do). The vertical line's name goes to
 * its left at the bottom, the horizontal line's below it at the left; a line too near its
 * axis for its name to fit on that side has it on the other.
 */
export function batnaLabelPositions(data: OutcomeSpaceData): { x: LabelPosition; y: LabelPosition } | undefined {
  const batna = data.batna;
  if (!batna) return undefined;
  const points = [
    batna,
    ...data.frontier,
    ...data.trails.flatMap((t) => t.points),
    ...(data.outcomes ?? []),
    ...(data.nash ? [data.nash] : []),
    ...(data.outcome ? [data.outcome] : []),
  ];
  const share = (value: number, axis: "x" | "y") => {
    const values = points.map((p) => p[axis]);
    // From the axis' start: its domain fits the points drawn, and starts at zero only when they do.
    const low = Math.min(...values);
    const span = Math.max(...values) - low;
    return span > 0 ? (value - low) / span : 0;
  };
  return {
    x: share(batna.x, "x") < 0.3 ? "insideBottomLeft" : "insideBottomRight",
    y: share(batna.y, "y") < 0.15 ? "insideBottomLeft" : "insideTopLeft",
  };
}
