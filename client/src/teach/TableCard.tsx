import type { TableSummary } from "@parley/shared";
import { outcomeWords } from "@parley/shared";
import { useId, useState } from "react";
import { notPlayedWords } from "../debrief/earlyEnds.ts";
import { useServerNow } from "../net/serverClock.ts";
import { formatDuration } from "../ui/duration.ts";
import { meanTrustOf } from "../ui/indicators.ts";
import { Link } from "../ui/Link.tsx";
import { metricText, pointsText } from "../ui/metric.ts";
import { capitalised } from "../ui/names.ts";
import { botCoverText, seatHolder, seatProgress } from "./tableProgress.ts";

function Clock({ table, separator }: { table: TableSummary; separator?: boolean }) {
  const now = useServerNow();
  const lead = separator ? " · " : "";
  if (table.status === "paused" && table.remainingMs !== null)
    return (
      <span>
        {lead}paused, {formatDuration(table.remainingMs)} left
      </span>
    );
  if (table.status === "running" && table.deadlineAt)
    return (
      <span>
        {lead}
        {formatDuration(Date.parse(table.deadlineAt) - now)} left
      </span>
    );
  return null;
}

/** An offline student's seat, counting down to the bot that takes it over (ticks only while one is due). */
function CoverCountdown({ seat }: { seat: TableSummary["seats"][number] }) {
  const now = useServerNow();
  return (
    <div className="seat-note small muted" data-testid="bot-covers">
      {botCoverText(seat, now)}
    </div>
  );
}

/** One table at a glance: round, clock, who sits where, who is online and has moved, indicators, scores. */
export function TableCard({
  table,
  sessionId,
  selected,
  onSelect,
  onReplace,
}: {
  table: TableSummary;
  sessionId: string;
  selected: boolean;
  /** Selects the table for the controls; absent once the session is over (no controls left). */
  onSelect?: (on: boolean) => void;
  onReplace: (seat: string) => void;
}) {
  const [seat, setSeat] = useState("");
  const replaceId = useId();
  const humans = table.seats.filter((s) => s.controller.type === "human" || s.participantId);
  const label = `Table ${table.number ?? "?"}`;
  return (
    <section className="table-card" aria-label={label} data-testid={`table-card-${table.number}`}>
      <h3>
        {onSelect ? (
          <label className="choice">
            <input
              type="checkbox"
              checked={selected}
              onChange={(e) => onSelect(e.target.checked)}
              aria-label={`Select ${label} for the controls`}
            />
            {label}
          </label>
        ) : (
          label
        )}{" "}
        <span className={`badge ${table.status === "running" ? "ok" : table.status === "paused" ? "warn" : ""}`}>
          {table.status}
        </span>
      </h3>
      {table.notice && (
        <p className="small notice info" role="note" data-testid="table-rules-notice">
          {table.notice}
        </p>
      )}
      <p className="small">
        {table.phase === "ended" ? (
          <strong>{capitalised(table.played ? outcomeWords(table) : notPlayedWords)}</strong>
        ) : (
          <>
            Round <strong>{table.round}</strong> of {table.roundLimit}
            {table.status === "waiting" ? " · waiting for the start" : <Clock table={table} separator />}
            {table.status !== "waiting" && table.awaitingFirstStudent && (
              <span data-testid="awaiting-first-student">
                {" "}
                · waits for its first student: its bots play once one sits down
              </span>
            )}
          </>
        )}
      </p>
      <ul className="plain-list" aria-label={`Seats at ${label}`}>
        {table.seats.map((s) => {
          // A table nobody played has no result: its points would be the BATNAs of the start.
          const score = table.played ? table.scores.find((x) => x.seat === s.seat) : undefined;
          const { who, showConnection } = seatHolder(s);
          return (
            <li key={s.seat} className="seat-line">
              <span>
                <strong>{s.party}</strong>: {who}
                {showConnection && (
                  <span className="small">
                    {" "}
                    · <span className={`dot ${s.connected ? "on" : "off"}`} aria-hidden="true" />
                    {s.connected ? "online" : "offline"}
                  </span>
                )}
              </span>
              <span className="small">
                {[seatProgress(table, s), score ? `${pointsText(score.points)} pts` : ""].filter(Boolean).join(" · ")}
                {score?.normalised.defined && (
                  <span
                    title={
                      table.phase === "ended"
                        ? "On the party's own 0–100 scale"
                        : "On the party's own 0–100 scale, if the table ended now"
                    }
                  >
                    {" "}
                    · {metricText(score.normalised)}/100
                  </span>
                )}
              </span>
              {s.botCoversAt && !s.connected && <CoverCountdown seat={s} />}
            </li>
          );
        })}
      </ul>
      <p className="small">
        Tension <strong>{Math.round(table.indicators.tension)}</strong> · mean trust{" "}
        <strong>{Math.round(meanTrustOf(table.indicators))}</strong>
        {table.crisis && (
          <>
            {" "}
            <span className="badge danger" data-testid="crisis">
              crisis: tension over the threshold
            </span>
          </>
        )}
      </p>
      <div className="row small">
        <Link href={`/replay/${sessionId}/${table.tableId}`}>Replay table {table.number}</Link>
        {humans.length > 0 && table.phase !== "ended" && (
          <>
            <label htmlFor={replaceId} className="sr-only">
              Seat to give to a bot at {label}
            </label>
            <select id={replaceId} value={seat} onChange={(e) => setSeat(e.target.value)}>
              <option value="">Give a seat to a bot…</option>
              {humans.map((s) => (
                <option key={s.seat} value={s.seat}>
                  {s.party}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={!seat}
              onClick={() => {
                onReplace(seat);
                setSeat("");
              }}
            >
              Replace
            </button>
          </>
        )}
      </div>
    </section>
  );
}
