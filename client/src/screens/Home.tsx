import { useEffect, useId, useState } from "react";
import { api, type ScenarioSummary } from "../net/http.ts";
import { navigate } from "../router.ts";
import { useTable } from "../state/tableStore.ts";

export function Home() {
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [scenarioId, setScenarioId] = useState("");
  const [seat, setSeat] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const createSolo = useTable((s) => s.createSolo);
  const ids = { scenario: useId(), seat: useId(), name: useId() };

  useEffect(() => {
    api<ScenarioSummary[]>("/scenarios")
      .then((list) => {
        setScenarios(list);
        const first = list[0];
        if (first) {
          setScenarioId(first.id);
          setSeat(first.parties.find((p) => p.kind === "state")?.id ?? "");
        }
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  const scenario = scenarios.find((s) => s.id === scenarioId);

  async function start(event: React.FormEvent) {
    event.preventDefault();
    if (!scenario || !seat) return;
    setBusy(true);
    setError(undefined);
    try {
      const roomId = await createSolo({ scenarioId: scenario.id, seat, name: name.trim() || "Player" });
      navigate(`/table/${roomId}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <div className="home">
      <section className="panel">
        <h1>Play solo against bots</h1>
        <p>Pick a dispute and a seat. The other seats are played by scripted bots.</p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <form onSubmit={start} className="stack">
          <label htmlFor={ids.scenario}>Scenario</label>
          <select
            id={ids.scenario}
            value={scenarioId}
            onChange={(e) => {
              setScenarioId(e.target.value);
              const next = scenarios.find((s) => s.id === e.target.value);
              setSeat(next?.parties.find((p) => p.kind === "state")?.id ?? "");
            }}
          >
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
          {scenario && (
            <div className="scenario-card">
              <p className="muted">{scenario.dateContext}</p>
              <p>{scenario.summary}</p>
              <p className="muted">
                {scenario.roundLimit} rounds · about {scenario.recommended.minutes} minutes
              </p>
            </div>
          )}
          {scenario && (
            <fieldset>
              <legend>Your seat</legend>
              {scenario.parties.map((p) => (
                <label key={p.id} className="choice">
                  <input type="radio" name="seat" value={p.id} checked={seat === p.id} onChange={() => setSeat(p.id)} />
                  <span>
                    <strong>{p.name}</strong> <span className="muted">({p.kind})</span>
                    <br />
                    <span className="small">{p.publicBrief}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <label htmlFor={ids.name}>Your name</label>
          <input
            id={ids.name}
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
            placeholder="Player"
          />
          <button type="submit" className="primary" disabled={!scenario || !seat || busy}>
            {busy ? "Starting…" : "Start the negotiation"}
          </button>
        </form>
      </section>
    </div>
  );
}
