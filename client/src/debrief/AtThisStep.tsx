import { pairKey, type TableView } from "@parley/shared";
import { memo } from "react";
import { partyName, playersText, possessive } from "../ui/names.ts";
import { playedSoFar } from "./playedSoFar.ts";

/** Trust pairs listed at once; the others open on request. */
const pairsListed = 8;

/** The table at the step on screen, as the chosen viewer saw it: round, tension, trust, who had played each seat, open proposals. */
export const AtThisStep = memo(function AtThisStep({
  view,
  seating = view,
}: {
  view: TableView;
  /** The view to read "Who played" from: at the opening, once its students are seated (see openingSeatedStep). */
  seating?: TableView;
}) {
  const seats = view.parties.map((p) => p.id);
  const pairs = seats.flatMap((a, i) => seats.slice(i + 1).map((b) => [a, b] as const));
  const open = view.proposals.filter((p) => p.status === "open");
  const trustLine = (a: string, b: string) =>
    `Trust ${partyName(view, a)}–${partyName(view, b)}: ${Math.round(view.indicators.trust[pairKey(a, b)] ?? 50)}`;
  return (
    <section className="panel" aria-labelledby="now-title">
      <h2 id="now-title">At this step</h2>
      <p>
        Round {view.round} of {view.scenario.roundLimit} · tension{" "}
        <strong>{Math.round(view.indicators.tension)}</strong>
      </p>
      <ul className="small">
        {pairs.slice(0, pairsListed).map(([a, b]) => (
          <li key={`${a}-${b}`}>{trustLine(a, b)}</li>
        ))}
      </ul>
      {/* Every pair, the others a click away: a table of eight has 28 (they had been left out). */}
      {pairs.length > pairsListed && (
        <details className="small">
          <summary>Trust of {pairs.length - pairsListed} more pairs</summary>
          <ul>
            {pairs.slice(pairsListed).map(([a, b]) => (
              <li key={`${a}-${b}`}>{trustLine(a, b)}</li>
            ))}
          </ul>
        </details>
      )}
      {view.me && (
        <p className="small">
          {possessive(partyName(view, view.me.seat))} BATNA then: <strong>{view.me.batna}</strong> points
        </p>
      )}
      <h3>Who played</h3>
      <ul className="small">
        {seating.parties.map((p) => (
          <li key={p.id}>
            {p.name}: {playersText(playedSoFar(p, seating.log))}
          </li>
        ))}
      </ul>
      <h3>Open proposals</h3>
      {open.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <ul className="small">
          {open.map((p) => (
            <li key={p.id}>
              {partyName(view, p.by)} v{p.version} to {p.to.map((s) => partyName(view, s)).join(", ")}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
