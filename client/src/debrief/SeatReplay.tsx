import type { TableControl } from "@parley/shared";
import { entryText, type TableView } from "@parley/shared";
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import IndicatorChart from "../charts/IndicatorChart.tsx";
import { ApproachTag } from "../ui/approaches.tsx";
import { partyName } from "../ui/names.ts";
import { controlLines, controlMarks, withControlLines } from "./controls.ts";
import { Scrubber } from "./Scrubber.tsx";
import { roundStartsOf } from "./scrub.ts";

/**
 * A seat's own replay (its views only), while other tables of the session still play: from
 * the opening position (step 0), as the full debrief counts its steps, with the same controls.
 */
export function SeatReplay({
  views,
  controls = [],
  note,
  rules,
}: {
  /** The seat's view at the opening, then after each event. */
  views: TableView[];
  /** What the instructor did to the table: lines of the log, where they came, and marks on the timeline. */
  controls?: TableControl[];
  note?: string;
  /** The replay's notice of the rules it was folded under, if any (see replayNotice). */
  rules?: string;
}) {
  const id = useId();
  const last = Math.max(0, views.length - 1);
  const [step, setStep] = useState(last);
  const go = useCallback((target: number) => setStep(Math.max(0, Math.min(last, target))), [last]);
  const starts = useMemo(() => roundStartsOf(views.map((v) => v.round)), [views]);
  const view = views[step];
  const ended = view?.phase === "ended";
  const scenario = views[0]?.scenario;
  // Placed by the step each came at (the seat's replay has no raw events to match).
  const lines = useMemo(
    () =>
      scenario ? controlLines(controls, [], scenario, (seat) => partyName(views[0] ?? { parties: [] }, seat)) : [],
    [controls, scenario, views],
  );
  const marks = useMemo(() => controlMarks(lines), [lines]);
  // The list ends with the step's own lines: keep them in view (the list had stayed at its
  // top, the step's move below the fold of a long game).
  const list = useRef<HTMLOListElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolled again for each step
  useLayoutEffect(() => {
    const box = list.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, [step]);
  const log = useMemo(
    () =>
      withControlLines(
        // Lines as read in the table's log (a chat line names its speaker, a broadcast the instructor).
        (view?.log ?? []).map((e) => ({
          ...e,
          text: entryText(e, (seat) => partyName(view ?? { parties: [] }, seat)),
        })),
        lines.filter((l) => l.entry.seq < step),
      ),
    [view, lines, step],
  );
  return (
    // "debrief": its grid stacks to one column on a narrow screen (a phone had it two columns, wider than the screen).
    <div className="debrief">
      <h1>Your table, step by step</h1>
      {note && <p className="banner">{note} Until then you see what your seat saw.</p>}
      {rules && (
        <p className="notice info" role="note" data-testid="rules-notice">
          {rules}
        </p>
      )}
      <Scrubber step={step} last={last} round={view?.round ?? 1} ended={ended} starts={starts} go={go} marks={marks} />
      {view && (
        <div className="debrief-grid">
          <section className="panel" aria-labelledby={`${id}-knew`}>
            <h2 id={`${id}-knew`}>What you knew then</h2>
            <ol className="step-list" ref={list}>
              {log.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: append-only log
                <li key={i}>
                  {e.instructor && <span className="badge instructor">Instructor</span>}
                  {e.by !== "system" && <ApproachTag approach={e.approach} />} {e.text}
                </li>
              ))}
            </ol>
          </section>
          <section className="panel">
            <IndicatorChart view={view} />
          </section>
        </div>
      )}
    </div>
  );
}
