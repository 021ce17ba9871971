import { pairKey, type TableView } from "@parley/shared";
import { lazy, Suspense, useState } from "react";
import { partyName } from "../ui/names.ts";

const IndicatorChart = lazy(() => import("../charts/IndicatorChart.tsx"));

function Meter({ label, value, hint }: { label: string; value: number; hint: string }) {
  const level = value >= 67 ? "high" : value >= 34 ? "medium" : "low";
  return (
    <div className="meter-row">
      <span className="meter-label">{label}</span>
      <meter
        min={0}
        max={100}
        low={34}
        high={67}
        optimum={hint === "lower is better" ? 0 : 100}
        value={value}
        aria-label={label}
      />
      <span className="num">
        {Math.round(value)} <span className="muted small">({level})</span>
      </span>
    </div>
  );
}

/** Trust, tension and legitimacy now, and (on request) over the rounds so far. */
export function IndicatorsPanel({ view }: { view: TableView }) {
  const [showChart, setShowChart] = useState(true);
  const seat = view.me?.seat ?? "";
  const others = view.parties.filter((p) => p.id !== seat);
  return (
    <section className="panel" aria-labelledby="indicators-title">
      <h2 id="indicators-title">Indicators</h2>
      <Meter label="Tension at the table" value={view.indicators.tension} hint="lower is better" />
      {view.crisis.inCrisis && <p className="badge danger">Crisis: tension is above {view.crisis.threshold}</p>}
      {others.map((p) => (
        <Meter
          key={p.id}
          label={`Trust with ${p.name}`}
          value={view.indicators.trust[pairKey(seat, p.id)] ?? 50}
          hint="higher is better"
        />
      ))}
      {view.parties.map((p) => (
        <Meter
          key={p.id}
          label={`Legitimacy of ${partyName(view, p.id)}`}
          value={view.indicators.legitimacy[p.id] ?? 50}
          hint="higher is better"
        />
      ))}
      {view.history.length > 0 && (
        <>
          <button type="button" className="link" aria-expanded={showChart} onClick={() => setShowChart(!showChart)}>
            {showChart ? "Hide" : "Show"} the rounds so far
          </button>
          {showChart && (
            <Suspense fallback={<p className="muted small">Loading the chart…</p>}>
              <IndicatorChart view={view} />
            </Suspense>
          )}
        </>
      )}
    </section>
  );
}
