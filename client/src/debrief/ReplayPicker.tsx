import { useState } from "react";
import { savedSeats, savedSessions, seatLabel } from "../net/saved.ts";
import { Link } from "../ui/Link.tsx";

/** Pick a replay: a session you teach (every table), or a table you played. */
export default function ReplayPicker() {
  const [sessions] = useState(savedSessions);
  const [seats] = useState(savedSeats);
  return (
    <div className="page">
      <h1>Open a replay</h1>
      <section className="panel" aria-labelledby="teach-replays">
        <h2 id="teach-replays">Sessions you teach</h2>
        {sessions.length === 0 ? (
          <p className="muted">
            None on this browser. <Link href="/teach">Open a session with its id and instructor token</Link>.
          </p>
        ) : (
          <ul className="plain-list">
            {sessions.map((s) => (
              <li key={s.sessionId}>
                <Link href={`/replay/${s.sessionId}`}>{s.title}</Link>{" "}
                <span className="muted small">code {s.joinCode}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="my-replays">
        <h2 id="my-replays">Tables you played</h2>
        {seats.length === 0 ? (
          <p className="muted">None on this browser yet.</p>
        ) : (
          <ul className="plain-list">
            {seats.map((s) => (
              <li key={s.participantId}>
                <Link href={`/debrief/${s.participantId}`}>{seatLabel(s)}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
