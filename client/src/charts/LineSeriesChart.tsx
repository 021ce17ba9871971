import { memo, useId, useState } from "react";
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
import { inkText } from "./inkText.tsx";
import { legendInOrder } from "./legendOrder.ts";
import { nowLabelPosition, type Row, type Series } from "./lineSeries.ts";
import { seriesDashes } from "./palette.ts";
import { useChartTheme } from "./useChartTheme.ts";

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
  more = [],
}: {
  title: string;
  rows: Row[];
  series: Series[];
  domain?: [number | "auto", number | "auto"];
  marker?: number;
  height?: number;
  unit?: string;
  /** Series in the numbers only, not drawn (the chart says how many). */
  more?: Series[];
}) {
  const captionId = useId();
  const theme = useChartTheme();
  // The legend goes below the chart, in the page's flow: drawn inside it, Recharts takes its
  // height out of the plot's, and a legend of many lines (the trust of every pair at a table
  // of four, in large text or on a phone) had squeezed the plot to a sliver.
  const [legendBox, setLegendBox] = useState<HTMLDivElement | null>(null);
  const text = { fontSize: theme.fontSize };
  // Recharts draws a label in #808080 unless told: 3.9:1 on white, short of the 4.5 text needs.
  const axisTitle = { ...text, fill: theme.ink };
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{title}</figcaption>
      <div role="img" aria-label={`${title}: a line chart, the numbers are in the table below.`}>
        <ResponsiveContainer width="100%" height={height}>
          <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid stroke={theme.grid} />
            <XAxis
              dataKey="round"
              stroke={theme.axis}
              tick={text}
              label={{ value: "round", position: "insideBottomRight", offset: -2, ...axisTitle }}
            />
            <YAxis domain={domain} stroke={theme.axis} tick={text} width={Math.round(theme.fontSize * 3.4)} />
            <Tooltip
              contentStyle={{
                background: theme.tooltip.background,
                borderColor: theme.tooltip.border,
                color: theme.tooltip.color,
              }}
            />
            {legendBox && (
              <Legend
                portal={legendBox}
                wrapperStyle={text}
                formatter={inkText(theme.ink)}
                itemSorter={legendInOrder(series.map((s) => s.label))}
              />
            )}
            {marker !== undefined && (
              <ReferenceLine
                x={marker}
                stroke={theme.ink}
                strokeDasharray="3 3"
                label={{
                  value: "now",
                  fontSize: theme.smallFontSize,
                  fill: theme.ink,
                  position: nowLabelPosition(rows, marker),
                }}
              />
            )}
            {series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={theme.series[i % theme.series.length]}
                strokeDasharray={seriesDashes[i % seriesDashes.length]}
                strokeWidth={2}
                dot={{ r: 3 }}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
        <div ref={setLegendBox} className="chart-legend" />
      </div>
      {more.length > 0 && (
        <p className="muted small" data-testid="series-not-drawn">
          Not drawn, to keep the lines readable, but in the numbers below:{" "}
          {more.length <= 4 ? more.map((s) => s.label).join(", ") : `${more.length} more`}.
        </p>
      )}
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <table>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Round</th>
              {[...series, ...more].map((s) => (
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
                {[...series, ...more].map((s) => (
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
