import { botPersonas, pairKey, type TableView, tableReport, type Viewer, viewFor } from "@parley/shared";
import { memo, useDeferredValue, useEffect, useId, useMemo, useState } from "react";
import { flushSync } from "react-dom";
import { ApproachMixChart } from "../charts/ApproachMixChart.tsx";
import { LineSeriesChart } from "../charts/LineSeriesChart.tsx";
import { OutcomeSpacePlot } from "../charts/OutcomeSpacePlot.tsx";
import type { DebriefEntry } from "../table/TableLog.tsx";
import { ApproachTag } from "../ui/approaches.tsx";
import { metricText } from "../ui/metric.ts";
import { partyName } from "../ui/names.ts";
import { foldLog, roundStarts, type TableLogData } from "./foldLog.ts";
import { outcomeSpaceData } from "./outcomeSpace.ts";
import { countedApproaches, endOfRounds, mixRows, relationRows, scoreRows } from "./series.ts";
import { WhatIf } from "./WhatIf.tsx";

const autoDomain: [number | "auto", number | "auto"] = ["auto", "auto"];

declare global {
  interface Window {
    /** For the browser benchmark: jump to a step synchronously and say how long the redraw took. */
    __parleyDebrief?: { steps: number; scrubTo(step: number): number };
  }
}

/**
 * A table's replay and debrief from its raw log: step or scrub by move and by round, view
 * as any seat or as the instructor, charts over rounds, the outcome space, and "what if".
 */
