import { memo, useId, useMemo, useState } from "react";
import {
  CartesianGrid,
  LabelList,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import { batnaLabelPositions } from "./batnaLabels.ts";
import { inkText } from "./inkText.tsx";
import { legendInOrder } from "./legendOrder.ts";
import type { OutcomeSpaceData, PlotPoint } from "./outcomeSpaceData.ts";
import { useChartTheme } from "./useChartTheme.ts";

/**
 * The outcome space of two parties: the Pareto frontier, the Nash point, each party's
 * BATNA, the offers' trail and the outcome. Every series has its own shape and a legend
 * entry; the points are listed in a table below for screen readers.
 */
export const OutcomeSpacePlot = memo(function OutcomeSpacePlot({
  data,
  title,
}: {
  data: OutcomeSpaceData;
  title: string;
}) {
  const captionId = useId();
  // Recharts redraws a series whose data is a new array: keep each one while its points stay.
  const frontier = useMemo(() => [...data.frontier].sort((a, b) => a.x - b.x), [data.frontier]);
  const nash = useSinglePoint(data.nash);
  const outcome = useSinglePoint(data.outcome);
  const labels = batnaLabelPositions(data);
  const theme = useChartTheme();
  // The legend above the plot, in the page's flow, so that its lines never take the plot's height (see LineSeriesChart).
  const [legendBox, setLegendBox] = useState<HTMLDivElement | null>(null);
  const text = { fontSize: theme.fontSize };
  // Recharts draws a label in #808080 unless told: 3.9:1 on white, short of the 4.5 text needs.
  const axisTitle = { ...text, fill: theme.ink };
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{title}</figcaption>
      <div role="img" aria-label={`${title}: a scatter plot; the points are listed in the table below.`}>
        <div ref={setLegendBox} className="chart-legend" />
        <ResponsiveContainer width="100%" height={310}>
          <ScatterChart accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 28, left: 8 }}>
            <CartesianGrid stroke={theme.grid} />
            <XAxis
              type="number"
              dataKey="x"
              name={data.xLabel}
              stroke={theme.axis}
              tick={text}
              label={{ value: `${data.xLabel} (points)`, position: "bottom", ...axisTitle }}
              domain={["auto", "auto"]}
              // A point at the end of the range is drawn whole, off the axis line.
              padding={{ left: 10, right: 10 }}
            />
            <YAxis
              type="number"
              dataKey="y"
              name={data.yLabel}
              stroke={theme.axis}
              tick={text}
              // Centred on the axis: written from its middle upwards, a long name ran off the top ("United Kingdom (poin").
              label={{
                value: `${data.yLabel} (points)`,
                angle: -90,
                position: "insideLeft",
                textAnchor: "middle",
                ...axisTitle,
              }}
              domain={["auto", "auto"]}
              padding={{ top: 10, bottom: 10 }}
              width={Math.round(theme.fontSize * 4.7)}
            />
            <ZAxis range={[60, 60]} />
            <Tooltip
              cursor={{ strokeDasharray: "3 3" }}
              content={(tip) => <PointTip {...tip} xLabel={data.xLabel} yLabel={data.yLabel} />}
            />
            {legendBox && (
              <Legend
                portal={legendBox}
                wrapperStyle={text}
                formatter={inkText(theme.ink)}
                itemSorter={legendInOrder([
                  "Pareto frontier",
                  ...data.trails.map((t) => `Offers by ${t.name}`),
                  "Tables' outcomes",
                  "BATNAs when each agreement was made",
                  "Nash point",
                  "Outcome",
                ])}
              />
            )}
            {data.batna && labels && (
              <ReferenceLine
                x={data.batna.x}
                stroke={theme.batna}
                strokeDasharray="5 4"
                label={{
                  value: `${data.xLabel} BATNA${data.batnasThen ? " (start)" : ""}`,
                  fontSize: theme.smallFontSize,
                  fill: theme.ink,
                  position: labels.x,
                }}
              />
            )}
            {data.batna && labels && (
              <ReferenceLine
                y={data.batna.y}
                stroke={theme.batna}
                strokeDasharray="5 4"
                label={{
                  value: `${data.yLabel} BATNA${data.batnasThen ? " (start)" : ""}`,
                  fontSize: theme.smallFontSize,
                  fill: theme.ink,
                  position: labels.y,
                }}
              />
            )}
            <Scatter
              name="Pareto frontier"
              data={frontier}
              fill={theme.frontier}
              line={{ stroke: theme.frontier, strokeWidth: 2 }}
              shape="circle"
              isAnimationActive={false}
            />
            {data.trails.map((trail, i) => (
              <Scatter
                key={trail.name}
                name={`Offers by ${trail.name}`}
                data={trail.points}
                fill={theme.series[(i + 1) % theme.series.length]}
                line={{ strokeDasharray: "4 3" }}
                shape={i % 2 === 0 ? "triangle" : "square"}
                isAnimationActive={false}
              />
            ))}
            {data.outcomes && data.outcomes.length > 0 && (
              <Scatter
                name="Tables' outcomes"
                data={data.outcomes}
                fill={theme.outcomes}
                shape="diamond"
                isAnimationActive={false}
              >
                {/* Each table's number beside its point ("1, 3" where tables share one). */}
                <LabelList dataKey="tag" position="right" fill={theme.ink} fontSize={theme.smallFontSize} />
              </Scatter>
            )}
            {data.batnasThen && data.batnasThen.length > 0 && (
              <Scatter
                name="BATNAs when each agreement was made"
                data={data.batnasThen}
                fill={theme.batna}
                shape="wye"
                isAnimationActive={false}
              >
                <LabelList dataKey="tag" position="left" fill={theme.ink} fontSize={theme.smallFontSize} />
              </Scatter>
            )}
            {nash && (
              <Scatter name="Nash point" data={nash} fill={theme.nash} shape="cross" isAnimationActive={false} />
            )}
            {outcome && (
              <Scatter name="Outcome" data={outcome} fill={theme.outcome} shape="star" isAnimationActive={false} />
            )}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <details className="chart-data">
        <summary>Show the points</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Point</th>
              <th scope="col">{data.xLabel}</th>
              <th scope="col">{data.yLabel}</th>
            </tr>
          </thead>
          <tbody>
            {data.batna && (
              <tr>
                <th scope="row">{data.batnasThen ? "BATNAs at the start" : "BATNAs"}</th>
                <td className="num">{data.batna.x}</td>
                <td className="num">{data.batna.y}</td>
              </tr>
            )}
            {[
              ...(data.nash ? [data.nash] : []),
              ...(data.outcome ? [data.outcome] : []),
              ...(data.outcomes ?? []),
              ...(data.batnasThen ?? []),
              ...data.trails.flatMap((t) => t.points),
              ...frontier,
            ].map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list per render
              <tr key={i}>
                <th scope="row">{p.label}</th>
                <td className="num">{p.x}</td>
                <td className="num">{p.y}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
});

/**
 * What a point is, under the pointer: its name (a table, an offer, the Nash point) and both
 * parties' points, each named (the default tooltip gave two bare numbers, y's first).
 */
function PointTip({
  active,
  payload,
  xLabel,
  yLabel,
}: {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
  xLabel: string;
  yLabel: string;
}) {
  const point = payload?.[0]?.payload as PlotPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tip">
      <strong>{point.label}</strong>
      <br />
      {xLabel} {point.x} · {yLabel} {point.y}
    </div>
  );
}

/** One point as a series, the same array while the point stays where it is. */
function useSinglePoint(point: PlotPoint | undefined): PlotPoint[] | undefined {
  const { x, y, label } = point ?? {};
  return useMemo(
    () => (x === undefined || y === undefined || label === undefined ? undefined : [{ x, y, label }]),
    [x, y, label],
  );
}
