import type { TableView } from "@parley/shared";
import { useTable } from "../state/tableStore.ts";

export function MovePalette({ view }: { view: TableView }) {
  const send = useTable((s) => s.send);
  const acted = view.parties.find((p) => p.id === view.me?.seat)?.acted ?? false;
  return (
    <section className="panel" aria-labelledby="moves-title">
      <h2 id="moves-title">Other moves</h2>
      <div className="row">
        <button type="button" disabled={acted} onClick={() => send({ kind: "pass" })}>
          Pass this round
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm("Walk away for good and take your BATNA?")) send({ kind: "walkAway" });
          }}
        >
          Walk away
        </button>
      </div>
    </section>
  );
}
