import type { Approach } from "@parley/shared";

/** Series colours (checked for contrast on white) and dash patterns, so lines differ by more than colour. */
const seriesColours = ["#1f5fa8", "#b3471d", "#2e7d32", "#7b3fa0", "#8a6d00", "#00796b", "#c2185b", "#455a64"];
/** The same hues, light, for the high-contrast display (on black). */
const seriesColoursOnBlack = ["#7fc1ff", "#ffab7a", "#7ee29a", "#d7a8ff", "#ffd166", "#5fdccb", "#ff8ac4", "#cfd8dc"];
export const seriesDashes = ["", "6 3", "2 3", "10 3 2 3", "4 4", "1 2", "8 2", "3 6"];

/**
 * How the charts draw: text sizes and colours. Recharts sizes its text in pixels and takes
 * colours as attributes, so the page's large text and high contrast (the projector's
 * choices) reach a chart only through this: chart text grows with the page's (20 px instead
 * of 16), and on the high-contrast black every line, point and label is drawn light.
 */
export type ChartTheme = {
  /** Axis ticks and titles, legends. */
  fontSize: number;
  /** Labels on lines and bars ("now", "… BATNA", a bar's letter). */
  smallFontSize: number;
  series: readonly string[];
  approach: Record<Approach, string>;
  /** A bar's letter, on its approach's colour. */
  onApproach: string;
  grid: string;
  axis: string;
  /** Marks drawn in the text's colour (the "now" line). */
  ink: string;
  frontier: string;
  batna: string;
  nash: string;
  outcome: string;
  outcomes: string;
  tooltip: { background: string; border: string; color: string };
};

export function chartTheme({ largeText, highContrast }: { largeText: boolean; highContrast: boolean }): ChartTheme {
  const scale = largeText ? 20 / 16 : 1;
  const size = (px: number) => Math.round(px * scale);
  const sizes = { fontSize: size(12), smallFontSize: size(11) };
  if (highContrast)
    return {
      ...sizes,
      series: seriesColoursOnBlack,
      approach: {
        competitive: "#ffab7a",
        mediation: "#7fc1ff",
        mutualGains: "#7ee29a",
        judicial: "#d7a8ff",
        trackTwo: "#5fdccb",
        universal: "#cfd8dc",
      },
      onApproach: "#000",
      grid: "#3d3d3d",
      axis: "#bdbdbd",
      ink: "#fff",
      frontier: "#b8c2d1",
      batna: "#ffd166",
      nash: "#7ee29a",
      outcome: "#ff8a8a",
      outcomes: "#7fc1ff",
      tooltip: { background: "#0b0b0b", border: "#8a8a8a", color: "#fff" },
    };
  return {
    ...sizes,
    series: seriesColours,
    approach: {
      competitive: "#b3471d",
      mediation: "#1f5fa8",
      mutualGains: "#2e7d32",
      judicial: "#6a3d9a",
      trackTwo: "#00796b",
      universal: "#4a5563",
    },
    onApproach: "#fff",
    grid: "#e3e7ee",
    axis: "#666",
    ink: "#1b2430",
    frontier: "#7a8699",
    batna: "#8a6d00",
    nash: "#2e7d32",
    outcome: "#a42323",
    outcomes: "#1f5fa8",
    tooltip: { background: "#fff", border: "#c8ced8", color: "#1b2430" },
  };
}
