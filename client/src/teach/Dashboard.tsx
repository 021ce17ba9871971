import type { Room } from "@colyseus/sdk";
import type {
  ControlAction,
  TableControlResult as ControlResult,
  SessionOverview as Overview,
  ParticipantInfo,
  ScenarioSummary,
  TableSummary,
  TurnedAway,
} from "@parley/shared";
import { sessionResultsOpen, textLimits } from "@parley/shared";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { gameClient } from "../net/colyseus.ts";
import { api, download, post } from "../net/http.ts";
import { browserNetwork, waitToRetry } from "../net/retryWait.ts";
import { savedSession } from "../net/saved.ts";
import { CharactersLeft } from "../ui/CharactersLeft.tsx";
import { useDisplayPref } from "../ui/displayPrefs.ts";
import { Link } from "../ui/Link.tsx";
import { QrCode } from "../ui/QrCode.tsx";
import { ClassNews } from "./ClassNews.tsx";
import { Confirm } from "./Confirm.tsx";
import { controlReport, sessionStatusText } from "./controlReport.ts";
import { useJoinAddress } from "./joinAddress.ts";
import { Students } from "./Students.tsx";
import { TableCard } from "./TableCard.tsx";
import { playingSeatsOf } from "./tableProgress.ts";
import { turnedAwayNotice } from "./turnedAway.ts";

