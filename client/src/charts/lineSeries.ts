/** What a chart over rounds draws (see LineSeriesChart): its lines, and one row per round. */
export interface Series {
  key: string;
  label: string;
}

export type Row = { round: number } & Record<string, number | undefined>;

/**
 * Where the "now" line's name goes: at the top, right of the line, away from the y axis'
 * numbers (in the middle of the line, its default, it sat on the lines, and at the first round
 * on the axis' "50"); at the last round, left of it, inside the plot. (For a line of zero
 * width Recharts writes an "inside…Left" label from the line rightwards, "inside…Right" up to it.)
 */
export function nowLabelPosition(rows: readonly Row[], marker: number): "insideTopLeft" | "insideTopRight" {
  const last = rows[rows.length - 1]?.round;
  return rows.length > 1 && marker === last ? "insideTopRight" : "insideTopLeft";
}
