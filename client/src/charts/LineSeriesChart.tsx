import { memo, useId } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { Row, Series } from "./lineSeries.ts";
import { seriesColours, seriesDashes } from "./palette.ts";

/**
 * Values over rounds, one line per series (each with its own colour, dash and legend
 * label), with the numbers available as a table for screen readers and projectors.
 */
export const LineSeriesChart = memo(function LineSeriesChart({
  title,
  rows,
  series,
  domain = [0, 100],
  marker,
  height = 220,
  unit = "",
}: {
  title: string;
  rows: Row[];
  series: Series[];
  domain?: [number | "auto", number | "auto"];
  marker?: number;
  height?: number;
  unit?: string;
}) {
  const captionId = useId();
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{title}</figcaption>
      <div role="img" aria-label={`${title}: a line chart, the numbers are in the table below.`}>
        <ResponsiveContainer width="100%" height={height}>
          <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#e3e7ee" />
            <XAxis
              dataKey="round"
              tick={{ fontSize: 12 }}
              label={{ value: "round", position: "insideBottomRight", offset: -2, fontSize: 12 }}
            />
            <YAxis domain={domain} tick={{ fontSize: 12 }} width={40} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {marker !== undefined && (
              <ReferenceLine x={marker} stroke="#1b2430" strokeDasharray="3 3" label={{ value: "now", fontSize: 11 }} />
            )}
            {series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={seriesColours[i % seriesColours.length]}
                strokeDasharray={seriesDashes[i % seriesDashes.length]}
                strokeWidth={2}
                dot={{ r: 3 }}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <table>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Round</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.round}>
                <th scope="row">{row.round}</th>
                {series.map((s) => (
                  <td key={s.key} className="num">
                    {row[s.key] === undefined ? "–" : `${Math.round((row[s.key] ?? 0) * 10) / 10}${unit}`}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
});
