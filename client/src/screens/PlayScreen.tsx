import type { ParticipantInfo } from "@parley/shared";
import { useEffect, useState } from "react";
import { fetchMe } from "../net/me.ts";
import { markSeatEnded, savedSeat } from "../net/saved.ts";
import { useTable } from "../state/tableStore.ts";
import { TableScreen } from "../table/TableScreen.tsx";
import { Link } from "../ui/Link.tsx";

const unseatedPollMs = 4000;

/** A seat this browser holds (a class seat or a solo game), connected by its participant token. */
export function PlayScreen({ participantId }: { participantId: string }) {
  const [seat] = useState(() => savedSeat(participantId));
  const { view, phase, error, connect, token } = useTable();
  /** Without a seat, once the session is over: the party last played, whose debrief is open. */
  const [over, setOver] = useState<{ party: string | null }>();
  /** The seat a student waiting for one last held (given to a bot, or left by a move). */
  const [lastSeat, setLastSeat] = useState<ParticipantInfo["lastSeat"]>(null);

  useEffect(() => {
    if (seat) void connect(seat.token);
  }, [seat, connect]);

  // The home page lists a game whose table has ended apart from those still to play. The view
  // must be this seat's (the store holds the last table's until it connects here).
  const ours = seat !== undefined && token === seat.token;
  const ended =
    ours && view?.phase === "ended" ? (view.outcome?.kind === "agreement" ? "agreement" : "noAgreement") : null;
  useEffect(() => {
    if (ended) markSeatEnded(participantId, ended);
  }, [participantId, ended]);

  // Without a seat (given to a bot, or not yet placed), the page asks every few seconds
  // whether the instructor has seated the student, and takes the seat when they have.
  useEffect(() => {
    if (!seat || phase !== "unseated") return;
    const ask = () =>
      fetchMe(seat.token)
        .then((me) => {
          setLastSeat(me.participant.lastSeat);
          if (me.participant.tableId) {
            // The notices of the seat left behind ("… given to a bot") are old news here.
            useTable.setState({ notices: [] });
            void connect(seat.token);
          } else if (me.session.status === "ended" || me.session.resultsOpen) {
            setOver({ party: me.participant.lastSeat?.party ?? null });
            clearInterval(timer);
          }
        })
        .catch(() => undefined);
    void ask();
    const timer = setInterval(ask, unseatedPollMs);
    return () => clearInterval(timer);
  }, [seat, phase, connect]);

  if (!seat) {
    return (
      <div className="page narrow">
        <h1>No seat here</h1>
        <p>This browser does not hold that seat. Join your class with its code, or start a solo game.</p>
        <p>
          <Link href="/join">Join a class</Link> · <Link href="/solo">Play solo</Link>
        </p>
      </div>
    );
  }
  if (phase === "unseated" && over) {
    return (
      <div className="page narrow">
        <h1>The session is over</h1>
        <p role="status">
          {over.party
            ? `Your seat, ${over.party}, was given to a bot before the end. The debrief shows the whole game at that table.`
            : "You did not have a seat when the session ended."}
        </p>
        {over.party && (
          <p>
            <Link className="button primary" href={`/debrief/${participantId}`}>
              Open the debrief
            </Link>
          </p>
        )}
      </div>
    );
  }
  if (phase === "unseated") {
    return (
      <div className="page narrow">
        <h1>Waiting for a seat</h1>
        <p role="status">
          {lastSeat
            ? `Your instructor gave your seat, ${lastSeat.party}${lastSeat.table ? ` at table ${lastSeat.table}` : ""}, to a bot, which plays it now. `
            : "You have no seat right now. "}
          Your instructor will seat you; this page takes your seat as soon as you have one.
        </p>
        <button type="button" onClick={() => void connect(seat.token)}>
          Try again
        </button>
      </div>
    );
  }
  if (phase === "displaced") {
    return (
      <div className="page narrow">
        <h1>Your seat is open elsewhere</h1>
        <p role="status">You opened this seat in another tab or on another device, so this page let go of it.</p>
        <button type="button" className="primary" onClick={() => void connect(seat.token)}>
          Play here instead
        </button>
      </div>
    );
  }
  if (phase === "renewed") {
    return (
      <div className="page narrow">
        <h1>This link was replaced</h1>
        <p role="status">
          Your instructor gave you a new link for this seat, so this one no longer opens it. Open the new link to come
          back to your table.
        </p>
        <p>
          <Link href="/">Back to the start</Link>
        </p>
      </div>
    );
  }
  if (phase === "failed") {
    return (
      <div className="page narrow">
        <h1>Table unavailable</h1>
        <p role="alert">{error}</p>
        <button type="button" onClick={() => void connect(seat.token)}>
          Reconnect
        </button>{" "}
        <Link href="/">Back to the start</Link>
      </div>
    );
  }
  if (!view)
    return (
      <p className="page" aria-live="polite">
        Connecting to the table…
      </p>
    );
  return <TableScreen view={view} seat={seat} />;
}
