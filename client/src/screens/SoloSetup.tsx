import type { ScenarioSummary } from "@parley/shared";
import { botPersonas, personasForSeat, type SeatKind, textLimits } from "@parley/shared";
import { useEffect, useId, useState } from "react";
import { api, post } from "../net/http.ts";
import { saveSeat } from "../net/saved.ts";
import { navigate } from "../router.ts";
import { CharactersLeft } from "../ui/CharactersLeft.tsx";
import { kindBesideName } from "../ui/names.ts";

export interface SoloCreated {
  participantToken: string;
  tableId: string;
  participant: { id: string; name: string; seat: string; party: string };
  session: { title: string | null; scenarioTitle: string };
}

export function rememberSolo(created: SoloCreated): void {
  saveSeat({
    participantId: created.participant.id,
    token: created.participantToken,
    kind: "solo",
    title: created.session.title ?? created.session.scenarioTitle,
    party: created.participant.party,
    seat: created.participant.seat,
    tableId: created.tableId,
    savedAt: new Date().toISOString(),
  });
}

const surprise = "surprise";

/** Solo play: a dispute, a seat, and the persona of each bot (or a surprise, revealed at the end). */
export function SoloSetup() {
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [scenarioId, setScenarioId] = useState("");
  const [seat, setSeat] = useState("");
  const [name, setName] = useState("");
  const [personas, setPersonas] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const ids = { scenario: useId(), name: useId(), nameLeft: useId() };

  // biome-ignore lint/correctness/useExhaustiveDependencies: load the list once
  useEffect(() => {
    api<ScenarioSummary[]>("/scenarios")
      .then((all) => {
        const list = all.filter((s) => s.solo);
        setScenarios(list);
        const first = list[0];
        if (first) choose(first);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  function choose(next: ScenarioSummary | undefined) {
    setScenarioId(next?.id ?? "");
    setSeat(next?.parties.find((p) => p.kind === "state")?.id ?? "");
    setPersonas({});
  }

  const scenario = scenarios.find((s) => s.id === scenarioId);

  async function start(event: React.FormEvent) {
    event.preventDefault();
    if (!scenario || !seat) return;
    setBusy(true);
    setError(undefined);
    try {
      const others = Object.fromEntries(
        scenario.parties.filter((p) => p.id !== seat).map((p) => [p.id, personas[p.id] ?? surprise]),
      );
      const created = await post<SoloCreated>("/solo", {
        scenarioId: scenario.id,
        seat,
        name: name.trim() || "Player",
        personas: others,
      });
      rememberSolo(created);
      navigate(`/play/${created.participant.id}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <h1>Play solo against bots</h1>
      <form onSubmit={start} className="solo-form">
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <section className="panel stack" aria-labelledby="solo-scenario">
          <h2 id="solo-scenario">1. The dispute</h2>
          <label htmlFor={ids.scenario}>Scenario</label>
          <select
            id={ids.scenario}
            value={scenarioId}
            onChange={(e) => choose(scenarios.find((s) => s.id === e.target.value))}
          >
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
          {scenario && (
            <div className="scenario-card">
              {/* The list cuts a long title at its width: the card gives it whole. */}
              <h3>{scenario.title}</h3>
              <p className="muted">{scenario.dateContext}</p>
              <p>{scenario.summary}</p>
              <p className="muted small">
                {scenario.parties.length} seats · {scenario.issues.length} issues · {scenario.roundLimit} rounds · about{" "}
                {scenario.recommended.minutes} minutes
              </p>
            </div>
          )}
        </section>
        {scenario && (
          <section className="panel" aria-labelledby="solo-seat">
            <h2 id="solo-seat">2. Your seat</h2>
            <fieldset className="seat-choices">
              <legend className="sr-only">Your seat</legend>
              {scenario.parties.map((p) => (
                <label key={p.id} className={`seat-choice ${seat === p.id ? "chosen" : ""}`}>
                  <input type="radio" name="seat" value={p.id} checked={seat === p.id} onChange={() => setSeat(p.id)} />
                  <span>
                    <strong>{p.name}</strong>{" "}
                    {kindBesideName(p) && <span className="muted">({kindBesideName(p)})</span>}
                    <br />
                    <span className="small">{p.publicBrief}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          </section>
        )}
        {scenario && (
          <section className="panel stack" aria-labelledby="solo-bots">
            <h2 id="solo-bots">3. The bots you face</h2>
            <p className="muted small">
              Each bot plays with a persona. Choose one, or let it be a surprise: the debrief reveals who played whom
              and why they made their key moves.
            </p>
            {scenario.parties
              .filter((p) => p.id !== seat)
              .map((p) => (
                <PersonaSelect
                  key={p.id}
                  party={p.name}
                  kind={p.kind}
                  value={personas[p.id] ?? surprise}
                  onChange={(v) => setPersonas({ ...personas, [p.id]: v })}
                  mediating={scenario.parties.find((q) => q.id === seat)?.kind === "mediator"}
                />
              ))}
            <label htmlFor={ids.name}>Your name</label>
            <input
              id={ids.name}
              value={name}
              maxLength={textLimits.name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Player"
              aria-describedby={ids.nameLeft}
            />
            <CharactersLeft id={ids.nameLeft} length={name.length} max={textLimits.name} />
            <button type="submit" className="primary" disabled={!scenario || !seat || busy}>
              {busy ? "Starting…" : "Start the negotiation"}
            </button>
          </section>
        )}
      </form>
    </div>
  );
}

function PersonaSelect({
  party,
  kind,
  value,
  onChange,
  mediating = false,
}: {
  party: string;
  kind: SeatKind;
  value: string;
  onChange: (v: string) => void;
  /** The player mediates: a party's surprise is then one that can consent to mediation (see soloPersonas). */
  mediating?: boolean;
}) {
  const id = useId();
  const persona = botPersonas.find((p) => p.id === value);
  return (
    <div className="field">
      <label htmlFor={id}>Bot playing {party}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value={surprise}>Surprise me</option>
        {personasForSeat(kind).map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <p className="muted small">
        {persona
          ? persona.description
          : mediating && kind === "state"
            ? "A persona picked at random among those that can accept a mediator, kept secret until the end."
            : "A persona picked at random, kept secret until the end."}
      </p>
    </div>
  );
}
