import { type Aims, aimsPoints, type TableView } from "@parley/shared";
import { pointsText } from "../ui/metric.ts";
import { issueName, kindBesideName, optionName, partyName } from "../ui/names.ts";

export function controllerText(controller: TableView["parties"][number]["controller"]): string {
  if (controller.type === "human") return controller.name || "a player";
  return controller.persona ? `bot: ${controller.persona}` : "bot";
}

const signed = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${pointsText(Math.abs(n))}`;

/**
 * A third party (a mediator, an NGO) has no payoff table and no BATNA: it scores by its aims,
 * points for any agreement and for a calm table. Shown instead of the BATNA, with what the
 * table would give it if it ended now.
 */
function ThirdPartyAims({ view, aims }: { view: TableView; aims: Aims }) {
  const tension = view.indicators.tension;
  const agreed = view.outcome?.kind === "agreement";
  const now = aimsPoints(aims, agreed, tension);
  return (
    <>
      <h3>How you score</h3>
      <dl className="facts" data-testid="third-party-aims">
        <div>
          <dt>Any agreement</dt>
          <dd>
            <strong>{signed(aims.agreementBonus)}</strong> points
          </dd>
        </div>
        <div>
          <dt>A calm table</dt>
          <dd>
            {signed(aims.tensionWeight)} per point of tension below 50 at the end (and {signed(-aims.tensionWeight)} per
            point above)
          </dd>
        </div>
        <div>
          <dt>{view.phase === "ended" ? "At the end" : "If it ended now"}</dt>
          <dd>
            <strong>{signed(now.total)}</strong> points ({agreed ? "an agreement" : "no agreement"}, tension{" "}
            {Math.round(tension)})
          </dd>
        </div>
      </dl>
    </>
  );
}

/** The situation, your public and confidential brief, your BATNA (or a third party's aims) and what others told you. */
export function Briefs({ view }: { view: TableView }) {
  const me = view.parties.find((p) => p.id === view.me?.seat);
  const secrets = view.me;
  const revealed = Object.entries(view.revealedToViewer);
  return (
    <section className="panel" aria-labelledby="briefs-title">
      <h2 id="briefs-title">Your brief</h2>
      <details open>
        <summary>The situation</summary>
        <p>{view.scenario.summary}</p>
      </details>
      <h3>Public: {me?.name}</h3>
      <p>{me?.publicBrief}</p>
      <h3>
        Confidential <span className="badge">only you</span>
      </h3>
      <p className="confidential">{secrets?.confidentialBrief}</p>
      {secrets?.aims && <ThirdPartyAims view={view} aims={secrets.aims} />}
      {secrets && !secrets.aims && (
        <>
          <dl className="facts">
            <div>
              <dt>Your BATNA (no deal)</dt>
              <dd>
                <strong>{secrets.batna}</strong> points
                {secrets.batna !== secrets.initialBatna && (
                  <span className="muted"> (started at {secrets.initialBatna})</span>
                )}
              </dd>
            </div>
            <div>
              <dt>Your best package</dt>
              <dd>{secrets.range.best} points</dd>
            </div>
            {Object.entries(secrets.merits).map(([issue, merit]) => (
              <div key={issue}>
                <dt>Your lawyers on {issueName(view, issue)}</dt>
                <dd>{Math.round(merit * 100)}% chance to win</dd>
              </div>
            ))}
          </dl>
          {/* The first place a player meets the term: spelled out once, here. */}
          <p className="muted small">
            BATNA: your best alternative to a negotiated agreement, the points you get if there is no deal.
          </p>
        </>
      )}
      {revealed.length > 0 && (
        <>
          <h3>What others revealed to you</h3>
          {revealed.map(([owner, issues]) => (
            <div key={owner} className="small">
              <strong>{partyName(view, owner)}</strong>
              <ul>
                {Object.entries(issues).map(([issue, options]) => (
                  <li key={issue}>
                    {issueName(view, issue)}:{" "}
                    {Object.entries(options)
                      .map(([option, points]) => `${optionName(view, issue, option)} ${points}`)
                      .join(" · ")}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
      <details>
        <summary>The other parties</summary>
        {view.parties
          .filter((p) => p.id !== me?.id)
          .map((p) => (
            <div key={p.id}>
              <h3>
                {p.name}{" "}
                <span className="muted small">
                  ({[kindBesideName(p), controllerText(p.controller)].filter(Boolean).join(", ")})
                </span>
                {p.walkedAway && <span className="badge warn">walked away</span>}
              </h3>
              <p className="small">{p.publicBrief}</p>
            </div>
          ))}
      </details>
    </section>
  );
}
