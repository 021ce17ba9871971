import type { TableView } from "@parley/shared";
import { useEffect } from "react";
import { Briefs } from "../components/Briefs.tsx";
import { Indicators } from "../components/Indicators.tsx";
import { MovePalette } from "../components/MovePalette.tsx";
import { Notices } from "../components/Notices.tsx";
import { Outcome } from "../components/Outcome.tsx";
import { PackageBuilder } from "../components/PackageBuilder.tsx";
import { Proposals } from "../components/Proposals.tsx";
import { TableLog } from "../components/TableLog.tsx";
import { useTable } from "../state/tableStore.ts";

export function TableScreen({ roomId }: { roomId: string }) {
  const { view, status, error, resume } = useTable();

  useEffect(() => {
    void resume(roomId);
  }, [roomId, resume]);

  if (status === "failed") {
    return (
      <div className="panel">
        <h1>Table unavailable</h1>
        <p role="alert">{error}</p>
        <a href="/">Back to the start</a>
      </div>
    );
  }
  if (!view) return <p aria-live="polite">Connecting to the table…</p>;
  return <Table view={view} reconnecting={status === "reconnecting"} />;
}

function Table({ view, reconnecting }: { view: TableView; reconnecting: boolean }) {
  const me = view.parties.find((p) => p.id === view.me?.seat);
  const ended = view.phase === "ended";
  return (
    <div className="table">
      <div className="table-head">
        <div>
          <h1>{view.scenario.title}</h1>
          <p className="muted">
            You are <strong>{me?.name}</strong> · {view.scenario.dateContext}
          </p>
        </div>
        <p className="round" aria-live="polite">
          {ended ? "Game over" : `Round ${view.round} of ${view.scenario.roundLimit}`}
          {!ended && me?.acted && <span className="badge">waiting for the others</span>}
          {reconnecting && <span className="badge warn">reconnecting…</span>}
        </p>
      </div>
      <Notices />
      {ended && <Outcome view={view} />}
      <div className="columns">
        <div className="col">
          <Briefs view={view} />
          <Indicators view={view} />
        </div>
        <div className="col wide">
          <Proposals view={view} />
          {!ended && <PackageBuilder view={view} />}
          {!ended && <MovePalette view={view} />}
        </div>
        <div className="col">
          <TableLog view={view} />
        </div>
      </div>
    </div>
  );
}
