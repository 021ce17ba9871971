import type { ScenarioSummary } from "@parley/shared";
import { botPersonas, textLimits } from "@parley/shared";
import { useEffect, useId, useState } from "react";
import { api, post } from "../net/http.ts";
import { type SavedSession, savedSessions, saveSession } from "../net/saved.ts";
import { navigate } from "../router.ts";
import { CharactersLeft } from "../ui/CharactersLeft.tsx";
import { Link } from "../ui/Link.tsx";
import { seatListName } from "../ui/names.ts";

interface Created {
  session: { id: string; joinCode: string; scenarioTitle: string; settings: { title?: string } };
  instructorToken: string;
}

/** Create a class session (scenario, lens, timing, tables, bots, roster), or reopen one. */
export default function TeachScreen() {
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [scenarioId, setScenarioId] = useState("");
  const [title, setTitle] = useState("");
  const [lens, setLens] = useState<"both" | "realist" | "liberal">("both");
  const [mode, setMode] = useState<"live" | "async">("live");
  /** Minutes per round the instructor typed; until then, the scenario's suggestion. */
  const [typedMinutes, setMinutes] = useState<number>();
  const [hours, setHours] = useState(24);
  const [tables, setTables] = useState("auto");
  const [personas, setPersonas] = useState<string[]>([botPersonas[0]?.id ?? "simple"]);
  const [roster, setRoster] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [sessions] = useState(savedSessions);
  const ids = {
    scenario: useId(),
    title: useId(),
    titleLeft: useId(),
    lens: useId(),
    minutes: useId(),
    hours: useId(),
    tables: useId(),
    roster: useId(),
  };

  useEffect(() => {
    api<ScenarioSummary[]>("/scenarios")
      .then((list) => {
        setScenarios(list);
        setScenarioId(list[0]?.id ?? "");
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  const scenario = scenarios.find((s) => s.id === scenarioId);
  // A round's length to start from: the scenario's suggested time shared among its rounds.
  const suggested = scenario
    ? Math.max(0.5, Math.round((scenario.recommended.minutes / scenario.roundLimit) * 2) / 2)
    : 5;
  const minutes = typedMinutes ?? suggested;

  async function create(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const labels = roster
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    try {
      const created = await post<Created>("/sessions", {
        scenarioId,
        ...(title.trim() ? { title: title.trim() } : {}),
        lens,
        timing: mode === "live" ? { mode, roundSeconds: Math.round(minutes * 60) } : { mode, roundHours: hours },
        tables: tables === "auto" ? "auto" : Number(tables),
        botPersonas: personas.length > 0 ? personas : ["simple"],
        ...(labels.length > 0 ? { roster: labels } : {}),
      });
      const saved: SavedSession = {
        sessionId: created.session.id,
        token: created.instructorToken,
        title: title.trim() || created.session.scenarioTitle,
        scenarioTitle: created.session.scenarioTitle,
        joinCode: created.session.joinCode,
        savedAt: new Date().toISOString(),
      };
      saveSession(saved);
      navigate(`/teach/${created.session.id}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <h1>Teach a session</h1>
      {sessions.length > 0 && (
        <section className="panel" aria-labelledby="my-sessions">
          <h2 id="my-sessions">Your sessions on this browser</h2>
          <ul className="plain-list">
            {sessions.map((s) => (
              <li key={s.sessionId}>
                <Link href={`/teach/${s.sessionId}`}>{s.title}</Link>{" "}
                <span className="muted small">
                  code {s.joinCode} · {new Date(s.savedAt).toLocaleString()}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form className="panel stack" onSubmit={create} aria-labelledby="create-title">
        <h2 id="create-title">Create a session</h2>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <label htmlFor={ids.scenario}>Scenario</label>
        <select id={ids.scenario} value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        {scenario && (
          <p className="muted small">
            {scenario.parties.map(seatListName).join(", ")} · {scenario.roundLimit} rounds · about{" "}
            {scenario.recommended.minutes} minutes
          </p>
        )}
        <label htmlFor={ids.title}>Title shown to students (optional)</label>
        <input
          id={ids.title}
          value={title}
          maxLength={textLimits.title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="IR 210, Tuesday"
          aria-describedby={ids.titleLeft}
        />
        <CharactersLeft id={ids.titleLeft} length={title.length} max={textLimits.title} />
        <label htmlFor={ids.lens}>Scoring lens shown first in the debrief</label>
        <select id={ids.lens} value={lens} onChange={(e) => setLens(e.target.value as typeof lens)}>
          <option value="both">Both lenses</option>
          <option value="realist">Realist</option>
          <option value="liberal">Liberal-internationalist</option>
        </select>
        <fieldset>
          <legend>Timing</legend>
          <label className="choice">
            <input type="radio" name="mode" checked={mode === "live"} onChange={() => setMode("live")} /> A live class
            with a round clock
          </label>
          {mode === "live" && (
            <div className="field inline">
              <label htmlFor={ids.minutes}>Minutes per round</label>
              <input
                id={ids.minutes}
                type="number"
                min={0.5}
                max={60}
                step={0.5}
                value={minutes}
                onChange={(e) => setMinutes(Number(e.target.value))}
              />
            </div>
          )}
          <label className="choice">
            <input type="radio" name="mode" checked={mode === "async"} onChange={() => setMode("async")} /> Over days
            (deadlines in hours)
          </label>
          {mode === "async" && (
            <div className="field inline">
              <label htmlFor={ids.hours}>Hours per round</label>
              <input
                id={ids.hours}
                type="number"
                min={1}
                max={720}
                value={hours}
                onChange={(e) => setHours(Number(e.target.value))}
              />
            </div>
          )}
        </fieldset>
        <label htmlFor={ids.tables}>Tables</label>
        <select id={ids.tables} value={tables} onChange={(e) => setTables(e.target.value)}>
          <option value="auto">As many as the class fills</option>
          {Array.from({ length: 20 }, (_, i) => i + 1).map((n) => (
            <option key={n} value={String(n)}>
              {n} table{n === 1 ? "" : "s"} now{scenario ? ` (${n * scenario.recommended.seats} seats)` : ""}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>Bots for empty seats (used in turn; a mediator or an NGO plays the persona of its role)</legend>
          {botPersonas.map((p) => (
            <label key={p.id} className="choice">
              <input
                type="checkbox"
                checked={personas.includes(p.id)}
                onChange={(e) =>
                  setPersonas(e.target.checked ? [...personas, p.id] : personas.filter((x) => x !== p.id))
                }
              />
              <span>
                <strong>{p.name}</strong> <span className="muted small">{p.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label htmlFor={ids.roster}>
          Class list (optional, one name per line: students then join with one of these)
        </label>
        <textarea id={ids.roster} rows={3} value={roster} onChange={(e) => setRoster(e.target.value)} />
        <button type="submit" className="primary" disabled={busy || !scenarioId}>
          {busy ? "Creating…" : "Create the session"}
        </button>
      </form>
      <OpenSession />
    </div>
  );
}

/** Reopen a session's dashboard on another device, with its id and instructor token. */
function OpenSession() {
  const [sessionId, setSessionId] = useState("");
  const [token, setToken] = useState("");
  const [error, setError] = useState<string>();
  const ids = { id: useId(), token: useId() };
  return (
    <form
      className="panel stack"
      aria-labelledby="open-session-title"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          const overview = await api<{
            session: { id: string; joinCode: string; scenarioTitle: string; settings: { title?: string } };
          }>(`/sessions/${encodeURIComponent(sessionId.trim())}`, { token: token.trim() });
          saveSession({
            sessionId: overview.session.id,
            token: token.trim(),
            title: overview.session.settings.title ?? overview.session.scenarioTitle,
            scenarioTitle: overview.session.scenarioTitle,
            joinCode: overview.session.joinCode,
            savedAt: new Date().toISOString(),
          });
          navigate(`/teach/${overview.session.id}`);
        } catch (e) {
          setError((e as Error).message);
        }
      }}
    >
      <h2 id="open-session-title">Open a session from another device</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <label htmlFor={ids.id}>Session id</label>
      <input id={ids.id} value={sessionId} onChange={(e) => setSessionId(e.target.value)} required />
      <label htmlFor={ids.token}>Instructor token</label>
      <input id={ids.token} type="password" value={token} onChange={(e) => setToken(e.target.value)} required />
      <button type="submit">Open the dashboard</button>
    </form>
  );
}
