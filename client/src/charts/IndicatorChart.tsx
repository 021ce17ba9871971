import { pairKey, type TableView } from "@parley/shared";
import { partyName } from "../ui/names.ts";
import { LineSeriesChart } from "./LineSeriesChart.tsx";
import type { Row, Series } from "./lineSeries.ts";

/** The table screen's chart: tension, your trust with each party and your legitimacy, round by round. */
export default function IndicatorChart({ view }: { view: TableView }) {
  const seat = view.me?.seat ?? "";
  const others = view.parties.filter((p) => p.id !== seat);
  const series: Series[] = [
    { key: "tension", label: "Tension" },
    ...others.map((p) => ({ key: `trust:${p.id}`, label: `Trust with ${p.name}` })),
    ...(seat ? [{ key: "legitimacy", label: `Legitimacy of ${partyName(view, seat)}` }] : []),
  ];
  const snapshots = [...view.history.map((h) => ({ round: h.round, indicators: h.indicators }))];
  if (view.phase === "playing") snapshots.push({ round: view.round, indicators: view.indicators });
  const rows: Row[] = snapshots.map(({ round, indicators }) => {
    const row: Row = { round, tension: indicators.tension, legitimacy: indicators.legitimacy[seat] };
    for (const p of others) row[`trust:${p.id}`] = indicators.trust[pairKey(seat, p.id)];
    return row;
  });
  return (
    <LineSeriesChart title="Indicators by round (the last point is now)" rows={rows} series={series} height={200} />
  );
}
