/** What the outcome-space plot draws (see OutcomeSpacePlot). */

export interface PlotPoint {
  x: number;
  y: number;
  label: string;
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
