import { describePackage, type TableView, viewPoints } from "@parley/shared";
import { useTable } from "../state/tableStore.ts";

export function Proposals({ view }: { view: TableView }) {
  const send = useTable((s) => s.send);
  const seat = view.me?.seat ?? "";
  const name = (id: string) => view.parties.find((p) => p.id === id)?.name ?? id;
  const proposals = [...view.proposals].reverse();
  return (
    <section className="panel" aria-labelledby="proposals-title">
      <h2 id="proposals-title">Proposals</h2>
      {proposals.length === 0 && <p className="muted">No proposal yet. Build one below.</p>}
      <ul className="proposals">
        {proposals.map((p) => {
          const canAnswer =
            view.phase === "playing" &&
            p.status === "open" &&
            p.to.includes(seat) &&
            !p.acceptedBy.includes(seat) &&
            !p.rejectedBy.includes(seat);
          return (
            <li key={p.id} className={`proposal ${p.status}`}>
              <p>
                <strong>{name(p.by)}</strong> → {p.to.map(name).join(", ")} · round {p.round} · version {p.version} ·{" "}
                <span className="status">{p.status}</span>
              </p>
              <p className="small">{describePackage(view.scenario, p.package)}</p>
              <p>
                Worth <strong data-testid="proposal-points">{viewPoints(view, p.package)}</strong> points to you.
              </p>
              {canAnswer && (
                <div className="row">
                  <button type="button" className="primary" onClick={() => send({ kind: "accept", proposalId: p.id })}>
                    Accept proposal {p.id}
                  </button>
                  <button type="button" onClick={() => send({ kind: "reject", proposalId: p.id })}>
                    Reject proposal {p.id}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
