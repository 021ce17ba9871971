import { type ReactNode, useEffect, useId, useState } from "react";
import { keyStep, type PlaySpeed, playFrom, playNext, playSpeeds, roundStepFrom, type TimelineMark } from "./scrub.ts";

/**
 * A replay's step controls: buttons by move and by round, and the slider, which says its
 * step to a screen reader and jumps a tenth of the replay with Page Up and Page Down. Marks
 * under the slider show where the instructor stepped in (the log lists the same, in words).
 * Play moves on a step at a time at the speed chosen, so a class can watch the table unfold
 * on the projector while the instructor talks; it stops at the end, or at Pause.
 */
export function Scrubber({
  step,
  last,
  round,
  ended,
  starts,
  go,
  marks = [],
  children,
}: {
  step: number;
  last: number;
  round: number;
  ended: boolean;
  starts: readonly { step: number }[];
  go: (step: number) => void;
  marks?: readonly TimelineMark[];
  /** What the step on screen was, under the slider. */
  children?: ReactNode;
}) {
  const slider = useId();
  const speedId = useId();
  const at = (s: number) => `${last > 0 ? (s / last) * 100 : 0}%`;
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<PlaySpeed>("normal");
  const pause = playSpeeds.find((p) => p.id === speed)?.ms ?? 1500;
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      const next = playNext(step, last);
      go(next.step);
      if (next.done) setPlaying(false);
    }, pause);
    return () => clearTimeout(timer);
  }, [playing, step, last, pause, go]);
  const togglePlay = () => {
    if (playing) return setPlaying(false);
    go(playFrom(step, last));
    setPlaying(last > 0);
  };
  return (
    <section className="panel scrubber" aria-labelledby={`${slider}-title`}>
      <h2 id={`${slider}-title`} className="sr-only">
        Step through the table
      </h2>
      <div className="row">
        <button type="button" className="primary" onClick={togglePlay} aria-label={playing ? "Pause" : "Play"}>
          {playing ? "❚❚ Pause" : "▶ Play"}
        </button>
        <div className="field inline">
          <label htmlFor={speedId}>Speed</label>
          <select id={speedId} value={speed} onChange={(e) => setSpeed(e.target.value as PlaySpeed)}>
            {playSpeeds.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => go(0)} aria-label="Go to the start">
          « Start
        </button>
        <button type="button" onClick={() => go(roundStepFrom(starts, step, last, -1))}>
          ◀◀ Previous round
        </button>
        <button type="button" onClick={() => go(step - 1)} aria-label="Previous move">
          ◀ Move
        </button>
        <button type="button" onClick={() => go(step + 1)} aria-label="Next move">
          Move ▶
        </button>
        <button type="button" onClick={() => go(roundStepFrom(starts, step, last, 1))}>
          Next round ▶▶
        </button>
        <button type="button" onClick={() => go(last)} aria-label="Go to the end">
          End »
        </button>
      </div>
      <label htmlFor={slider}>
        Step <strong data-testid="step">{step}</strong> of {last} · round{" "}
        <strong data-testid="step-round">{round}</strong>
        {ended && " · game over"}
      </label>
      <input
        id={slider}
        type="range"
        min={0}
        max={last}
        value={step}
        onChange={(e) => go(Number(e.target.value))}
        onKeyDown={(e) => {
          const to = keyStep(e.key, step, last);
          if (to === undefined) return;
          e.preventDefault();
          go(to);
        }}
        aria-valuetext={`Step ${step} of ${last}, round ${round}${ended ? ", game over" : ""}`}
      />
      {marks.length > 0 && (
        // The marks are a picture of the log's instructor lines, which say the same to a screen reader.
        <div className="timeline-marks" aria-hidden="true" data-testid="timeline-marks">
          {marks.map((m) => (
            <span key={`${m.step}-${m.label}`} className="timeline-mark" style={{ left: at(m.step) }} title={m.label} />
          ))}
        </div>
      )}
      {children}
    </section>
  );
}
