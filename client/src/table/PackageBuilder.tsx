import { type Framing, type Package, type TableView, viewPoints } from "@parley/shared";
import { useId, useState } from "react";
import { useTable } from "../state/tableStore.ts";
import { capitalised, optionName, partyName } from "../ui/names.ts";
import { keepingRulings, ruledOptions } from "./rulings.ts";

/** Each framing and what it does, read in full on a phone's width too (a select cut them off). */
const framings: { id: Framing; label: string; effect?: string }[] = [
  { id: "plain", label: "Plain proposal" },
  { id: "package", label: "Package offer across issues", effect: "mutual gains: trust +1" },
  { id: "anchor", label: "Anchor: a demanding opening", effect: "competitive: trust −3" },
  { id: "ultimatum", label: "Ultimatum: take it or leave it", effect: "competitive, open one round" },
];

/** One option per issue (and any unlocked creative options), with your points as you build. */
export function PackageBuilder({ view, canMove }: { view: TableView; canMove: boolean }) {
  const send = useTable((s) => s.send);
  const seat = view.me?.seat ?? "";
  const counterparts = view.parties.filter((p) => p.id !== seat && p.kind === "state" && !p.walkedAway);
  const [choice, setChoice] = useState<Record<string, string>>(() =>
    Object.fromEntries(view.scenario.issues.map((i) => [i.id, i.statusQuo])),
  );
  const [creative, setCreative] = useState<string[]>([]);
  const [to, setTo] = useState<string[]>(counterparts.map((p) => p.id));
  const [framing, setFraming] = useState<Framing>("plain");
  const ids = { framing: useId(), from: useId(), total: useId() };
  const unlocked = view.scenario.creativeOptions.filter((c) => c.unlocked);
  // A binding ruling fixes its issue: any package must keep it, so it stays chosen here.
  const ruled = ruledOptions(view);
  const options = keepingRulings(view, choice);
  const pkg: Package = { options, creative: creative.filter((id) => unlocked.some((c) => c.id === id)) };
  const points = viewPoints(view, pkg);
  const availability = view.moves?.find((m) => m.kind === "propose");
  const open = view.proposals.filter((p) => p.status === "open");
  const addressees = to.filter((id) => counterparts.some((p) => p.id === id));
  const batna = view.me?.batna ?? 0;

  return (
    <section className="panel" aria-labelledby="builder-title">
      <h2 id="builder-title">Build a package</h2>
      <p className="muted small">Pick one option per issue. Your private points are beside each option.</p>
      {open.length > 0 && (
        <div className="field inline">
          <label htmlFor={ids.from}>Start from</label>
          <select
            id={ids.from}
            value=""
            onChange={(e) => {
              const source = open.find((p) => p.id === e.target.value);
              if (source) {
                setChoice({ ...source.package.options });
                setCreative([...(source.package.creative ?? [])]);
              }
            }}
          >
            <option value="">(choose an open proposal to counter)</option>
            {open.map((p) => (
              <option key={p.id} value={p.id}>
                {partyName(view, p.by)}, version {p.version} ({p.id})
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="issues">
        {view.scenario.issues.map((issue) => (
          <fieldset key={issue.id} className="issue">
            <legend>{issue.name}</legend>
            {issue.description && <p className="small muted">{issue.description}</p>}
            {ruled[issue.id] && (
              <p className="small" data-testid={`ruled-${issue.id}`}>
                {capitalised(ruled[issue.id]?.forum ?? "")} has ruled: any package must keep “
                {optionName(view, issue.id, ruled[issue.id]?.optionId ?? "")}”.
              </p>
            )}
            {issue.options.map((option) => {
              const mine = view.me?.payoffs[issue.id]?.[option.id] ?? 0;
              const theirs = Object.entries(view.revealedToViewer)
                .map(([owner, table]) => [owner, table[issue.id]?.[option.id]] as const)
                .filter(([, v]) => v !== undefined);
              return (
                <label key={option.id} className={`option ${options[issue.id] === option.id ? "chosen" : ""}`}>
                  <input
                    type="radio"
                    name={`issue-${issue.id}`}
                    value={option.id}
                    checked={options[issue.id] === option.id}
                    disabled={ruled[issue.id] !== undefined && ruled[issue.id]?.optionId !== option.id}
                    onChange={() => setChoice({ ...choice, [issue.id]: option.id })}
                  />
                  <span className="option-label">
                    {option.label}
                    {issue.statusQuo === option.id && <span className="muted small"> (status quo)</span>}
                    {theirs.map(([owner, v]) => (
                      <span key={owner} className="revealed small">
                        {" "}
                        · {partyName(view, owner)}: {v}
                        {/* Read as "China: 0 points, 20 points for you", not "China: 0 20 points for you". */}
                        <span className="sr-only"> points,</span>
                      </span>
                    ))}
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
      {unlocked.length > 0 && (
        <fieldset className="issue">
          <legend>Creative options (unlocked)</legend>
          {unlocked.map((c) => (
            <label key={c.id} className="option">
              <input
                type="checkbox"
                checked={creative.includes(c.id)}
                onChange={(e) =>
                  setCreative(e.target.checked ? [...creative, c.id] : creative.filter((x) => x !== c.id))
                }
              />
              <span className="option-label">
                {c.name} <span className="muted small">{c.description}</span>
              </span>
              <span className="points">
                +{view.me?.creativeBonus[c.id] ?? 0}
                <span className="sr-only"> points for you</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <p className="total" id={ids.total} aria-live="polite" aria-atomic="true">
        This package is worth <strong data-testid="package-points">{points}</strong> points to you{" "}
        <span className={points >= batna ? "ok" : "warn"}>
          ({points >= batna ? "above" : "below"} your BATNA of {batna})
        </span>
        .
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
      <fieldset className="framings">
        <legend>Framing</legend>
        {framings.map((f) => (
          <label key={f.id} className="choice">
            <input
              type="radio"
              name={ids.framing}
              value={f.id}
              checked={framing === f.id}
              onChange={() => setFraming(f.id)}
            />
            <span>
              {f.label}
              {f.effect && <span className="muted small"> ({f.effect})</span>}
            </span>
          </label>
        ))}
      </fieldset>
      {availability && !availability.available && <p className="small muted">Not now: {availability.reason}</p>}
      <button
        type="button"
        className="primary"
        disabled={!canMove || !availability?.available || addressees.length === 0}
        aria-describedby={ids.total}
        onClick={() => send({ kind: "propose", to: addressees, package: pkg, framing })}
      >
        Propose this package
      </button>
    </section>
  );
}