/** The instructor's live view of a session: join code, every table, controls and exports. */
export default function Dashboard({ sessionId }: { sessionId: string }) {
  const [saved] = useState(() => savedSession(sessionId));
  const token = saved?.token ?? "";
  const [overview, setOverview] = useState<Overview>();
  const [scenario, setScenario] = useState<ScenarioSummary>();
  const [error, setError] = useState<string>();
  /** The live connection: being opened, open, or lost and being tried again. */
  const [link, setLink] = useState<"connecting" | "live" | "lost">("connecting");
  const [selected, setSelected] = useState<string[]>([]);
  /**
   * The line under the controls: what the latest action did. It goes once the instructor
   * does something else here (it had stayed, "Start: done at 2 tables", through a student
   * moved and tables selected since), and an earlier control's answer that comes back after
   * a later one's never replaces it.
   */
  const [results, setResults] = useState<string>();
  const latestAction = useRef(0);
  /** An action begun here: the line goes, and the function returned says what this one did (unless another has begun since). */
  const beginAction = useCallback(() => {
    setResults(undefined);
    const mine = ++latestAction.current;
    return (text: string) => {
      if (mine === latestAction.current) setResults(text);
    };
  }, []);
  const select = useCallback(
    (tables: string[]) => {
      beginAction();
      setSelected(tables);
    },
    [beginAction],
  );
  const [projector, setProjector] = useState(false);
  const joinAt = useJoinAddress();
  const [largeText, setLargeText] = useDisplayPref("large-text");
  const [contrast, setContrast] = useDisplayPref("high-contrast");

  useEffect(() => {
    if (!token) return;
    let room: Room | undefined;
    let closed = false;
    let attempts = 0;
    const load = () =>
      api<Overview>(`/sessions/${sessionId}`, { token })
        .then((o) => {
          setOverview(o);
          setError(undefined);
          // The version this session plays, which may differ from the file as it is now.
          return api<ScenarioSummary>(`/sessions/${sessionId}/scenario`, { token }).then(setScenario);
        })
        .catch((e: Error) => setError(e.message));
    // A lost connection (a server restart, a network cut) is tried again by itself, waiting
    // 1, 2, 4… up to 30 s between tries (while the laptop is offline, until it is back, and
    // then at once), and the overview is loaded afresh once it is back.
    const connectLater = () => {
      if (closed) return;
      const wait = Math.min(30_000, 1000 * 2 ** attempts++);
      void waitToRetry(wait, browserNetwork()).then((cameBack) => {
        if (closed) return;
        if (cameBack) attempts = 0;
        connect();
      });
    };
    const connect = () => {
      gameClient()
        .joinOrCreate("session", { sessionId, instructorToken: token })
        .then((r) => {
          if (closed) {
            void r.leave();
            return;
          }
          room = r;
          if (attempts > 0) void load();
          attempts = 0;
          setLink("live");
          r.onMessage("overview", (o: Overview) => setOverview(o));
          r.onMessage("table", (summary: TableSummary) =>
            setOverview((o) => {
              if (!o) return o;
              const known = o.tables.some((t) => t.tableId === summary.tableId);
              const tables = known
                ? o.tables.map((t) => (t.tableId === summary.tableId ? summary : t))
                : [...o.tables, summary];
              return { ...o, tables: tables.sort((a, b) => (a.number ?? 0) - (b.number ?? 0)) };
            }),
          );
          r.onMessage("participants", (participants: ParticipantInfo[]) =>
            setOverview((o) => (o ? { ...o, participants } : o)),
          );
          r.onMessage("turnedAway", (turnedAway: TurnedAway[]) => setOverview((o) => (o ? { ...o, turnedAway } : o)));
          r.onMessage("seatsFree", (seatsFree: number | null) => setOverview((o) => (o ? { ...o, seatsFree } : o)));
          r.onLeave(() => {
            room = undefined;
            setLink("lost");
            connectLater();
          });
        })
        .catch(() => {
          setLink("lost");
          connectLater();
        });
    };
    void load();
    connect();
    return () => {
      closed = true;
      void room?.leave();
    };
  }, [sessionId, token]);

  const control = useCallback(
    async (action: ControlAction, tables?: string[]) => {
      const only = tables ?? (selected.length > 0 ? selected : undefined);
      const report = beginAction();
      try {
        const out = await post<ControlResult[]>(
          `/sessions/${sessionId}/control`,
          { ...action, ...(only ? { tables: only } : {}) },
          token,
        );
        // A table already as the control would make it (ended, started, paused, running) is
        // not a refusal worth alarm: said apart, in a few words.
        report(controlReport(labelOf(action), action.action, out, overview?.tables ?? []));
        const fresh = await api<Overview>(`/sessions/${sessionId}`, { token });
        setOverview(fresh);
      } catch (e) {
        report((e as Error).message);
      }
    },
    [selected, sessionId, token, overview?.tables, beginAction],
  );

  /** Downloads an export; a download that fails says why under the controls (it did nothing at all). */
  const exportAs = useCallback(
    async (path: string, filename: string) => {
      try {
        await download(path, token, filename);
      } catch (e) {
        beginAction()((e as Error).message);
      }
    },
    [token, beginAction],
  );

  /** One more table, waiting for Start (a set number of tables only: see addTable). */
  const addTable = useCallback(async () => {
    const report = beginAction();
    try {
      const added = await post<{ tableId: string; table: number }>(`/sessions/${sessionId}/tables`, {}, token);
      report(
        `Table ${added.table} added: the next students who join sit there. It waits for Start (select it, or Start every table).`,
      );
      setOverview(await api<Overview>(`/sessions/${sessionId}`, { token }));
    } catch (e) {
      report((e as Error).message);
    }
  }, [sessionId, token, beginAction]);

  if (!saved) {
    return (
      <div className="page narrow">
        <h1>Dashboard locked</h1>
        <p>This browser does not have the instructor token of this session.</p>
        <p>
          <Link href="/teach">Open it with its id and token</Link>
        </p>
      </div>
    );
  }
  if (error) {
    return (
      <div className="page narrow">
        <h1>Session unavailable</h1>
        <p role="alert">{error}</p>
      </div>
    );
  }
  if (!overview) return <p className="page">Loading the session…</p>;
  const { session, participants, tables, turnedAway, seatsFree } = overview;
  const joinUrl = `${joinAt.base}/join`;
  // Seats with a main move to make, and those of them that made it (tables may be in
  // different rounds: each counts in its own).
  const playingSeats = playingSeatsOf(tables);
  const moved = playingSeats.filter((s) => s.acted).length;
  const everyTableEnded = tables.length > 0 && tables.every((t) => t.status === "ended");
  // Over once the instructor ended it, or once its last table ended where no new table can
  // open (a set number of tables): the results are open then, and nothing is left to control.
  const over =
    session.status === "ended" ||
    sessionResultsOpen({ tables: session.settings.tables, ended: false }, everyTableEnded);

  return (
    <div className="page dashboard">
      {projector && (
        // A modal <dialog>: the dashboard behind it is inert (Tab stays inside), Escape closes
        // it, and focus goes back to the button that opened it.
        <dialog
          className="projector"
          aria-label="Join code for the projector"
          ref={(d) => {
            if (d && !d.open) {
              d.showModal();
              // Opened from the top: the code and its QR must show whole on the screen.
              d.scrollTop = 0;
            }
          }}
          onClose={() => setProjector(false)}
        >
          {/* First, in the corner: the dialog's focus lands here, at the top, not below the fold. */}
          <form method="dialog" className="projector-close">
            <button type="submit">Close the projector view</button>
          </form>
          <p className="lead">
            Scan the QR code, or go to <strong data-testid="projector-address">{joinUrl}</strong> and type
          </p>
          <div className="projector-join">
            <QrCode
              className="join-qr"
              text={`${joinAt.base}/join#code=${session.joinCode}`}
              label={`QR code: opens ${joinAt.base}/join with the code filled in`}
            />
            <p className="join-code" data-testid="projector-code">
              {session.joinCode}
            </p>
          </div>
          <p>{participants.length} joined so far</p>
          {joinAt.unreachable && (
            <p className="banner warn small" role="status">
              This page is open at {window.location.host}, which works on this computer only, and the server found no
              network address for other devices. Students need an address their devices can reach: connect this computer
              to the class's network, or run Parley on a server they can reach.
            </p>
          )}
          {joinAt.choices.length > 1 && (
            <label className="small">
              This computer's address on the students' network{" "}
              <select value={joinAt.base} onChange={(e) => joinAt.choose(e.target.value)}>
                {joinAt.choices.map((address) => (
                  <option key={address} value={address}>
                    {address}
                  </option>
                ))}
              </select>
            </label>
          )}
        </dialog>
      )}
      {link === "lost" && (
        <p className="banner warn" role="status" data-testid="dashboard-reconnecting">
          The connection to the server was lost. Reconnecting by itself; until then the tables below may be out of date.
        </p>
      )}
      <div className="dash-head">
        <div>
          <p className="eyebrow">
            Instructor dashboard ·{" "}
            {over ? "session over" : link === "live" ? "live" : link === "connecting" ? "connecting…" : "reconnecting…"}
          </p>
          <h1>{session.settings.title ?? session.scenarioTitle}</h1>
          <p className="muted">
            {session.scenarioTitle} · status <strong>{sessionStatusText(session.status, over, tables)}</strong> ·{" "}
            {participants.length} student
            {participants.length === 1 ? "" : "s"} · {tables.length} table{tables.length === 1 ? "" : "s"}
            {!over &&
              playingSeats.length > 0 &&
              ` · ${moved} of ${playingSeats.length} seats have made their main move in their table's round`}
          </p>
        </div>
        {/* Nobody joins a session that is over: the code would only lead the page on a projector. */}
        {!over && (
          <div className="join-code-box">
            <p className="small">Join at {joinUrl} with code</p>
            {joinAt.unreachable && (
              <p className="small warn" data-testid="join-unreachable">
                {window.location.host} works on this computer only: students' devices need its network address.
              </p>
            )}
            <p className="join-code" data-testid="join-code">
              {session.joinCode}
            </p>
            <button type="button" onClick={() => setProjector(true)}>
              Show on the projector
            </button>
          </div>
        )}
      </div>
      <div className="toolbar panel">
        <label className="choice">
          <input type="checkbox" checked={largeText} onChange={(e) => setLargeText(e.target.checked)} /> Large text
        </label>
        <label className="choice">
          <input type="checkbox" checked={contrast} onChange={(e) => setContrast(e.target.checked)} /> High contrast
        </label>
        <button
          type="button"
          onClick={() => void exportAs(`/sessions/${sessionId}/export.csv`, `parley-${sessionId}-results.csv`)}
        >
          Download results (CSV)
        </button>
        <button
          type="button"
          onClick={() => void exportAs(`/sessions/${sessionId}/export.json`, `parley-${sessionId}.json`)}
        >
          Download everything (JSON)
        </button>
        <Link className="button" href={`/replay/${sessionId}`}>
          Debrief the session
        </Link>
      </div>
      {over ? (
        <p
          className="notice info"
          role="status"
          data-testid="session-ended"
          tabIndex={-1}
          // The End button went with the controls, and the focus with it: it comes here.
          ref={(el) => {
            const at = document.activeElement;
            if (el && (!at || at === document.body || at.id === "main")) el.focus();
          }}
        >
          This session is over: every table has ended, and each student can open every party's score and the debrief.
          Download the results above, or debrief the session with the class.
        </p>
      ) : (
        <Controls
          scenario={scenario}
          selected={selected}
          tables={tables}
          control={control}
          clearSelection={() => select([])}
          onAct={beginAction}
        />
      )}
      <p role="status" aria-live="polite" className="small" data-testid="control-results">
        {results}
      </p>
      <ClassNews overview={overview} />
      <div className="row">
        <h2>Tables</h2>
        {session.settings.tables !== "auto" && !over && (
          <button type="button" onClick={() => void addTable()}>
            Add a table
          </button>
        )}
      </div>
      {turnedAway.length > 0 && !over && (
        <p className="notice error" role="alert" data-testid="turned-away">
          {turnedAwayNotice(
            turnedAway.map((t) => t.name),
            seatsFree,
          )}
        </p>
      )}
      {tables.length === 0 && <p className="muted">No table yet: tables open as students join.</p>}
      {everyTableEnded && !over && (
        <p className="notice info" role="status" data-testid="end-to-open-results">
          Every table has finished. Students see their own results; a latecomer could still open a new table, so every
          party's score and the debrief open for them when you end the session (End…, no table selected).
        </p>
      )}
      <div className="tables-grid">
        {tables.map((t) => (
          <TableCard
            key={t.tableId}
            table={t}
            sessionId={sessionId}
            selected={selected.includes(t.tableId)}
            onSelect={
              over ? undefined : (on) => select(on ? [...selected, t.tableId] : selected.filter((x) => x !== t.tableId))
            }
            onReplace={(seat) => void control({ action: "replaceWithBot", seat }, [t.tableId])}
          />
        ))}
      </div>
      <Students
        participants={participants}
        tables={tables}
        sessionId={sessionId}
        token={token}
        joinBase={joinAt.base}
        over={over}
        onAct={beginAction}
        {...(session.settings.roster ? { roster: session.settings.roster } : {})}
      />
      <OtherDevice sessionId={sessionId} token={token} />
    </div>
  );
}

