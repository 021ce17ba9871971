import type { Approach } from "@parley/shared";
import { memo, useId } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { approachInfo } from "../ui/approaches.tsx";

const colours: Record<Approach, string> = {
  competitive: "#b3471d",
  mediation: "#1f5fa8",
  mutualGains: "#2e7d32",
  judicial: "#6a3d9a",
  trackTwo: "#00796b",
  universal: "#4a5563",
};

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
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>Approach mix: each party's moves by approach</figcaption>
      <div
        role="img"
        aria-label="A stacked bar chart of each party's moves by approach; the numbers are in the table below."
      >
        <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 42 + 70)}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 8 }}>
            <CartesianGrid stroke="#e3e7ee" />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="party" width={110} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {approaches.map((a) => (
              <Bar
                key={a}
                dataKey={a}
                name={`${approachInfo[a].letter} · ${approachInfo[a].title}`}
                stackId="mix"
                fill={colours[a]}
                isAnimationActive={false}
                label={{
                  position: "center",
                  fill: "#fff",
                  fontSize: 11,
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
