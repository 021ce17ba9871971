import { type GameState, seatName, type TableReport, tableReport } from "@parley/shared";
import { memo, useId, useMemo, useState } from "react";
import { ApproachMixChart } from "../charts/ApproachMixChart.tsx";
import { LineSeriesChart } from "../charts/LineSeriesChart.tsx";
import { OutcomeSpacePlot } from "../charts/OutcomeSpacePlot.tsx";
import { metricText } from "../ui/metric.ts";
import { ScoreCells } from "../ui/ScoreCells.tsx";
import { frontierAlong, outcomeSpaceData } from "./outcomeSpace.ts";
import { countedApproaches, endOfRounds, mixRows, relationRows, scoreRows } from "./series.ts";

const autoDomain: [number | "auto", number | "auto"] = ["auto", "auto"];

/**
 * The debrief's charts at one step: the outcome space with the table's numbers, each party's
 * points and the relations over rounds, and the approach mix. Memoised on the fold and the
 * step, so a scrub's urgent redraw never renders them; each chart gets new data only when
 * what it shows has changed (Recharts redraws a whole chart for any new prop).
 */
export const DebriefCharts = memo(function DebriefCharts({
  states,
  step,
  seen,
}: {
  states: GameState[];
  step: number;
  /** The seat (or "observer") the replay is viewed as, if not the instructor: the charts still show everything, and say so. */
  seen?: string;
}) {
  const state = states[step] ?? states[0];
  if (!state) throw new Error("A fold always has its opening state");
  const report = useMemo(() => tableReport(state), [state]);
  const rounds = useMemo(() => endOfRounds(states), [states]);
  const scores = useMemo(() => scoreRows(rounds), [rounds]);
  const relations = useMemo(() => relationRows(rounds), [rounds]);
  // Recomputed only when a count the chart shows changes, so the chart redraws only then.
  const mixKey = JSON.stringify(state.seats.map((s) => countedApproaches.map((a) => state.approachCounts[s]?.[a])));
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the counts the rows show
  const mix = useMemo(() => mixRows(state), [mixKey]);
  const parties = report.parties;
  const [xSeat, setX] = useState(parties[0] ?? "");
  const [ySeat, setY] = useState(parties[1] ?? parties[0] ?? "");
  // The frontier is the scenario's: the same array at every step, so the plot keeps its points.
  const opening = states[0] ?? state;
  const frontier = useMemo(() => frontierAlong(tableReport(opening), xSeat, ySeat), [opening, xSeat, ySeat]);
  // The plot changes only with the proposals, the BATNAs and the outcome.
  const spaceKey = JSON.stringify([state.proposals, state.batna, state.outcome, state.phase]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by what the plot shows
  const space = useMemo(() => outcomeSpaceData(state, report, xSeat, ySeat, frontier), [spaceKey, frontier]);
  const ids = { x: useId(), y: useId() };
  const name = (seat: string) => seatName(state, seat);

  return (
    <div data-chart-step={step}>
      <section className="panel" aria-labelledby="space-title">
        <h2 id="space-title">Outcome space</h2>
        {seen && (
          <p className="muted small" data-testid="charts-reveal-all">
            The charts and tables from here on show every party's numbers, whatever{" "}
            {seen === "observer" ? "an observer" : name(seen)} could see then.
          </p>
        )}
        {parties.length > 2 && (
          <div className="row">
            <div className="field inline">
              <label htmlFor={ids.x}>Across</label>
              <select id={ids.x} value={xSeat} onChange={(e) => setX(e.target.value)}>
                {parties.map((s) => (
                  <option key={s} value={s}>
                    {name(s)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field inline">
              <label htmlFor={ids.y}>Up</label>
              <select id={ids.y} value={ySeat} onChange={(e) => setY(e.target.value)}>
                {parties.map((s) => (
                  <option key={s} value={s}>
                    {name(s)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}
        <OutcomeSpacePlot
          data={space}
          title={`${space.xLabel} and ${space.yLabel}: what was possible, offered and agreed`}
        />
        <TableMetrics report={report} name={name} />
      </section>
      <div className="charts-grid">
        <section className="panel">
          <LineSeriesChart
            title="Each party's points if the game ended then"
            rows={scores.rows}
            series={scores.series}
            domain={autoDomain}
            marker={state.round}
          />
        </section>
        <section className="panel">
          <LineSeriesChart
            title="Trust and tension by round"
            rows={relations.rows}
            series={relations.series}
            more={relations.more}
            marker={state.round}
          />
        </section>
      </div>
      <section className="panel">
        <ApproachMixChart rows={mix} approaches={countedApproaches} />
      </section>
    </div>
  );
});

function TableMetrics({ report, name }: { report: TableReport; name: (seat: string) => string }) {
  return (
    <div className="table-scroll">
      {/* On a phone each party's row stacks its cells, each named: no scrolling sideways in the box. */}
      <table className="stack-narrow">
        <caption>The table at this step</caption>
        <thead>
          <tr>
            <th scope="col">Party</th>
            <th scope="col">Points</th>
            <th scope="col" className="nowrap">
              Score (0–100)
            </th>
            <th scope="col">Over BATNA</th>
            <th scope="col">Realist</th>
            <th scope="col">Liberal</th>
          </tr>
        </thead>
        <tbody>
          {report.scores.map((s) => (
            <tr key={s.seat}>
              <th scope="row">{name(s.seat)}</th>
              <ScoreCells score={s} lenses={report.lenses[s.seat]} thirdParty={!report.parties.includes(s.seat)} />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small">
        Joint points {report.jointPoints} of a possible {report.bestJointPoints} · efficiency{" "}
        {metricText(report.efficiency, 1)}% ·{" "}
        {report.onFrontier
          ? "on the Pareto frontier"
          : `${metricText(report.distanceToFrontier, 1)} scale points from the frontier`}
      </p>
    </div>
  );
}
