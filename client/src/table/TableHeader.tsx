import type { SessionTiming, TableView } from "@parley/shared";
import type { SavedSeat } from "../net/saved.ts";
import { useServerNow } from "../net/serverClock.ts";
import { type TableStatus, useTable } from "../state/tableStore.ts";
import { formatDuration } from "../ui/duration.ts";
import { partyName } from "../ui/names.ts";
import { SeatRequest } from "./SeatRequest.tsx";

/** The round clock: the server's deadline counting down, or the time kept while paused. */
export function RoundTimer({ table, timing }: { table?: TableStatus; timing?: SessionTiming }) {
  const now = useServerNow();
  if (!table || table.status === "ended" || table.status === "waiting") return null;
  // A solo game's 30-day rounds are not a clock anyone needs to watch.
  if (timing?.mode === "async" && (timing.roundHours ?? 0) >= 24 * 7) return null;
  const left = table.status === "paused" ? table.remainingMs : table.deadlineAt ? table.deadlineAt - now : undefined;
  if (left === undefined) return null;
  const urgent = table.status === "running" && left < 60_000;
  return (
    <>
      <span className={`timer ${urgent ? "urgent" : ""}`} role="timer" aria-live="off">
        <span className="sr-only">Time left in this round: </span>
        {table.status === "paused" ? "Paused, " : ""}
        {formatDuration(left)}
        {table.status === "paused" ? " left" : ""}
      </span>
      {/* The clock turning red is said once, in the round box's live region; the seconds are not. */}
      <span className="sr-only" data-testid="last-minute">
        {urgent ? "Less than a minute left in this round." : ""}
      </span>
    </>
  );
}

export function TableHeader({ view, seat }: { view: TableView; seat: SavedSeat }) {
  const { table, timing, phase, room } = useTable();
  const me = view.me?.seat;
  const acted = view.parties.find((p) => p.id === me)?.acted ?? false;
  const ended = view.phase === "ended";
  const waiting = view.parties.filter((p) => !p.acted && !p.walkedAway && p.id !== me).map((p) => p.name);
  return (
    <div className="table-head">
      <div>
        <p className="eyebrow">
          {seat.kind !== "solo" ? seat.title : seat.title.startsWith("What if: ") ? seat.title : "Solo game"}
          {seat.kind !== "solo" && table?.number ? (
            <>
              {" · "}
              <span data-testid="table-number">Table {table.number}</span>
            </>
          ) : null}
        </p>
        <h1>{view.scenario.title}</h1>
        <p className="muted">
          You are <strong>{me ? partyName(view, me) : "watching"}</strong> · {view.scenario.dateContext}
        </p>
        {/* A new seat (the instructor moved the student) starts with no request of its own. */}
        {seat.kind === "class" && me && !ended && <SeatRequest key={`${room?.roomId}|${me}`} view={view} seat={seat} />}
      </div>
      <div className="round-box" aria-live="polite">
        <p className="round">{ended ? "Game over" : `Round ${view.round} of ${view.scenario.roundLimit}`}</p>
        <RoundTimer table={table} timing={timing} />
        {!ended && table?.status === "waiting" && (
          <p className="small">
            <span className="badge">Waiting for the start</span>
          </p>
        )}
        {!ended && table?.status !== "waiting" && (
          <p className="small">
            {acted ? (
              <span className="badge ok">✓ You have moved this round</span>
            ) : (
              <span className="badge">Your main move is due</span>
            )}
            {/* Not said at each change: at a council it was read again after every seat's move (the news says the moves). */}
            {acted && waiting.length > 0 && (
              <span className="muted" aria-live="off">
                {" "}
                · waiting for {waiting.join(", ")}
              </span>
            )}
          </p>
        )}
        {phase === "reconnecting" && <span className="badge warn">Reconnecting…</span>}
      </div>
    </div>
  );
}
