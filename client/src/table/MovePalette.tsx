import type { MoveAvailability, MoveKind, TableView } from "@parley/shared";
import { useEffect, useId, useRef, useState } from "react";
import { moveEffectsText } from "../state/moveEffects.ts";
import { useTable } from "../state/tableStore.ts";
import { ApproachTag, approachInfo, approachOrder, moveTitles } from "../ui/approaches.tsx";
import { MoveForm } from "./MoveForm.tsx";
import { moveFormKey } from "./moveFormKey.ts";

/** Moves made in other panels: the palette says where. */
const elsewhere: Partial<Record<MoveKind, string>> = {
  propose: "Use “Build a package” above (choose a framing there).",
  accept: "Answer in the list of proposals above.",
  reject: "Answer in the list of proposals above.",
  withdraw: "Withdraw your open proposal in the list of proposals above.",
  chat: "Use the chat panel.",
};

/**
 * Moves whose form lists long options (a whole package, a concession's options and their
 * points): open, their approach's card takes the palette's full width.
 */
const wideForms: ReadonlySet<MoveKind> = new Set(["mediatorProposal", "concede"]);

/**
 * Every move of the game, grouped by approach: a one-line explanation each, why a move is
 * unavailable now, and a small form to choose its details. Keyboard: Tab to a move, Enter
 * to open it, fill the form, Enter to send.
 */
export function MovePalette({ view, canMove }: { view: TableView; canMove: boolean }) {
  const moves = view.moves ?? [];
  const [filter, setFilter] = useState<"all" | "available">("all");
  const shown = filter === "available" ? moves.filter((m) => m.available) : moves;
  const effects = useTable((s) => s.moveEffects);
  return (
    <section className="panel" aria-labelledby="moves-title">
      <div className="panel-head">
        <h2 id="moves-title">Moves</h2>
        <fieldset className="segmented">
          <legend className="sr-only">Show</legend>
          <label>
            <input type="radio" name="move-filter" checked={filter === "all"} onChange={() => setFilter("all")} /> All
            moves
          </label>
          <label>
            <input
              type="radio"
              name="move-filter"
              checked={filter === "available"}
              onChange={() => setFilter("available")}
            />{" "}
            Available now
          </label>
        </fieldset>
      </div>
      <p className="muted small">
        One <strong>main move</strong> per round; moves marked <span className="badge">free</span> (answers, consent,
        chat) do not use it.
      </p>
      {/* Said when it changes, to a screen reader too: what the seat's last move did. */}
      <div aria-live="polite" aria-atomic="true">
        {effects && (
          <p className="small move-effects" data-testid="move-effects">
            <strong>Your last move (round {effects.round}):</strong> {moveEffectsText(effects)}
          </p>
        )}
      </div>
      <div className="approach-grid">
        {approachOrder.map((approach) => {
          const group = shown.filter((m) => m.approach === approach);
          if (group.length === 0) return null;
          const info = approachInfo[approach];
          return (
            <section
              key={approach}
              className={`move-group approach-border-${approach}`}
              aria-labelledby={`approach-${approach}`}
            >
              <h3 id={`approach-${approach}`}>
                <ApproachTag approach={approach} decorative /> {info.title}
              </h3>
              <p className="muted small">{info.blurb}</p>
              <ul className="move-list">
                {group.map((move) => (
                  <MoveEntry key={move.kind} view={view} move={move} canMove={canMove} />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}

function MoveEntry({ view, move, canMove }: { view: TableView; move: MoveAvailability; canMove: boolean }) {
  const send = useTable((s) => s.send);
  const [open, setOpen] = useState(false);
  const ids = { reason: useId(), form: useId() };
  const toggle = useRef<HTMLButtonElement>(null);
  const sent = useRef(false);
  const formKey = moveFormKey(view, move.kind);
  // A move sent starts its form afresh (a new key), which took the focus with its button:
  // the keyboard went back to the top of the page. It returns to the move's own toggle.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the form starts afresh
  useEffect(() => {
    if (sent.current && document.activeElement === document.body) toggle.current?.focus();
    sent.current = false;
  }, [formKey]);
  const note = elsewhere[move.kind];
  const enabled = move.available && canMove;
  return (
    <li className={`move ${move.available ? "" : "unavailable"}`} data-testid={`move-${move.kind}`}>
      <div className="move-row">
        <button
          ref={toggle}
          type="button"
          className="move-toggle"
          aria-expanded={open}
          aria-controls={ids.form}
          onClick={() => setOpen(!open)}
        >
          <span className="chevron" aria-hidden="true">
            {open ? "▾" : "▸"}
          </span>
          <span className="move-name">{moveTitles[move.kind]}</span>
          {!move.main && <span className="badge">free</span>}
          {!move.available && <span className="badge muted-badge">not now</span>}
        </button>
      </div>
      <p className="small move-summary">{move.summary}</p>
      {!move.available && (
        <p className="small reason" id={ids.reason}>
          Not now: {move.reason}
        </p>
      )}
      <div id={ids.form} hidden={!open} className={`move-form${wideForms.has(move.kind) ? " move-form-wide" : ""}`}>
        {open &&
          (note ? (
            <p className="small muted">{note}</p>
          ) : (
            <MoveForm
              key={formKey}
              view={view}
              kind={move.kind}
              disabled={!enabled}
              describedBy={move.available ? undefined : ids.reason}
              onSend={(sending) => {
                sent.current = true;
                send(sending);
              }}
            />
          ))}
      </div>
    </li>
  );
}
