import type { TableView } from "@parley/shared";
import { useEffect, useState } from "react";
import { ApiError, api, post } from "../net/http.ts";
import { savedSeat } from "../net/saved.ts";
import { navigate } from "../router.ts";
import { rememberSolo, type SoloCreated } from "../screens/SoloSetup.tsx";
import { Link } from "../ui/Link.tsx";
import { DebriefView } from "./DebriefView.tsx";
import type { TableLogData } from "./foldLog.ts";
import { SeatReplay } from "./SeatReplay.tsx";

const onceOverNote = "The full debrief opens once your whole session is over.";

/**
 * A player's debrief of their own table. Once every table of the session has ended (a solo
 * game: once it has), everything is revealed and the full debrief opens; before that, the
 * replay shows only what the player's seat saw.
 */
export default function MyDebrief({ participantId }: { participantId: string }) {
  const [seat] = useState(() => savedSeat(participantId));
  const [log, setLog] = useState<TableLogData>();
  const [replay, setReplay] = useState<{ steps: { view: TableView }[]; notice?: string }>();
  const [waiting, setWaiting] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!seat) return;
    // The full log once the results are open; the seat's own views until then (asked for
    // without a refused request first, which a browser's console would show as an error).
    const seatView = async (note?: string) => {
      setWaiting(note ?? onceOverNote);
      setReplay(await api<{ steps: { view: TableView }[]; notice?: string }>("/me/replay", { token: seat.token }));
    };
    api<{ session: { resultsOpen: boolean } }>("/me", { token: seat.token })
      .then(async ({ session }) => {
        if (!session.resultsOpen) return seatView();
        try {
          setLog(await api<TableLogData>("/me/log", { token: seat.token }));
        } catch (e) {
          if (!(e instanceof ApiError) || e.status !== 409) throw e;
          await seatView(e.message);
        }
      })
      .catch((e: Error) => setError(e.message));
  }, [seat]);
  if (!seat)
    return (
      <div className="page narrow">
        <h1>No table here</h1>
        <p>
          This browser does not hold that seat. <Link href="/replay">Open a replay</Link>
        </p>
      </div>
    );
  if (error)
    return (
      <div className="page narrow">
        <h1>Debrief unavailable</h1>
        <p role="alert">{error}</p>
      </div>
    );
  return (
    <div className="page wide">
      <p>
        <Link href={`/play/${participantId}`}>← Back to the table</Link>
      </p>
      {log && (
        <DebriefView
          log={log}
          heading={seat.kind === "solo" ? `Your solo game as ${seat.party}` : `Your table, as ${seat.party}`}
          branch={{
            seats: [seat.seat],
            run: async (at) => {
              const created = await post<SoloCreated>("/me/branch", { at }, seat.token);
              rememberSolo(created);
              navigate(`/play/${created.participant.id}`);
            },
          }}
        />
      )}
      {!log && replay && <SeatReplay steps={replay.steps} note={waiting} rules={replay.notice} />}
      {!log && !replay && <p>Loading the debrief…</p>}
    </div>
  );
}
