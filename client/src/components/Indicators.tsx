import { pairKey, type TableView } from "@parley/shared";

function Meter({ label, value }: { label: string; value: number }) {
  return (
    <div className="meter">
      <span>{label}</span>
      <meter min={0} max={100} value={value} aria-label={label} />
      <span className="num">{Math.round(value)}</span>
    </div>
  );
}

export function Indicators({ view }: { view: TableView }) {
  const seat = view.me?.seat ?? "";
  const others = view.parties.filter((p) => p.id !== seat);
  return (
    <section className="panel" aria-labelledby="indicators-title">
      <h2 id="indicators-title">Indicators</h2>
      <Meter label="Tension" value={view.indicators.tension} />
      {others.map((p) => (
        <Meter key={p.id} label={`Trust with ${p.name}`} value={view.indicators.trust[pairKey(seat, p.id)] ?? 50} />
      ))}
      {view.parties.map((p) => (
        <Meter key={p.id} label={`Legitimacy of ${p.name}`} value={view.indicators.legitimacy[p.id] ?? 50} />
      ))}
    </section>
  );
}