/**
 * What opens this dashboard on another device (Teach, "Open a session from another
 * device"): the session's id and its instructor token, which this browser alone held.
 * Closed until asked for, as the dashboard may be on the projector.
 */
function OtherDevice({ sessionId, token }: { sessionId: string; token: string }) {
  const ids = { id: useId(), token: useId() };
  return (
    <details className="panel" data-testid="other-device">
      <summary>Open this dashboard on another device</summary>
      <p className="small">
        On the other device, open Teach, then "Open a session from another device", and enter these. The token controls
        this session: keep it from students (not on the projector).
      </p>
      <div className="field">
        <label htmlFor={ids.id}>Session id</label>
        <input id={ids.id} readOnly value={sessionId} onFocus={(e) => e.target.select()} />
      </div>
      <div className="field">
        <label htmlFor={ids.token}>Instructor token</label>
        <input id={ids.token} className="seat-link" readOnly value={token} onFocus={(e) => e.target.select()} />
      </div>
    </details>
  );
}

function labelOf(action: ControlAction): string {
  const labels: Record<ControlAction["action"], string> = {
    start: "Start",
    pause: "Pause",
    resume: "Resume",
    advanceRound: "Advance the round",
    extendDeadline: "Extend the deadline",
    injectEvent: "Inject an event",
    broadcast: "Broadcast",
    replaceWithBot: "Replace by a bot",
    end: "End",
  };
  return labels[action.action];
}

