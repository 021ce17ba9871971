import { type KeyboardEvent, memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { ApproachTag } from "../ui/approaches.tsx";
import type { ReplayEntry } from "./controls.ts";
import { filterLog, parseLogFilter } from "./logFilter.ts";
import { entriesBefore } from "./stepIndex.ts";

/**
 * The whole log of the replay, one button per line to jump there. The line of the step on
 * screen is marked (and kept in view inside the list); lines after it are greyed out.
 */
export const StepLog = memo(function StepLog({
  title,
  entries: all,
  parties,
  step,
  ended,
  go,
}: {
  title: string;
  entries: ReplayEntry[];
  /** The table's parties, to show one party's lines. */
  parties: readonly { id: string; name: string }[];
  step: number;
  ended: boolean;
  go: (step: number) => void;
}) {
  const list = useRef<HTMLOListElement>(null);
  const keysId = useId();
  const filterId = useId();
  const [filter, setFilter] = useState("all");
  const entries = useMemo(() => filterLog(all, parseLogFilter(filter)), [all, filter]);
  // Every line is laid out once, so the browser remembers its height; after that, lines out of
  // view skip layout and paint (the "lazy" style) and the list still scrolls to exact places.
  const [lazy, setLazy] = useState(false);
  useEffect(() => {
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setLazy(true));
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  const shown = entriesBefore(entries, step);
  // The step's own lines (a move and the "Round 2 begins" it caused, say): from its first.
  const first = Math.min(entriesBefore(entries, step - 1), Math.max(shown - 1, 0));
  useLayoutEffect(() => {
    const box = list.current;
    const line = box?.children[shown - 1] ?? box?.children[0];
    const top = box?.children[first] ?? line;
    if (!box || !line || !top) return;
    keepInView(box, top, line);
    // Lines coming into view are drawn in the next frame; one whose remembered height is out
    // of date (the line that was current was bold) may shift the step's line: check again then.
    const frame = requestAnimationFrame(() => keepInView(box, top, line));
    return () => cancelAnimationFrame(frame);
  }, [shown, first]);
  return (
    <section className="panel" aria-labelledby="steps-title">
      <div className="panel-head">
        <h2 id="steps-title">{title}</h2>
        <div className="field inline small">
          <label htmlFor={filterId}>Show</label>
          <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="all">Every line</option>
            <option value="moves">The parties' moves (no chat)</option>
            <option value="chat">Chat only</option>
            {ended && <option value="reasons">The bots' moves, with their reasons</option>}
            <option value="instructor">What the instructor did</option>
            {parties.map((p) => (
              <option key={p.id} value={`seat:${p.id}`}>
                {p.name}'s lines
              </option>
            ))}
          </select>
        </div>
      </div>
      {entries.length === 0 && <p className="muted small">No line of this kind.</p>}
      <p className="sr-only" id={keysId}>
        One stop for the whole log: the arrow keys move between its lines, Enter goes to a line's step.
      </p>
      {/* One Tab stop for the list (the line of the step on screen), arrows within it: a
          button per line had put every line of a long game between the keyboard and What if. */}
      <ol
        className={lazy ? "step-list lazy" : "step-list"}
        ref={list}
        aria-describedby={keysId}
        onKeyDown={(event) => moveFocus(event, list.current)}
      >
        {entries.map((entry, i) => (
          <StepRow
            // biome-ignore lint/suspicious/noArrayIndexKey: the log is append-only
            key={i}
            entry={entry}
            current={entry.seq + 1 === step}
            future={i >= shown}
            tabbable={i === Math.max(shown - 1, 0)}
            ended={ended}
            go={go}
          />
        ))}
      </ol>
    </section>
  );
});

/** Arrow keys (and Home, End) move the focus among the log's line buttons. */
function moveFocus(event: KeyboardEvent<HTMLOListElement>, box: HTMLOListElement | null) {
  const keys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
  if (!box || !(event.key in keys || event.key === "Home" || event.key === "End")) return;
  const buttons = [...box.querySelectorAll<HTMLButtonElement>("li > button")];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  const to = event.key === "Home" ? 0 : event.key === "End" ? buttons.length - 1 : at + (keys[event.key] ?? 0);
  const next = buttons[Math.min(Math.max(to, 0), buttons.length - 1)];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/**
 * Scroll the list (never the page) just enough to show the lines from `first` to `last`, or,
 * when they do not all fit, from `first` down.
 */
function keepInView(box: HTMLElement, first: Element, last: Element) {
  const boxTop = box.getBoundingClientRect().top;
  const from = first.getBoundingClientRect().top - boxTop + box.scrollTop;
  const to = last.getBoundingClientRect().bottom - boxTop + box.scrollTop;
  if (from < box.scrollTop) box.scrollTop = from;
  else if (to > box.scrollTop + box.clientHeight) box.scrollTop = Math.min(from, to - box.clientHeight);
}

/** One line of the log; memoised with stable props, so a step redraws only the lines it changes. */
const StepRow = memo(function StepRow({
  entry,
  current,
  future,
  tabbable,
  ended,
  go,
}: {
  entry: ReplayEntry;
  current: boolean;
  future: boolean;
  /** The list's one Tab stop: the line of the step on screen. */
  tabbable: boolean;
  ended: boolean;
  go: (step: number) => void;
}) {
  return (
    <li className={current ? "current" : future ? "future" : ""}>
      <button
        type="button"
        tabIndex={tabbable ? 0 : -1}
        aria-current={current ? "step" : undefined}
        onClick={() => go(entry.seq + 1)}
      >
        <span className="muted small">R{entry.round} · </span>
        {entry.instructor && <span className="badge instructor">Instructor</span>}
        {entry.by !== "system" && <ApproachTag approach={entry.approach} />} {entry.text}
        {/* The bots' reasons for their moves (shown only after the game). */}
        {entry.rationale && ended && (
          <span className="rationale" data-testid="rationale">
            Why: {entry.rationale}
          </span>
        )}
      </button>
    </li>
  );
});
