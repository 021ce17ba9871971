import type { Approach } from "@parley/shared";
import { memo, useId } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { approachInfo } from "../ui/approaches.tsx";
import { legendInOrder } from "./legendOrder.ts";
import { useChartTheme } from "./useChartTheme.ts";

/** Each party's moves by approach, stacked; the legend and the table name every approach. */
export const ApproachMixChart = memo(function ApproachMixChart({
  rows,
  approaches,
}: {
  rows: { party: string; counts: Record<Approach, number> }[];
  approaches: Approach[];
}) {
  const captionId = useId();
  const data = rows.map((r) => ({ party: r.party, ...r.counts }));
  const theme = useChartTheme();
  const text = { fontSize: theme.fontSize };
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>Approach mix: each party's moves by approach</figcaption>
      <div
        role="img"
        aria-label="A stacked bar chart of each party's moves by approach; the numbers are in the table below."
      >
        <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 42 + 70)}>
          <BarChart
            accessibilityLayer={false}
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 12, bottom: 4, left: 8 }}
          >
            <CartesianGrid stroke={theme.grid} />
            <XAxis type="number" allowDecimals={false} stroke={theme.axis} tick={text} />
            <YAxis
              type="category"
              dataKey="party"
              width={Math.round(theme.fontSize * 9)}
              stroke={theme.axis}
              tick={text}
            />
            <Tooltip
              cursor={{ fill: theme.grid }}
              contentStyle={{
                background: theme.tooltip.background,
                borderColor: theme.tooltip.border,
                color: theme.tooltip.color,
              }}
            />
            <Legend
              wrapperStyle={text}
              itemSorter={legendInOrder(approaches.map((a) => `${approachInfo[a].letter} · ${approachInfo[a].title}`))}
            />
            {approaches.map((a) => (
              <Bar
                key={a}
                dataKey={a}
                name={`${approachInfo[a].letter} · ${approachInfo[a].title}`}
                stackId="mix"
                fill={theme.approach[a]}
                isAnimationActive={false}
                label={{
                  position: "center",
                  fill: theme.onApproach,
                  fontSize: theme.smallFontSize,
                  formatter: (v: unknown) => (Number(v) > 0 ? approachInfo[a].letter : ""),
                }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Party</th>
              {approaches.map((a) => (
                <th key={a} scope="col">
                  {approachInfo[a].title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.party}>
                <th scope="row">{r.party}</th>
                {approaches.map((a) => (
                  <td key={a} className="num">
                    {r.counts[a]}
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
