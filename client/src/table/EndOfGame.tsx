import { aimsPoints, describePackage, playedBy, type TableView } from "@parley/shared";
import { useEffect, useRef } from "react";
import type { SavedSeat } from "../net/saved.ts";
import { Link } from "../ui/Link.tsx";
import { metricReason, metricText, pointsText } from "../ui/metric.ts";
import { issueName, isThirdParty, optionName, partyName, personaReveal, playersText } from "../ui/names.ts";
import { ScoreCells } from "../ui/ScoreCells.tsx";
import { botReasons } from "./botReasons.ts";
import { noAgreementText } from "./noAgreementText.ts";

/** The outcome, your score under both lenses, every party's score and what others had revealed. */
export function EndOfGame({ view, seat }: { view: TableView; seat: SavedSeat }) {
  const outcome = view.outcome;
  const me = view.me?.seat ?? "";
  const mine = view.scores?.find((s) => s.seat === me);
  const lenses = view.report?.lenses[me];
  /** A third party's aims: it scores by them, with no BATNA, 0–100 scale or lens. */
  const aims = view.me?.aims;
  const parts = aims && aimsPoints(aims, outcome?.kind === "agreement", view.indicators.tension);
  const revealed = Object.entries(view.revealedToViewer);
  const heading = useRef<HTMLHeadingElement>(null);
  // The moves went with the end, and the focus with them (to the page's start): it goes to
  // the outcome instead, which a screen reader then reads. Focus the student put elsewhere stays.
  useEffect(() => {
    const at = document.activeElement;
    if (!at || at === document.body || at.id === "main") heading.current?.focus();
  }, []);
  return (
    <section className="panel outcome" aria-labelledby="outcome-title">
      <h2 id="outcome-title" ref={heading} tabIndex={-1}>
        {outcome?.kind === "agreement" ? "Agreement reached" : "No agreement"}
      </h2>
      {outcome?.kind === "agreement" ? (
        <p>
          In round {outcome.round}: {describePackage(view.scenario, outcome.package)}
        </p>
      ) : (
        <p>
          {outcome ? noAgreementText(view, outcome.reason) : "The negotiation was ended."} Every state falls back on its
          BATNA.
        </p>
      )}
      <div className="score-cards">
        {mine && aims && (
          <div className="score-card" data-testid="third-party-result">
            <h3>Your result</h3>
            <p className="big-number">{pointsText(mine.points)}</p>
            <p>
              points: {parts?.agreement ? `${pointsText(parts.agreement)} for the agreement` : "none for an agreement"},{" "}
              {pointsText(parts?.calm ?? 0)} for the table's tension at the end ({Math.round(view.indicators.tension)}).
            </p>
          </div>
        )}
        {mine && aims && (
          <div className="score-card">
            <h3>The lenses</h3>
            <p>
              The realist and liberal lenses score the parties to the deal. As a third party you are judged by your
              aims: an agreement, and a calm table.
            </p>
          </div>
        )}
        {mine && !aims && (
          <div className="score-card">
            <h3>Your result</h3>
            <p className="big-number">{mine.points}</p>
            <p>
              points ({metricText(mine.normalised)} on your 0–100 scale), {mine.surplus >= 0 ? "+" : ""}
              {mine.surplus} over your BATNA of {mine.batna}
            </p>
          </div>
        )}
        {lenses && !aims && (
          <div className="score-card">
            <h3>Realist lens</h3>
            <p className="big-number" title={metricReason(lenses.realist.score)}>
              {metricText(lenses.realist.score, 1)}
            </p>
            <p className="small">Your own outcome and your relative gains over the others.</p>
          </div>
        )}
        {lenses && !aims && (
          <div className="score-card">
            <h3>Liberal lens</h3>
            <p className="big-number" title={metricReason(lenses.liberal.score)}>
              {metricText(lenses.liberal.score, 1)}
            </p>
            <p className="small">Your outcome plus the table's efficiency, trust and your legitimacy.</p>
          </div>
        )}
      </div>
      {view.resultsHeld ? (
        <p className="notice info" role="status" data-testid="results-held">
          Other tables of your session may still be playing the same parties. Every party's score, who the bots were and
          why they moved as they did appear here once the whole session is over.
        </p>
      ) : (
        <AllResults view={view} />
      )}
      <h3>What the others had revealed to you</h3>
      {revealed.length === 0 ? (
        <p className="muted">Nobody shared their interests with you.</p>
      ) : (
        <ul>
          {revealed.map(([owner, issues]) => (
            <li key={owner}>
              <strong>{partyName(view, owner)}</strong>:{" "}
              {Object.entries(issues)
                .map(
                  ([issue, options]) =>
                    `${issueName(view, issue)} (${Object.entries(options)
                      .map(([o, p]) => `${optionName(view, issue, o)} ${p}`)
                      .join(", ")})`,
                )
                .join("; ")}
            </li>
          ))}
        </ul>
      )}
      <p className="row">
        <Link className="button primary" href={`/debrief/${seat.participantId}`}>
          Open the debrief
        </Link>
        {seat.kind === "solo" && (
          <Link className="button" href="/solo">
            Play again
          </Link>
        )}
      </p>
    </section>
  );
}

