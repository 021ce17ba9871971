import { entryText, seatName, type Viewer, viewFor } from "@parley/shared";
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { flushSync } from "react-dom";
import { AtThisStep } from "./AtThisStep.tsx";
import { controlLines, controlMarks, withControlLines } from "./controls.ts";
import { DebriefCharts } from "./DebriefCharts.tsx";
import { debriefOutcomeWords } from "./earlyEnds.ts";
import { foldLog, type TableLogData } from "./foldLog.ts";
import { openingSeatedStep } from "./openingSeating.ts";
import { PartyBriefs } from "./PartyBriefs.tsx";
import { Scrubber } from "./Scrubber.tsx";
import { StepLog } from "./StepLog.tsx";
import { roundStartsOf } from "./scrub.ts";
import { textByStep } from "./stepIndex.ts";
import { useRestingValue } from "./useRestingValue.ts";
import { WhatIf } from "./WhatIf.tsx";

/** How long the step must rest before the charts follow it: longer than the gap between a drag's or a held key's steps. */
const chartRestMs = 120;

declare global {
  interface Window {
    /** For the browser benchmark: jump to a step synchronously and say how long the redraw took. */
    __parleyDebrief?: { steps: number; scrubTo(step: number): number };
  }
}

/**
 * A table's replay and debrief from its raw log: step or scrub by move and by round, view
 * as any seat or as the instructor, charts over rounds, the outcome space, and "what if".
 *
 * A scrub redraws the scrubber, the step's text, the log and "at this step" at once; the
 * charts follow when the step rests (see `useRestingValue`), so dragging stays at the
 * screen's frame rate however long the charts take.
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
  const { states, notice } = useMemo(() => foldLog(log), [log]);
  const last = states.length - 1;
  const [step, setStep] = useState(last);
  const [viewer, setViewer] = useState<Viewer>("instructor");
  const chartStep = useRestingValue(step, chartRestMs);
  const state = states[step] ?? states[0];
  const final = states[last] ?? states[0];
  if (!state || !final) throw new Error("A fold always has its opening state");
  const view = useMemo(() => viewFor(state, viewer), [state, viewer]);
  const seatedStep = useMemo(() => openingSeatedStep(log.events.map((e) => e.event)), [log]);
  const seatedState = states[Math.min(seatedStep, last)];
  const seating = useMemo(
    () => (step < seatedStep && seatedState ? viewFor(seatedState, viewer) : view),
    [step, seatedStep, seatedState, viewer, view],
  );
  const name = useCallback((seat: string) => seatName(final, seat), [final]);
  const parties = useMemo(() => final.seats.map((id) => ({ id, name: seatName(final, id) })), [final]);
  // Lines as read (a chat line names its speaker), for the log and the step's text alike.
  // The instructor's controls among them (public to every seat: a pause, a broadcast).
  const controls = useMemo(
    () =>
      controlLines(
        log.controls ?? [],
        log.events.map((e) => e.event),
        final.scenario,
        name,
      ),
    [log, final, name],
  );
  const finalLog = useMemo(
    () =>
      withControlLines(
        viewFor(final, viewer).log.map((e) => ({ ...e, text: entryText(e, name) })),
        controls,
      ),
    [final, viewer, name, controls],
  );
  const marks = useMemo(() => controlMarks(controls), [controls]);
  const stepTexts = useMemo(() => textByStep(finalLog), [finalLog]);
  const starts = useMemo(() => roundStartsOf(states.map((s) => s.round)), [states]);
  const ids = { viewer: useId() };

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

  const go = useCallback((target: number) => setStep(Math.max(0, Math.min(last, target))), [last]);
  return (
    <div className="debrief">
      <div className="dash-head">
        <div>
          <p className="eyebrow">Replay and debrief</p>
          <h1>{heading}</h1>
          <p className="muted">
            {final.scenario.title} · {debriefOutcomeWords(final)} · {last} event{last === 1 ? "" : "s"}
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.viewer}>View as</label>
          <select id={ids.viewer} value={viewer} onChange={(e) => setViewer(e.target.value)}>
            <option value="instructor">All revealed (every party's numbers)</option>
            {final.seats.map((s) => (
              <option key={s} value={s}>
                {name(s)} (what this seat saw)
              </option>
            ))}
            <option value="observer">Observer (public only)</option>
          </select>
        </div>
      </div>

      {notice && (
        <p className="notice info" role="note" data-testid="rules-notice">
          {notice}
        </p>
      )}

      <Scrubber
        step={step}
        last={last}
        round={state.round}
        ended={state.phase === "ended"}
        starts={starts}
        go={go}
        marks={marks}
      >
        <p className="small" aria-live="polite" data-testid="step-text">
          {step === 0 ? "The opening position." : (stepTexts.get(step) ?? "A move this seat did not see.")}
        </p>
      </Scrubber>

      <div className="debrief-grid">
        <div>
          <AtThisStep view={view} seating={seating} />
          <StepLog
            // A new list for another viewer's log, so that each of its lines is measured once.
            key={viewer}
            title={`The log ${viewer === "instructor" ? "(everything)" : `as ${name(viewer)} saw it`}`}
            entries={finalLog}
            parties={parties}
            step={step}
            ended={final.phase === "ended"}
            go={go}
          />
          {branch && (
            <WhatIf seats={branch.seats} name={name} step={step} over={state.phase === "ended"} onBranch={branch.run} />
          )}
          <PartyBriefs state={state} viewer={viewer} />
        </div>
        <DebriefCharts
          states={states}
          step={chartStep}
          // An observer sees the public record only, which the charts go beyond: they say so then too.
          seen={viewer === "instructor" ? undefined : viewer}
        />
      </div>
    </div>
  );
}
