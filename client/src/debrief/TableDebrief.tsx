import { useEffect, useState } from "react";
import { api, post } from "../net/http.ts";
import { savedSession } from "../net/saved.ts";
import { navigate } from "../router.ts";
import { rememberSolo, type SoloCreated } from "../screens/SoloSetup.tsx";
import { Link } from "../ui/Link.tsx";
import { DebriefView } from "./DebriefView.tsx";
import type { TableLogData } from "./foldLog.ts";

/** The instructor's replay of one table: the raw log, folded in the browser, everything revealed. */
export default function TableDebrief({ sessionId, tableId }: { sessionId: string; tableId: string }) {
  const [saved] = useState(() => savedSession(sessionId));
  const [log, setLog] = useState<TableLogData>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!saved) return;
    api<TableLogData>(`/sessions/${sessionId}/tables/${tableId}/log`, { token: saved.token })
      .then(setLog)
      .catch((e: Error) => setError(e.message));
  }, [saved, sessionId, tableId]);
  if (!saved)
    return (
      <div className="page narrow">
        <h1>Replay locked</h1>
        <p>
          This browser does not have the instructor token of this session. <Link href="/replay">Open a replay</Link>
        </p>
      </div>
    );
  if (error)
    return (
      <div className="page narrow">
        <h1>Replay unavailable</h1>
        <p role="alert">{error}</p>
      </div>
    );
  if (!log) return <p className="page">Loading the table’s log…</p>;
  return (
    <div className="page wide">
      <p>
        <Link href={`/replay/${sessionId}`}>← Every table of {saved.title}</Link> ·{" "}
        <Link href={`/teach/${sessionId}`}>Dashboard</Link>
      </p>
      <DebriefView
        log={log}
        heading={`Table ${log.number ?? ""}`}
        branch={{
          seats: log.seats,
          run: async (at, seat) => {
            const created = await post<SoloCreated>(
              `/sessions/${sessionId}/tables/${tableId}/branch`,
              { at, seat, name: "Instructor" },
              saved.token,
            );
            rememberSolo(created);
            navigate(`/play/${created.participant.id}`);
          },
        }}
      />
    </div>
  );
}