/** Every party's score, who the bots were and their reasons: once the session's tables have all finished. */
function AllResults({ view }: { view: TableView }) {
  const bots = view.parties.filter((p) => p.controller.type === "bot");
  return (
    <>
      <div className="table-scroll">
        <table>
          <caption>Every party's score</caption>
          <thead>
            <tr>
              <th scope="col">Party</th>
              <th scope="col">Played by</th>
              <th scope="col">Points</th>
              <th scope="col" className="nowrap">
                Score (0–100)
              </th>
              <th scope="col">Over BATNA</th>
              <th scope="col">Realist</th>
              <th scope="col">Liberal</th>
            </tr>
          </thead>
          <tbody>
            {view.scores?.map((s) => {
              const party = view.parties.find((p) => p.id === s.seat);
              return (
                <tr key={s.seat} data-testid={`score-${s.seat}`}>
                  <th scope="row">{partyName(view, s.seat)}</th>
                  <td>{party ? playersText(playedBy(party.stints, view.log, s.seat)) : "–"}</td>
                  <ScoreCells score={s} lenses={view.report?.lenses[s.seat]} thirdParty={isThirdParty(view, s.seat)} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {view.parties.some((p) => p.kind !== "state") && (
        <p className="muted small">
          — : a third party (a mediator, an NGO) scores by its aims (an agreement, a calm table), with no BATNA, 0–100
          scale or lens.
        </p>
      )}
      {bots.length > 0 && (
        <>
          <h3>Who the bots were</h3>
          <ul>
            {bots.map((p) => {
              const persona = personaReveal(p.controller.type === "bot" ? p.controller.persona : undefined, p.kind);
              const kind = p.kind === "ngo" ? "an NGO" : `a ${p.kind}`;
              return (
                <li key={p.id} data-testid={`persona-${p.id}`}>
                  <strong>{p.name}</strong> was played by the <strong>{persona.name}</strong> bot
                  {persona.plays && (
                    <>
                      , which plays {kind} as the <strong>{persona.plays}</strong> bot
                    </>
                  )}
                  {persona.description ? `: ${persona.description}` : "."}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {/* The bots' reasons for their key moves: shown when the log carries them (`rationale`). */}
      {(() => {
        const reasons = botReasons(
          view.log,
          bots.map((b) => b.id),
          (seat) => partyName(view, seat),
        );
        return reasons.length === 0 ? null : (
          <>
            <h3>Why the bots did what they did</h3>
            <ul data-testid="bot-reasons">
              {reasons.map((r) => (
                <li key={r.key}>
                  <span className="muted small">Round {r.round}:</span> {r.text}
                  <span className="rationale">Why: {r.why}</span>
                </li>
              ))}
            </ul>
          </>
        );
      })()}
    </>
  );
}
