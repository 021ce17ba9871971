import { useId, useState } from "react";

/** "What if": continue from the step on screen as a solo game, bots in every other seat. */
export function WhatIf({
  seats,
  name,
  step,
  over,
  onBranch,
}: {
  seats: string[];
  name: (seat: string) => string;
  step: number;
  /** The game is over at this step: nothing to play on from (the debrief opens at the end). */
  over: boolean;
  onBranch: (at: number, seat: string) => Promise<void>;
}) {
  const [seat, setSeat] = useState(seats[0] ?? "");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = useId();
  return (
    <section className="panel" aria-labelledby="whatif-title">
      <h2 id="whatif-title">What if…?</h2>
      <p className="small" id={`${id}-about`}>
        {over
          ? "The game is over at this step: go back to an earlier one (the slider, or ◀ Move) to play on from there."
          : `Continue this table from step ${step} as a solo game: you take one seat, bots play the others.`}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="row">
        {seats.length > 1 && (
          <div className="field inline">
            <label htmlFor={id}>Play as</label>
            <select id={id} value={seat} onChange={(e) => setSeat(e.target.value)}>
              {seats.map((s) => (
                <option key={s} value={s}>
                  {name(s)}
                </option>
              ))}
            </select>
          </div>
        )}
        <button
          type="button"
          className="primary"
          disabled={busy || over}
          aria-describedby={`${id}-about`}
          onClick={async () => {
            setBusy(true);
            setError(undefined);
            try {
              await onBranch(step, seat);
            } catch (e) {
              setError((e as Error).message);
              setBusy(false);
            }
          }}
        >
          Play on from step {step}
        </button>
      </div>
    </section>
  );
}
