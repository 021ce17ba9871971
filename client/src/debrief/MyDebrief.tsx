import type { TableControl, TableView } from "@parley/shared";
import { useEffect, useState } from "react";
import { ApiError, api, post } from "../net/http.ts";
import { fetchMe } from "../net/me.ts";
import { savedSeat } from "../net/saved.ts";
import { navigate } from "../router.ts";
import { rememberSolo, type SoloCreated } from "../screens/SoloSetup.tsx";
import { Link } from "../ui/Link.tsx";
import { DebriefView } from "./DebriefView.tsx";
import type { TableLogData } from "./foldLog.ts";
import { SeatReplay } from "./SeatReplay.tsx";

const onceOverNote = "The full debrief opens once your whole session is over.";
const unseatedNote =
  "Your seat was given to a bot. Your debrief, of the seat you played, opens once your whole session is over.";

/** A seat's own replay as `/api/me/replay` sends it: its view at the opening, then after each event. */
interface SeatReplayData {
  initial: TableView;
  steps: { view: TableView }[];
  notice?: string;
  controls?: TableControl[];
}

/** How often a debrief waiting for the session's end asks whether it is over. */
const waitingPollMs = 10_000;

/**
 * A player's debrief of their own table. Once every table of the session has ended (a solo
 * game: once it has), everything is revealed and the full debrief opens; before that, the
 * replay shows only what the player's seat saw.
 */
export default function MyDebrief({ participantId }: { participantId: string }) {
  const [seat] = useState(() => savedSeat(participantId));
  const [log, setLog] = useState<TableLogData>();
  const [replay, setReplay] = useState<SeatReplayData>();
  const [waiting, setWaiting] = useState<string>();
  const [error, setError] = useState<string>();
  /** The seat the debrief is of, as the server says: the one held, or last held. */
  const [played, setPlayed] = useState<{ seat: string; party: string }>();
  useEffect(() => {
    if (!seat) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The full log once the results are open; until then the seat's own views (none for a
    // student whose seat went to a bot), asking now and then whether the session is over.
    // Asked in that order, the browser's console shows no refused request.
    const look = async (first: boolean) => {
      const me = await fetchMe(seat.token);
      if (!live) return;
      const held = me.participant.seat && me.participant.party;
      const last = me.participant.lastSeat;
      setPlayed(
        held ? { seat: me.participant.seat as string, party: me.participant.party as string } : (last ?? undefined),
      );
      if (me.session.resultsOpen) {
        try {
          setLog(await api<TableLogData>("/me/log", { token: seat.token }));
          return;
        } catch (e) {
          if (!(e instanceof ApiError) || e.status !== 409) throw e;
          setWaiting(e.message);
        }
      } else {
        setWaiting(held ? onceOverNote : unseatedNote);
      }
      if (first && held) setReplay(await api<SeatReplayData>("/me/replay", { token: seat.token }));
      if (live)
        timer = setTimeout(() => void look(false).catch((e: Error) => live && setError(e.message)), waitingPollMs);
    };
    look(true).catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
      clearTimeout(timer);
    };
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
  const party = played?.party ?? seat.party;
  return (
    <div className="page wide">
      <p>
        <Link href={`/play/${participantId}`}>← Back to the table</Link>
      </p>
      {log && (
        <DebriefView
          log={log}
          heading={seat.kind === "solo" ? `Your solo game as ${party}` : `Your table, as ${party}`}
          branch={{
            seats: [played?.seat ?? seat.seat],
            run: async (at) => {
              const created = await post<SoloCreated>("/me/branch", { at }, seat.token);
              rememberSolo(created);
              navigate(`/play/${created.participant.id}`);
            },
          }}
        />
      )}
      {!log && replay && (
        <SeatReplay
          views={[replay.initial, ...replay.steps.map((s) => s.view)]}
          controls={replay.controls}
          note={waiting}
          rules={replay.notice}
        />
      )}
      {!log && !replay && waiting && (
        <p className="banner" role="status">
          {waiting}
        </p>
      )}
      {!log && !replay && !waiting && <p>Loading the debrief…</p>}
    </div>
  );
}