function Controls({
  scenario,
  selected,
  tables,
  control,
  clearSelection,
  onAct,
}: {
  scenario?: ScenarioSummary;
  selected: string[];
  tables: TableSummary[];
  control: (action: ControlAction) => Promise<void>;
  clearSelection: () => void;
  /** Another action begun here (a question asked before a control): the line under the controls goes. */
  onAct: () => void;
}) {
  const [eventId, setEventId] = useState("");
  const [minutes, setMinutes] = useState(2);
  const [text, setText] = useState("");
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [confirmAdvance, setConfirmAdvance] = useState(false);
  const endButton = useRef<HTMLButtonElement>(null);
  const advanceButton = useRef<HTMLButtonElement>(null);
  const ids = { event: useId(), minutes: useId(), text: useId(), textLeft: useId() };
  // Advancing a table's last round ends its negotiation, as End… does: it asks first too.
  const lastRound = tables.filter(
    (t) =>
      (selected.length === 0 || selected.includes(t.tableId)) &&
      t.phase === "playing" &&
      t.status !== "waiting" &&
      t.round >= t.roundLimit,
  );
  const scope =
    selected.length > 0
      ? `table${selected.length === 1 ? "" : "s"} ${tables
          .filter((t) => selected.includes(t.tableId))
          .map((t) => t.number)
          .join(", ")}`
      : "every table";
  const event = eventId || scenario?.events[0]?.id || "";
  return (
    <section className="panel" aria-labelledby="controls-title">
      <h2 id="controls-title">
        Controls <span className="muted small">(apply to {scope})</span>
      </h2>
      {selected.length > 0 && (
        <p className="small">
          Only the tables ticked below.{" "}
          <button type="button" className="link" onClick={clearSelection}>
            Apply to every table instead
          </button>
        </p>
      )}
      <div className="controls">
        {/* The button to press next: Start while a table waits for it. */}
        <button
          type="button"
          className={tables.length === 0 || tables.some((t) => t.status === "waiting") ? "primary" : undefined}
          onClick={() => void control({ action: "start" })}
        >
          Start
        </button>
        <button type="button" onClick={() => void control({ action: "pause" })}>
          Pause
        </button>
        {/* Resume, once no table waits for Start and one is paused. */}
        <button
          type="button"
          className={
            tables.length > 0 &&
            !tables.some((t) => t.status === "waiting") &&
            tables.some((t) => t.status === "paused")
              ? "primary"
              : undefined
          }
          onClick={() => void control({ action: "resume" })}
        >
          Resume
        </button>
        {confirmAdvance ? (
          <Confirm
            yes="Yes, advance"
            returnTo={advanceButton}
            onYes={() => void control({ action: "advanceRound" }).then(() => setConfirmAdvance(false))}
            onCancel={() => setConfirmAdvance(false)}
          >
            Table{lastRound.length === 1 ? "" : "s"} {lastRound.map((t) => t.number ?? "?").join(", ")}{" "}
            {lastRound.length === 1 ? "is" : "are"} in the last round: advancing ends{" "}
            {lastRound.length === 1 ? "its" : "their"} negotiation, and scores become final.
          </Confirm>
        ) : (
          <button
            type="button"
            ref={advanceButton}
            onClick={() => {
              if (lastRound.length === 0) return void control({ action: "advanceRound" });
              onAct();
              setConfirmAdvance(true);
            }}
          >
            Advance the round
          </button>
        )}
        <div className="field">
          <label htmlFor={ids.minutes}>Minutes to add</label>
          <div className="row">
            <input
              id={ids.minutes}
              type="number"
              min={0.5}
              max={120}
              step={0.5}
              value={minutes}
              onChange={(e) => setMinutes(Number(e.target.value))}
              style={{ width: "5rem" }}
            />
            <button type="button" onClick={() => void control({ action: "extendDeadline", minutes })}>
              Extend
            </button>
          </div>
        </div>
        {scenario && scenario.events.length > 0 && (
          <div className="field">
            <label htmlFor={ids.event}>Scenario event</label>
            <div className="row">
              <select id={ids.event} value={event} onChange={(e) => setEventId(e.target.value)}>
                {scenario.events.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.title}
                    {e.round ? ` (planned for round ${e.round})` : ""}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => void control({ action: "injectEvent", eventId: event })}>
                Inject the event
              </button>
            </div>
          </div>
        )}
        <form
          className="field"
          onSubmit={(e) => {
            e.preventDefault();
            const sent = text.trim();
            // Cleared once sent, unless the instructor has started the next message meanwhile.
            if (sent)
              void control({ action: "broadcast", text: sent }).then(() =>
                setText((now) => (now.trim() === sent ? "" : now)),
              );
          }}
        >
          <label htmlFor={ids.text}>Message to students</label>
          <div className="row">
            <input
              id={ids.text}
              value={text}
              maxLength={textLimits.message}
              onChange={(e) => setText(e.target.value)}
              placeholder="Five minutes left"
              aria-describedby={ids.textLeft}
            />
            <button type="submit" disabled={!text.trim()}>
              Broadcast
            </button>
          </div>
          <CharactersLeft id={ids.textLeft} length={text.length} max={textLimits.message} />
        </form>
        {confirmEnd ? (
          <Confirm
            yes="Yes, end it"
            returnTo={endButton}
            onYes={() => void control({ action: "end" }).then(() => setConfirmEnd(false))}
            onCancel={() => setConfirmEnd(false)}
          >
            End the negotiation at {scope}? Scores become final.
          </Confirm>
        ) : (
          <button
            type="button"
            className="danger"
            ref={endButton}
            onClick={() => {
              onAct();
              setConfirmEnd(true);
            }}
          >
            End…
          </button>
        )}
      </div>
    </section>
  );
}
