import type { TableView } from "@parley/shared";

export function TableLog({ view }: { view: TableView }) {
  const name = (id: string) => view.parties.find((p) => p.id === id)?.name ?? id;
  return (
    <section className="panel log" aria-labelledby="log-title">
      <h2 id="log-title">What happened</h2>
      <ol aria-live="polite" aria-relevant="additions">
        {view.log.map((entry, i) => (
          // Log entries never move or disappear, so their position is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
          <li key={i} className={`log-${entry.kind}`}>
            {entry.kind === "chat" ? (
              <>
                <strong>{name(entry.by)}:</strong> {entry.text}
              </>
            ) : (
              entry.text
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
