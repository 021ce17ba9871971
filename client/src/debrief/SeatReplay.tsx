import type { TableView } from "@parley/shared";
import { useId, useState } from "react";
import IndicatorChart from "../charts/IndicatorChart.tsx";
import { ApproachTag } from "../ui/approaches.tsx";

/** A seat's own replay (its views only), while other tables of the session still play. */
export function SeatReplay({
  steps,
  note,
  rules,
}: {
  steps: { view: TableView }[];
  note?: string;
  /** The replay's notice of the rules it was folded under, if any (see replayNotice). */
  rules?: string;
}) {
  const [step, setStep] = useState(steps.length - 1);
  const id = useId();
  const view = steps[step]?.view;
  return (
    <div>
      <h1>Your table, step by step</h1>
      {note && <p className="banner">{note} Until then you see what your seat saw.</p>}
      {rules && (
        <p className="notice info" role="note" data-testid="rules-notice">
          {rules}
        </p>
      )}
      <section className="panel scrubber">
        <label htmlFor={id}>
          Step {step + 1} of {steps.length}
          {view && ` · round ${view.round}`}
        </label>
        <input
          id={id}
          type="range"
          min={0}
          max={Math.max(0, steps.length - 1)}
          value={step}
          onChange={(e) => setStep(Number(e.target.value))}
        />
      </section>
      {view && (
        <div className="debrief-grid">
          <section className="panel">
            <h2>What you knew then</h2>
            <ol className="step-list">
              {view.log.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: append-only log
                <li key={i}>
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
