import { useState } from "react";
import { type SavedSeat, savedSeats, savedSessions, seatLabel, seatStarted, seatsByState } from "../net/saved.ts";
import { Link } from "../ui/Link.tsx";

/** A saved seat on the home page: its game, how it ended if it has, and when it began. */
function SeatLink({ seat }: { seat: SavedSeat }) {
  const started = seatStarted(seat);
  return (
    <li>
      <Link href={`/play/${seat.participantId}`}>{seatLabel(seat)}</Link>
      <span className="muted small">
        {seat.ended && <> · {seat.ended === "agreement" ? "agreement reached" : "no agreement"}</>}
        {started && <> · started {started}</>}
      </span>
    </li>
  );
}

/** The four doors: join a class, play solo, teach, open a replay; plus what this browser was doing. */
export function Home() {
  const [seats] = useState(() => seatsByState(savedSeats()));
  const [sessions] = useState(savedSessions);
  return (
    <div className="page">
      <section className="hero">
        <h1>Negotiate real disputes, one move at a time</h1>
        <p className="lead">
          Represent a state at the table of the U.S.–China tariff talks, the Indus Waters Treaty, Camp David and more.
          Bargain, mediate, build mutual gains, go to court or open a back channel, and see what each approach earns.
        </p>
      </section>
      <div className="doors">
        <section className="door" aria-labelledby="door-join">
          <h2 id="door-join">Join a class</h2>
          <p>Your instructor gives you a join code. Type it with your name and take your seat.</p>
          <Link className="button primary" href="/join">
            Join with a code
          </Link>
        </section>
        <section className="door" aria-labelledby="door-solo">
          <h2 id="door-solo">Play solo</h2>
          <p>Choose a dispute, a seat and the bots you face. Your game waits for you if you close the tab.</p>
          <Link className="button primary" href="/solo">
            Play against bots
          </Link>
        </section>
        <section className="door" aria-labelledby="door-teach">
          <h2 id="door-teach">Teach</h2>
          <p>Create a session, show the join code, watch every table live, then debrief with the class.</p>
          <Link className="button primary" href="/teach">
            Create a session
          </Link>
        </section>
        <section className="door" aria-labelledby="door-replay">
          <h2 id="door-replay">Open a replay</h2>
          <p>Step through a finished table, see the hidden information and try a “what if”.</p>
          <Link className="button" href="/replay">
            Open a replay
          </Link>
        </section>
      </div>
      {(seats.playing.length > 0 || sessions.length > 0) && (
        <section className="panel" aria-labelledby="resume-title">
          <h2 id="resume-title">Pick up where you left off</h2>
          <ul className="plain-list">
            {seats.playing.map((s) => (
              <SeatLink key={s.participantId} seat={s} />
            ))}
            {sessions.map((s) => (
              <li key={s.sessionId}>
                <Link href={`/teach/${s.sessionId}`}>
                  Dashboard: {s.title} (code {s.joinCode})
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {seats.finished.length > 0 && (
        <section className="panel" aria-labelledby="finished-title">
          <h2 id="finished-title">Your finished games</h2>
          <ul className="plain-list">
            {seats.finished.map((s) => (
              <SeatLink key={s.participantId} seat={s} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