export function DebriefView({
  log,
  heading,
  branch,
}: {
  log: TableLogData;
  heading: string;
  /** Who may be played in a "what if" from here, and how to start it. */
  branch?: { seats: string[]; run: (at: number, seat: string) => Promise<void> };
}) {
  const states = useMemo(() => foldLog(log), [log]);
  const last = states.length - 1;
  const [step, setStep] = useState(last);
  const [viewer, setViewer] = useState<Viewer>("instructor");
  // The scrubber, the step text and the log follow the step in the same frame; the charts
  // follow a deferred copy, which React renders next and drops if the step moves on again.
  const chartStep = useDeferredValue(step);
  const state = states[step] ?? states[0];
  const chartState = states[chartStep] ?? states[0];
  const final = states[last] ?? states[0];
  if (!state || !final || !chartState) throw new Error("A fold always has its opening state");
  const view = useMemo(() => viewFor(state, viewer), [state, viewer]);
  // The instructor's view carries the report already; other viewers get it computed here.
  const report = useMemo(() => tableReport(chartState), [chartState]);
  const finalLog = useMemo(() => viewFor(final, viewer).log as DebriefEntry[], [final, viewer]);
  const rounds = useMemo(() => endOfRounds(states), [states]);
  const scores = useMemo(() => scoreRows(rounds), [rounds]);
  const relations = useMemo(() => relationRows(rounds), [rounds]);
  // Recomputed only when someone's approach counts change, so charts redraw only then.
  const mixKey = JSON.stringify(chartState.approachCounts);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the counts the rows show
  const mix = useMemo(() => mixRows(chartState), [mixKey]);
  const starts = useMemo(() => roundStarts(states), [states]);
  const parties = report.parties;
  const [xSeat, setX] = useState(parties[0] ?? "");
  const [ySeat, setY] = useState(parties[1] ?? parties[0] ?? "");
  // The plot changes only with the proposals, the BATNAs and the outcome.
  const spaceKey = JSON.stringify([chartState.proposals, chartState.batna, chartState.outcome, xSeat, ySeat]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by what the plot shows
  const space = useMemo(() => outcomeSpaceData(chartState, report, xSeat, ySeat), [spaceKey]);
  const ids = { slider: useId(), viewer: useId(), x: useId(), y: useId() };

  useEffect(() => {
    window.__parleyDebrief = {
      steps: last,
      scrubTo(target: number) {
        const start = performance.now();
        flushSync(() => setStep(target));
        void document.body.offsetHeight; // include style and layout of the new frame
        return performance.now() - start;
      },
    };
    return () => {
      window.__parleyDebrief = undefined;
    };
  }, [last]);

  const go = useMemo(() => (target: number) => setStep(Math.max(0, Math.min(last, target))), [last]);
  const roundStep = (direction: 1 | -1) => {
    const current = starts.findLastIndex((s) => s.step <= step);
    const target =
      direction === 1
        ? (starts[current + 1]?.step ?? last)
        : (starts[step === starts[current]?.step ? current - 1 : current]?.step ?? 0);
    go(target);
  };
  const here = finalLog.filter((e) => e.seq === step - 1);

  return (
    <div className="debrief">
      <div className="dash-head">
        <div>
          <p className="eyebrow">Replay and debrief</p>
          <h1>{heading}</h1>
          <p className="muted">
            {final.scenario.title} ·{" "}
            {final.outcome?.kind === "agreement"
              ? `agreement in round ${final.outcome.round}`
              : final.phase === "ended"
                ? "no agreement"
                : "still in progress"}{" "}
            · {last} events
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.viewer}>View as</label>
          <select id={ids.viewer} value={viewer} onChange={(e) => setViewer(e.target.value)}>
            <option value="instructor">Instructor (everything revealed)</option>
            {final.seats.map((s) => (
              <option key={s} value={s}>
                {partyName(view, s)} (what this seat saw)
              </option>
            ))}
            <option value="observer">Observer (public only)</option>
          </select>
        </div>
      </div>

      <section className="panel scrubber" aria-labelledby="scrub-title">
        <h2 id="scrub-title" className="sr-only">
          Step through the table
        </h2>
        <div className="row">
          <button type="button" onClick={() => go(0)} aria-label="Go to the start">
            « Start
          </button>
          <button type="button" onClick={() => roundStep(-1)}>
            ◀◀ Previous round
          </button>
          <button type="button" onClick={() => go(step - 1)} aria-label="Previous move">
            ◀ Move
          </button>
          <button type="button" onClick={() => go(step + 1)} aria-label="Next move">
            Move ▶
          </button>
          <button type="button" onClick={() => roundStep(1)}>
            Next round ▶▶
          </button>
          <button type="button" onClick={() => go(last)} aria-label="Go to the end">
            End »
          </button>
        </div>
        <label htmlFor={ids.slider}>
          Step <strong data-testid="step">{step}</strong> of {last} · round{" "}
          <strong data-testid="step-round">{state.round}</strong>
          {state.phase === "ended" && " · game over"}
        </label>
        <input
          id={ids.slider}
          type="range"
          min={0}
          max={last}
          value={step}
          onChange={(e) => go(Number(e.target.value))}
          aria-valuetext={`Step ${step} of ${last}, round ${state.round}`}
        />
        <p className="small" aria-live="polite" data-testid="step-text">
          {step === 0
            ? "The opening position."
            : here.length > 0
              ? here.map((e) => e.text).join(" ")
              : "A move this seat did not see."}
        </p>
      </section>

      <div className="debrief-grid">
        <div>
          <AtThisStep view={view} />
          <section className="panel" aria-labelledby="steps-title">
            <h2 id="steps-title">
              The log {viewer === "instructor" ? "(everything)" : `as ${partyName(view, viewer)} saw it`}
            </h2>
            <ol className="step-list">
              {finalLog.map((entry, i) => (
                <StepRow
                  // biome-ignore lint/suspicious/noArrayIndexKey: the log is append-only
                  key={i}
                  entry={entry}
                  current={entry.seq + 1 === step}
                  future={entry.seq + 1 > step}
                  ended={final.phase === "ended"}
                  go={go}
                />
              ))}
            </ol>
          </section>
          {branch && <WhatIf seats={branch.seats} name={(s) => partyName(view, s)} step={step} onBranch={branch.run} />}
        </div>
        <div data-chart-step={chartStep}>
          <section className="panel" aria-labelledby="space-title">
            <h2 id="space-title">Outcome space</h2>
            {parties.length > 2 && (
              <div className="row">
                <div className="field inline">
                  <label htmlFor={ids.x}>Across</label>
                  <select id={ids.x} value={xSeat} onChange={(e) => setX(e.target.value)}>
                    {parties.map((s) => (
                      <option key={s} value={s}>
                        {partyName(view, s)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field inline">
                  <label htmlFor={ids.y}>Up</label>
                  <select id={ids.y} value={ySeat} onChange={(e) => setY(e.target.value)}>
                    {parties.map((s) => (
                      <option key={s} value={s}>
                        {partyName(view, s)}
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
            <TableMetrics report={report} view={view} />
          </section>
          <div className="charts-grid">
            <section className="panel">
              <LineSeriesChart
                title="Each party's points if the game ended then"
                rows={scores.rows}
                series={scores.series}
                domain={autoDomain}
                marker={chartState.round}
              />
            </section>
            <section className="panel">
              <LineSeriesChart
                title="Trust and tension by round"
                rows={relations.rows}
                series={relations.series}
                marker={chartState.round}
              />
            </section>
          </div>
          <section className="panel">
            <ApproachMixChart rows={mix} approaches={countedApproaches} />
          </section>
        </div>
      </div>
    </div>
  );
}

/** One line of the log; memoised, so a step redraws only the lines whose state changed. */
const StepRow = memo(function StepRow({
  entry,
  current,
  future,
  ended,
  go,
}: {
  entry: DebriefEntry;
  current: boolean;
  future: boolean;
  ended: boolean;
  go: (step: number) => void;
}) {
  return (
    <li className={future ? "future" : ""}>
      <button type="button" aria-current={current ? "step" : undefined} onClick={() => go(entry.seq + 1)}>
        <span className="muted small">R{entry.round} · </span>
        {entry.by !== "system" && <ApproachTag approach={entry.approach} />} {entry.text}
        {/* The bots' reasons for their moves (shown only after the game). */}
        {entry.rationale && ended && (
          <span className="rationale" data-testid="rationale">
            Why: {entry.rationale}
          </span>
        )}
      </button>
    </li>
  );
});

function AtThisStep({ view }: { view: TableView }) {
  const seats = view.parties.map((p) => p.id);
  const pairs = seats.flatMap((a, i) => seats.slice(i + 1).map((b) => [a, b] as const));
  return (
    <section className="panel" aria-labelledby="now-title">
      <h2 id="now-title">At this step</h2>
      <p>
        Round {view.round} of {view.scenario.roundLimit} · tension{" "}
        <strong>{Math.round(view.indicators.tension)}</strong>
      </p>
      <ul className="small">
        {pairs.slice(0, 8).map(([a, b]) => (
          <li key={`${a}-${b}`}>
            Trust {partyName(view, a)}–{partyName(view, b)}: {Math.round(view.indicators.trust[pairKey(a, b)] ?? 50)}
          </li>
        ))}
      </ul>
      {view.me && (
        <p className="small">
          {partyName(view, view.me.seat)}’s BATNA then: <strong>{view.me.batna}</strong> points
        </p>
      )}
      <h3>Who played</h3>
      <ul className="small">
        {view.parties.map((p) => {
          const c = p.controller;
          const persona = c.type === "bot" ? botPersonas.find((b) => b.id === c.persona) : undefined;
          return (
            <li key={p.id}>
              {p.name}:{" "}
              {p.controller.type === "bot"
                ? `bot${p.controller.persona ? ` (${persona?.name ?? p.controller.persona})` : ""}`
                : p.controller.name || "a player"}
            </li>
          );
        })}
      </ul>
      <h3>Open proposals</h3>
      {view.proposals.filter((p) => p.status === "open").length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <ul className="small">
          {view.proposals
            .filter((p) => p.status === "open")
            .map((p) => (
              <li key={p.id}>
                {partyName(view, p.by)} v{p.version} to {p.to.map((s) => partyName(view, s)).join(", ")}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

function TableMetrics({ report, view }: { report: ReturnType<typeof tableReport>; view: TableView }) {
  return (
    <div className="table-scroll">
      <table>
        <caption>The table at this step</caption>
        <thead>
          <tr>
            <th scope="col">Party</th>
            <th scope="col">Points</th>
            <th scope="col">Over BATNA</th>
            <th scope="col">Realist</th>
            <th scope="col">Liberal</th>
          </tr>
        </thead>
        <tbody>
          {report.scores.map((s) => (
            <tr key={s.seat}>
              <th scope="row">{partyName(view, s.seat)}</th>
              <td className="num">{s.points}</td>
              <td className="num">{s.surplus}</td>
              <td className="num">{metricText(report.lenses[s.seat]?.realist.score, 1)}</td>
              <td className="num">{metricText(report.lenses[s.seat]?.liberal.score, 1)}</td>
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
