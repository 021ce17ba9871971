import { type Framing, type Package, type TableView, viewPoints } from "@parley/shared";
import { useState } from "react";
import { useTable } from "../state/tableStore.ts";

/** Choose one option per issue, see your points as you build, and propose it. */
export function PackageBuilder({ view }: { view: TableView }) {
  const send = useTable((s) => s.send);
  const seat = view.me?.seat ?? "";
  const counterparts = view.parties.filter((p) => p.id !== seat && p.kind === "state" && !p.walkedAway);
  const [choice, setChoice] = useState<Record<string, string>>(() =>
    Object.fromEntries(view.scenario.issues.map((i) => [i.id, i.statusQuo])),
  );
  const [to, setTo] = useState<string[]>(counterparts.map((p) => p.id));
  const [framing, setFraming] = useState<Framing>("plain");
  const pkg: Package = { options: choice };
  const points = viewPoints(view, pkg);
  const acted = view.parties.find((p) => p.id === seat)?.acted ?? false;

  return (
    <section className="panel" aria-labelledby="builder-title">
      <h2 id="builder-title">Build a package</h2>
      <p className="muted">Your private points are shown beside each option.</p>
      <div className="issues">
        {view.scenario.issues.map((issue) => (
          <fieldset key={issue.id} className="issue">
            <legend>{issue.name}</legend>
            {issue.description && <p className="small muted">{issue.description}</p>}
            {issue.options.map((option) => {
              const mine = view.me?.payoffs[issue.id]?.[option.id] ?? 0;
              return (
                <label key={option.id} className="option">
                  <input
                    type="radio"
                    name={`issue-${issue.id}`}
                    value={option.id}
                    checked={choice[issue.id] === option.id}
                    onChange={() => setChoice({ ...choice, [issue.id]: option.id })}
                  />
                  <span className="option-label">
                    {option.label}
                    {issue.statusQuo === option.id && <span className="muted"> (status quo)</span>}
                  </span>
                  <span className="points">
                    {mine}
                    <span className="sr-only"> points for you</span>
                  </span>
                </label>
              );
            })}
          </fieldset>
        ))}
      </div>
      <p className="total" aria-live="polite">
        This package is worth <strong data-testid="package-points">{points}</strong> points to you (your BATNA:{" "}
        {view.me?.batna}).
      </p>
      {counterparts.length > 1 && (
        <fieldset>
          <legend>Address it to</legend>
          {counterparts.map((p) => (
            <label key={p.id} className="choice">
              <input
                type="checkbox"
                checked={to.includes(p.id)}
                onChange={(e) => setTo(e.target.checked ? [...to, p.id] : to.filter((x) => x !== p.id))}
              />
              {p.name}
            </label>
          ))}
        </fieldset>
      )}
      <label className="choice">
        Framing{" "}
        <select value={framing} onChange={(e) => setFraming(e.target.value as Framing)}>
          <option value="plain">Plain proposal</option>
          <option value="package">Package offer across issues (mutual gains)</option>
          <option value="anchor">Anchor: a demanding opening (competitive)</option>
          <option value="ultimatum">Ultimatum: take it or leave it (competitive)</option>
        </select>
      </label>
      <button
        type="button"
        className="primary"
        disabled={acted || to.length === 0}
        title={acted ? "You have already made your move this round" : undefined}
        onClick={() => send({ kind: "propose", to, package: pkg, framing })}
      >
        Propose this package
      </button>
    </section>
  );
}
