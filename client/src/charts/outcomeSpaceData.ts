/** What the outcome-space plot draws (see OutcomeSpacePlot). */

export interface PlotPoint {
  x: number;
  y: number;
  label: string;
  /** A short name written beside the point on the plot (a table's number), if any. */
  tag?: string;
  /** How many points share this place (tables with the same outcome), when more than one. */
  count?: number;
}

/** Tags written beside one point before the rest are counted ("1, 2, 3, 4 +5"). */
const tagsShown = 4;

/**
 * Points at the same place drawn once, naming them all ("Table 1: …; Table 3: …") and
 * counting them: four tables that ran out of rounds at the same BATNAs had looked like one.
 * Their tags are written together ("1, 3, 6"), the first few of many with the rest counted.
 */
export function mergeSamePlace(points: readonly PlotPoint[]): PlotPoint[] {
  const merged = new Map<string, { point: PlotPoint; tags: string[] }>();
  for (const point of points) {
    const key = `${point.x}|${point.y}`;
    const there = merged.get(key);
    const tags = point.tag === undefined ? [] : [point.tag];
    if (there)
      merged.set(key, {
        point: { ...there.point, label: `${there.point.label}; ${point.label}`, count: (there.point.count ?? 1) + 1 },
        tags: [...there.tags, ...tags],
      });
    else merged.set(key, { point: { ...point }, tags });
  }
  return [...merged.values()].map(({ point, tags }) => {
    if (tags.length < 2) return point;
    const more = tags.length - tagsShown;
    return { ...point, tag: `${tags.slice(0, tagsShown).join(", ")}${more > 0 ? ` +${more}` : ""}` };
  });
}

export interface OutcomeSpaceData {
  xLabel: string;
  yLabel: string;
  frontier: PlotPoint[];
  nash?: PlotPoint;
  batna?: { x: number; y: number };
  /** Offers in order, one trail per proposer. */
  trails: { name: string; points: PlotPoint[] }[];
  outcome?: PlotPoint;
  /** Other tables' outcomes (the session debrief). */
  outcomes?: PlotPoint[];
  /** When the BATNAs (the lines) are those of the start: where they stood when each agreement was made, if elsewhere. */
  batnasThen?: PlotPoint[];
}
