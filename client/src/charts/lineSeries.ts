/** What a chart over rounds draws (see LineSeriesChart): its lines, and one row per round. */
export interface Series {
  key: string;
  label: string;
}

export type Row = { round: number } & Record<string, number | undefined>;
