import { entryText, type TableView } from "@parley/shared";
import { useState } from "react";
import { isPartyMove } from "../debrief/logFilter.ts";
import { ApproachTag } from "../ui/approaches.tsx";
import { partyName } from "../ui/names.ts";

/** What happened, in plain language, round by round; newest first while playing. */
export function TableLog({ view }: { view: TableView }) {
  const [movesOnly, setMovesOnly] = useState(false);
  const entries = movesOnly ? view.log.filter(isPartyMove) : view.log;
  const rounds = [...new Set(entries.map((e) => e.round))].sort((a, b) => b - a);
  return (
    <section className="panel log" aria-labelledby="log-title">
      <div className="panel-head">
        <h2 id="log-title">What happened</h2>
        <label className="choice small">
          <input type="checkbox" checked={movesOnly} onChange={(e) => setMovesOnly(e.target.checked)} /> Parties' moves
          only
        </label>
      </div>
      {/* A scrolling region must take focus, so keyboard users can scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region */}
      <section className="log-scroll" tabIndex={0} aria-label="Event log">
        {rounds.map((round) => (
          <div key={round}>
            <h3 className="log-round">Round {round}</h3>
            <ol>
              {entries
                .filter((e) => e.round === round)
                .reverse()
                .map((entry) => (
                  <li
                    key={`${entry.seq}-${entry.kind}-${entry.text.length}`}
                    className={`log-${entry.by === "system" ? "system" : "move"}`}
                  >
                    {entry.by !== "system" && <ApproachTag approach={entry.approach} />}{" "}
                    {entryText(entry, (seat) => partyName(view, seat))}
                  </li>
                ))}
            </ol>
          </div>
        ))}
      </section>
    </section>
  );
}
