import { useEffect, useState } from "react";
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
    <div className={`notices${expanded ? " expanded" : ""}`}>
      <div aria-live="assertive">
        {notices.map((n) => (
          <p key={n.id} className={`notice ${n.tone}`} role={n.tone === "error" ? "alert" : "status"}>
            <span className="notice-text">
              <strong>{n.tone === "error" ? "Not done: " : "Notice: "}</strong>
              {n.text}
            </span>{" "}
            <button type="button" className="link" onClick={() => dismiss(n.id)} aria-label={`Dismiss: ${n.text}`}>
              ✕
            </button>
          </p>
        ))}
      </div>
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
  );
}
