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
import { TableNews } from "./TableNews.tsx";

/** A seat at the table: brief and indicators, proposals and moves, chat and the log. */
const jumps = [
  ["briefs-title", "Brief"],
  ["proposals-title", "Proposals"],
  ["moves-title", "Moves"],
  ["chat-title", "Chat"],
  ["log-title", "What happened"],
] as const;

export function TableScreen({ view, seat }: { view: TableView; seat: SavedSeat }) {
  const status = useTable((s) => s.table?.status);
  const number = useTable((s) => s.table?.number);
  const roomId = useTable((s) => s.room?.roomId);
  const ended = view.phase === "ended";
  const myKind = view.parties.find((p) => p.id === view.me?.seat)?.kind;
  const thirdParty = myKind !== undefined && myKind !== "state" ? myKind : undefined;
  const canMove = !ended && status !== "waiting" && status !== "paused";
  return (
    <div className="table-screen">
      <TableHeader view={view} seat={seat} />
      <Notices />
      {/* A seat at another table (the instructor moved the student) has news of its own. */}
      <TableNews key={roomId} view={view} />
      {/* The region is there before its words: one that comes with them is not said by every screen reader. */}
      <div role="status" data-testid="table-status">
        {status === "waiting" && !ended && (
          <p className="banner">
            The negotiation has not started yet.{seat.kind !== "solo" && number ? ` You are at table ${number}.` : ""}{" "}
            Read your brief: your instructor will start the table.
          </p>
        )}
        {status === "paused" && !ended && (
          <p className="banner warn">Your instructor has paused the table. Moves are on hold until it resumes.</p>
        )}
      </div>
      {ended && <EndOfGame view={view} seat={seat} />}
      {/* On a phone the columns stack, and the chat sat thousands of pixels down: a way to each part. */}
      <nav className="jump-nav" aria-label="Parts of the table">
        {jumps
          .filter(([id]) => !(ended && id === "moves-title"))
          .map(([id, label]) => (
            <a key={id} href={`#${id}`}>
              {label}
            </a>
          ))}
      </nav>
      <div className="table-grid">
        <div className="col col-brief">
          <Briefs view={view} />
          <IndicatorsPanel view={view} />
        </div>
        <div className="col col-main">
          <Proposals view={view} canMove={canMove} />
          {!ended &&
            (thirdParty ? (
              <ThirdPartyNote view={view} kind={thirdParty} />
            ) : (
              <PackageBuilder view={view} canMove={canMove} />
            ))}
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

/**
 * A third party builds no package of its own: it is not a party to the deal and has no payoff
 * table. It sees the agenda instead (the issues and their options, without points).
 */
function ThirdPartyNote({ view, kind }: { view: TableView; kind: "mediator" | "ngo" }) {
  return (
    <section className="panel" aria-labelledby="third-party-title" data-testid="third-party-note">
      <h2 id="third-party-title">The agenda</h2>
      <p>
        {kind === "mediator"
          ? "As the mediator you are not a party to the deal, so you do not propose packages of your own. Once a party has invited mediation and the others accept it, put forward a mediator's proposal (Moves, under Mediation and arbitration): the parties answer it as they would any proposal."
          : "As a non-governmental party you are not a party to the deal, so you do not propose packages. Work on the table through Track II (workshops, back channels) and the chat."}{" "}
        You score by your aims (see your brief): any agreement, and a calm table.
      </p>
      <dl className="agenda">
        {view.scenario.issues.map((issue) => (
          <div key={issue.id}>
            <dt>{issue.name}</dt>
            <dd>{issue.options.map((o) => o.label).join(" · ")}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
