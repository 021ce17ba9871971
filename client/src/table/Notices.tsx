import { useEffect, useRef, useState } from "react";
import { useTable } from "../state/tableStore.ts";

/**
 * Refusals and news from the instructor: the last four, each until dismissed or its time is
 * up. On a phone the newest alone, and a button for the others: two stacked covered the
 * moves beneath until they went.
 */
export function Notices() {
  const { notices, dismiss } = useTable();
  const [expanded, setExpanded] = useState(false);
  const older = notices.length - 1;
  // Once the others have gone, the next notices start collapsed again.
  useEffect(() => {
    if (older < 1) setExpanded(false);
  }, [older]);
  return (
    <>
      <NewsSaid />
      <div className={`notices${expanded ? " expanded" : ""}`}>
        {notices.map((n) => (
          <p key={n.id} className={`notice ${n.tone}`}>
            {/* A refusal is an alert; the text alone, so its Dismiss button is not read out with it. */}
            <span className="notice-text" role={n.tone === "error" ? "alert" : undefined}>
              <strong>{n.tone === "error" ? "Not done: " : "Notice: "}</strong>
              {n.text}
            </span>{" "}
            <button type="button" className="link" onClick={() => dismiss(n.id)} aria-label={`Dismiss: ${n.text}`}>
              ✕
            </button>
          </p>
        ))}
        {older > 0 && (
          <button
            type="button"
            className="link notices-more small"
            aria-expanded={expanded}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? "Show the newest notice only" : `${older} more notice${older === 1 ? "" : "s"}`}
          </button>
        )}
      </div>
    </>
  );
}

/**
 * The news as it comes in, said once from a region that is always there: each notice had been
 * a status of its own, read with its Dismiss button ("… Dismiss: …", the news twice), and read
 * again as an older one moved up. What the student's own move changed is the Moves panel's to say.
 */
function NewsSaid() {
  const notices = useTable((s) => s.notices);
  const seen = useRef(0);
  const [said, setSaid] = useState<{ id: number; text: string }>();
  useEffect(() => {
    const fresh = notices.filter((n) => n.id > seen.current && n.tone === "info" && n.kind !== "moveEffects");
    seen.current = Math.max(seen.current, ...notices.map((n) => n.id));
    if (fresh.length > 0) setSaid({ id: seen.current, text: fresh.map((n) => n.text).join(" ") });
  }, [notices]);
  return (
    <div className="sr-only" aria-live="polite" data-testid="notice-said">
      {said && notices.some((n) => n.id <= said.id) && <p key={said.id}>{said.text}</p>}
    </div>
  );
}
