/** What the outcome-space plot draws (see OutcomeSpacePlot). */

export interface PlotPoint {
  x: number;
  y: number;
  label: string;
  /** How many points share this place (tables with the same outcome), when more than one. */
  count?: number;
}

/**
 * Points at the same place drawn once, naming them all ("Table 1: …; Table 3: …") and
 * counting them: four tables that ran out of rounds at the same BATNAs had looked like one.
 */
export function mergeSamePlace(points: readonly PlotPoint[]): PlotPoint[] {
  const merged = new Map<string, PlotPoint>();
  for (const point of points) {
    const key = `${point.x}|${point.y}`;
    const there = merged.get(key);
    if (there) merged.set(key, { ...there, label: `${there.label}; ${point.label}`, count: (there.count ?? 1) + 1 });
    else merged.set(key, { ...point });
  }
  return [...merged.values()];
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
}
