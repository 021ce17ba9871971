import { useTable } from "../state/tableStore.ts";

/** Refusals and news from the instructor: the last four, each until dismissed or its time is up (two on a phone). */
export function Notices() {
  const { notices, dismiss } = useTable();
  return (
    <div className="notices" aria-live="assertive">
      {notices.map((n) => (
        <p key={n.id} className={`notice ${n.tone}`} role={n.tone === "error" ? "alert" : "status"}>
          <strong>{n.tone === "error" ? "Not done: " : "Notice: "}</strong>
          {n.text}{" "}
          <button type="button" className="link" onClick={() => dismiss(n.id)} aria-label={`Dismiss: ${n.text}`}>
            ✕
          </button>
        </p>
      ))}
    </div>
  );
}
