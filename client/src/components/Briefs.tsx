import type { TableView } from "@parley/shared";

export function Briefs({ view }: { view: TableView }) {
  const me = view.parties.find((p) => p.id === view.me?.seat);
  return (
    <section className="panel" aria-labelledby="briefs-title">
      <h2 id="briefs-title">Your brief</h2>
      <p>{view.scenario.summary}</p>
      <h3>Public: {me?.name}</h3>
      <p>{me?.publicBrief}</p>
      <h3>Confidential</h3>
      <p className="confidential">{view.me?.confidentialBrief}</p>
      <p>
        Your alternative to agreement (BATNA) is worth <strong>{view.me?.batna}</strong> points
        {view.me && view.me.batna !== view.me.initialBatna && <> (it started at {view.me.initialBatna})</>}. The best
        package for you is worth {view.me?.range.best}.
      </p>
      <details>
        <summary>The other parties</summary>
        {view.parties
          .filter((p) => p.id !== me?.id)
          .map((p) => (
            <div key={p.id}>
              <h3>
                {p.name}{" "}
                <span className="muted">({p.controller.type === "bot" ? "bot" : p.controller.name || "player"})</span>
              </h3>
              <p>{p.publicBrief}</p>
            </div>
          ))}
      </details>
    </section>
  );
}
