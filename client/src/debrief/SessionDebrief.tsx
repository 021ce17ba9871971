import { type GameState, neverPlayed, type Scenario, seatName, tableReport } from "@parley/shared";
import { useEffect, useId, useMemo, useState } from "react";
import { OutcomeSpacePlot } from "../charts/OutcomeSpacePlot.tsx";
import { api } from "../net/http.ts";
import { savedSession } from "../net/saved.ts";
import { Link } from "../ui/Link.tsx";
import { metricText, pointsText } from "../ui/metric.ts";
import { debriefOutcomeWords, earlyNoDeals, noDealWords } from "./earlyEnds.ts";
import { foldLog, type TableLogData } from "./foldLog.ts";
import { frontierAlong } from "./outcomeSpace.ts";
import { playedAt } from "./playedAt.ts";
import { agreementBatnas, belowBatnaNote, sessionOutcomes } from "./sessionOutcomes.ts";

interface SessionLogs {
  scenario: Scenario;
  tables: Omit<TableLogData, "scenario">[];
}

/** Every table of a session side by side: all outcomes on one plot, and a table of results. */
export default function SessionDebrief({ sessionId }: { sessionId: string }) {
  const [saved] = useState(() => savedSession(sessionId));
  const [logs, setLogs] = useState<SessionLogs>();
  const [error, setError] = useState<string>();
  const ids = { x: useId(), y: useId() };
  useEffect(() => {
    if (!saved) return;
    api<SessionLogs>(`/sessions/${sessionId}/logs`, { token: saved.token })
      .then(setLogs)
      .catch((e: Error) => setError(e.message));
  }, [saved, sessionId]);

  const tables = useMemo(() => {
    if (!logs) return [];
    return logs.tables.map((t) => {
      const { states, notice } = foldLog({ ...t, scenario: logs.scenario });
      const start = states[0] as GameState;
      const state = states[states.length - 1] as GameState;
      return { log: t, start, state, report: tableReport(state), notice, notPlayed: neverPlayed(state) };
    });
  }, [logs]);
  const first = tables[0];
  const parties = first?.report.parties ?? [];
  /** Every seat, third parties too (scored by their aims, with no lens: a dash). */
  const seats = first?.state.seats ?? [];
  const [x, setX] = useState("");
  const [y, setY] = useState("");
  const xs = x || parties[0] || "";
  const ys = y || parties[1] || parties[0] || "";

  if (!saved)
    return (
      <div className="page narrow">
        <h1>Debrief locked</h1>
        <p>
          This browser does not have the instructor token of this session. <Link href="/teach">Open the session</Link>
        </p>
      </div>
    );
  if (error)
    return (
      <div className="page narrow">
        <h1>Debrief unavailable</h1>
        <p role="alert">{error}</p>
      </div>
    );
  if (!logs) return <p className="page">Loading every table…</p>;
  const erosion = logs.scenario.rules.batnaErosionPerRound;
  const roundLimit = logs.scenario.rules.roundLimit;
  const { early, lastRound } = earlyNoDeals(
    tables.map((t) => ({ number: t.log.number, outcome: t.state.outcome, notPlayed: t.notPlayed })),
    erosion,
  );
  const outcomes = sessionOutcomes(
    tables.map((t) => ({ number: t.log.number, state: t.state })),
    xs,
    ys,
  );
  const startBatnas = first && { x: first.start.batna[xs] ?? 0, y: first.start.batna[ys] ?? 0 };
  const plot = first &&
    startBatnas && {
      xLabel: seatName(first.state, xs),
      yLabel: seatName(first.state, ys),
      frontier: frontierAlong(first.report, xs, ys),
      batna: startBatnas,
      trails: [],
      outcomes: outcomes.points,
      batnasThen: agreementBatnas(
        tables.map((t) => ({ number: t.log.number, state: t.state })),
        xs,
        ys,
        startBatnas,
      ),
    };
  return (
    <div className="page wide">
      <p>
        <Link href={`/teach/${sessionId}`}>← Dashboard</Link>
      </p>
      <h1>Debrief: {saved.title}</h1>
      <p className="muted">
        {logs.scenario.title} · {tables.length} table{tables.length === 1 ? "" : "s"}
      </p>
      {tables.some((t) => t.notice) && (
        <div className="notice info" role="note" data-testid="rules-notice">
          {tables
            .filter((t) => t.notice)
            .map((t) => (
              <p key={t.log.tableId}>
                Table {t.log.number}: {t.notice}
              </p>
            ))}
        </div>
      )}
      {plot && (
        <section className="panel" aria-labelledby="all-outcomes">
          <h2 id="all-outcomes">Every table's outcome</h2>
          {parties.length > 2 && (
            <div className="row">
              <div className="field inline">
                <label htmlFor={ids.x}>Across</label>
                <select id={ids.x} value={xs} onChange={(e) => setX(e.target.value)}>
                  {parties.map((s) => (
                    <option key={s} value={s}>
                      {seatName(first.state, s)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field inline">
                <label htmlFor={ids.y}>Up</label>
                <select id={ids.y} value={ys} onChange={(e) => setY(e.target.value)}>
                  {parties.map((s) => (
                    <option key={s} value={s}>
                      {seatName(first.state, s)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          )}
          <OutcomeSpacePlot
            data={plot}
            title={
              plot.batnasThen.length > 0
                ? "All tables against the Pareto frontier: the dashed lines are the BATNAs at the start; a mark by a table's number shows where they stood when it agreed"
                : "All tables against the Pareto frontier and the BATNAs at the start"
            }
          />
          {outcomes.playing.length > 0 && (
            <p className="muted small" data-testid="still-playing">
              Not on the plot, still playing: table{outcomes.playing.length === 1 ? "" : "s"}{" "}
              {outcomes.playing.map((n) => n ?? "?").join(", ")}.
            </p>
          )}
          {outcomes.notPlayed.length > 0 && (
            <p className="muted small" data-testid="not-played">
              Not on the plot, not played (no student sat at {outcomes.notPlayed.length === 1 ? "it" : "them"}, no move
              was made): table{outcomes.notPlayed.length === 1 ? "" : "s"}{" "}
              {outcomes.notPlayed.map((n) => n ?? "?").join(", ")}.
            </p>
          )}
        </section>
      )}
      <section className="panel" aria-labelledby="results-title">
        <h2 id="results-title">Results by table</h2>
        {early.length > 0 && (
          <p className="notice info" role="note" data-testid="early-ends">
            BATNAs shrink by {erosion} points a round, so a table without an agreement scores the BATNAs of the round it
            ended in. {early.map((e) => `Table ${e.number ?? "?"}: ${noDealWords(e, roundLimit)}`).join("; ")}, while
            the last table to end did so in round {lastRound}: {early.length === 1 ? "its" : "their"} no-deal points are
            higher than {early.length === 1 ? "it" : "they"} would have had by then. Compare them with care.
          </p>
        )}
        <p className="muted small" id="results-cells" data-testid="results-cells">
          Each party's cell: its points, then its score under the realist and the liberal lens (0–100).
        </p>
        {/* The replay's link comes first: with many parties (a council of eight) the last
            columns are off screen, and it had been the last. */}
        <div className="table-scroll">
          <table className="session-results" aria-describedby="results-cells">
            <thead>
              <tr>
                <th scope="col">Table</th>
                <th scope="col">Replay</th>
                <th scope="col">Outcome</th>
                {seats.map((s) => (
                  <th key={s} scope="col">
                    {first ? seatName(first.state, s) : s}
                  </th>
                ))}
                <th scope="col">Students</th>
                <th scope="col">Efficiency</th>
                <th scope="col">From the frontier (scale points)</th>
              </tr>
            </thead>
            <tbody>
              {tables.map((t) => (
                <tr key={t.log.tableId}>
                  <th scope="row">{t.log.number}</th>
                  <td>
                    <Link href={`/replay/${sessionId}/${t.log.tableId}`}>Table {t.log.number}</Link>
                  </td>
                  <td className="outcome-cell">
                    {debriefOutcomeWords(t.state)}
                    {/* Not a failure: its no-deal points are those of an earlier round (see the note above). */}
                    {early.some((e) => e.number === t.log.number) && (
                      <span className="muted small early-end">scored at round {t.state.outcome?.round}'s BATNAs</span>
                    )}
                  </td>
                  {seats.map((s) => {
                    const score = t.report.scores.find((x) => x.seat === s);
                    const lens = t.report.lenses[s];
                    if (t.notPlayed)
                      return (
                        <td key={s} className="num">
                          –
                        </td>
                      );
                    const below = score && t.state.phase === "ended" ? belowBatnaNote(score) : undefined;
                    return (
                      <td key={s} className="num">
                        {score === undefined ? "" : pointsText(score.points)} ({metricText(lens?.realist.score, 1)} /{" "}
                        {metricText(lens?.liberal.score, 1)})
                        {below && (
                          <span className="below-batna small" data-testid="below-batna">
                            {below}
                          </span>
                        )}
                      </td>
                    );
                  })}
                  <td>{playedAt(t.state) || "–"}</td>
                  {/* A table still playing has no outcome to measure yet (its points are "if it ended now"). */}
                  <td className="num">
                    {t.state.phase === "ended" && !t.notPlayed ? `${metricText(t.report.efficiency, 1)}%` : "–"}
                  </td>
                  <td className="num">
                    {t.state.phase !== "ended" || t.notPlayed
                      ? "–"
                      : t.report.onFrontier
                        ? "on it"
                        : metricText(t.report.distanceToFrontier, 1)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
