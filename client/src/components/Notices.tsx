import { useTable } from "../state/tableStore.ts";

export function Notices() {
  const { notices, dismiss } = useTable();
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert">
      {notices.map((n) => (
        <p key={n.id} className={`notice ${n.tone}`}>
          {n.text}{" "}
          <button type="button" className="link" onClick={() => dismiss(n.id)} aria-label="Dismiss notice">
            ✕
          </button>
        </p>
      ))}
    </div>
  );
}
