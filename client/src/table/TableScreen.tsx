import type { TableView } from "@parley/shared";
import type { SavedSeat } from "../net/saved.ts";
import { useTable } from "../state/tableStore.ts";
import { Briefs } from "./Briefs.tsx";
import { ChatPanel } from "./ChatPanel.tsx";
import { EndOfGame } from "./EndOfGame.tsx";
import { IndicatorsPanel } from "./IndicatorsPanel.tsx";
import { MovePalette } from "./MovePalette.tsx";
import { Notices } from "./Notices.tsx";
import { PackageBuilder } from "./PackageBuilder.tsx";
import { Proposals } from "./Proposals.tsx";
import { TableHeader } from "./TableHeader.tsx";
import { TableLog } from "./TableLog.tsx";

/** A seat at the table: brief and indicators, proposals and moves, chat and the log. */
export function TableScreen({ view, seat }: { view: TableView; seat: SavedSeat }) {
  const status = useTable((s) => s.table?.status);
  const ended = view.phase === "ended";
  const canMove = !ended && status !== "waiting" && status !== "paused";
  return (
    <div className="table-screen">
      <TableHeader view={view} seat={seat} />
      <Notices />
      {status === "waiting" && !ended && (
        <p className="banner" role="status">
          The negotiation has not started yet. Read your brief: your instructor will start the table.
        </p>
      )}
      {status === "paused" && !ended && (
        <p className="banner warn" role="status">
          Your instructor has paused the table. Moves are on hold until it resumes.
        </p>
      )}
      {ended && <EndOfGame view={view} seat={seat} />}
      <div className="table-grid">
        <div className="col col-brief">
          <Briefs view={view} />
          <IndicatorsPanel view={view} />
        </div>
        <div className="col col-main">
          <Proposals view={view} canMove={canMove} />
          {!ended && <PackageBuilder view={view} canMove={canMove} />}
          {!ended && <MovePalette view={view} canMove={canMove} />}
        </div>
        <div className="col col-side">
          <ChatPanel view={view} canMove={!ended && status !== "waiting"} />
          <TableLog view={view} />
        </div>
      </div>
    </div>
  );
}
