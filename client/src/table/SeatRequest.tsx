import type { TableView } from "@parley/shared";
import { useId, useState } from "react";
import { post } from "../net/http.ts";
import type { SavedSeat } from "../net/saved.ts";
import { useTable } from "../state/tableStore.ts";
import { partyName } from "../ui/names.ts";

/** What became of the last request: sent (or granted at once), or refused with the server's reason. */
type Outcome = { kind: "sent"; party: string } | { kind: "granted" } | { kind: "refused"; reason: string };

/**
 * A student's request to play another party at this table (`POST /api/me/seat-request`).
 * The instructor sees it in the dashboard's list of students, with Move… set to it, and
 * decides: another party's seat would show the student a second confidential brief.
 */
export function SeatRequest({ view, seat }: { view: TableView; seat: SavedSeat }) {
  const tableId = useTable((s) => s.room?.roomId);
  const number = useTable((s) => s.table?.number);
  // A request sent before this page was loaded (a reload, another device) is still waiting.
  const asked = useTable((s) => s.seatRequest);
  const me = view.me?.seat;
  const others = view.parties.filter((p) => p.id !== me);
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(others[0]?.id ?? "");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const ids = { form: useId(), party: useId() };
  if (others.length === 0) return null;
  const party = others.some((p) => p.id === wanted) ? wanted : (others[0]?.id ?? "");
  const waiting =
    outcome ??
    (asked?.seat && asked.seat !== me && (!asked.tableId || asked.tableId === tableId)
      ? ({ kind: "sent", party: partyName(view, asked.seat) } as const)
      : undefined);

  const send = async () => {
    setBusy(true);
    try {
      const answer = await post<{ granted: boolean }>(
        "/me/seat-request",
        tableId ? { tableId, seat: party } : { seat: party },
        seat.token,
      );
      setOutcome(answer.granted ? { kind: "granted" } : { kind: "sent", party: partyName(view, party) });
      setOpen(false);
    } catch (error) {
      // A failed fetch (no network) has no message for a person: say what happened instead.
      const reason = error instanceof TypeError ? "The server could not be reached." : (error as Error).message;
      setOutcome({ kind: "refused", reason });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="seat-request small">
      <button
        type="button"
        className="link"
        aria-expanded={open}
        aria-controls={ids.form}
        onClick={() => setOpen(!open)}
      >
        Ask to switch seat
      </button>
      <form
        id={ids.form}
        hidden={!open}
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <div className="field inline">
          <label htmlFor={ids.party}>Party you would rather play{number ? ` at table ${number}` : ""}</label>
          <select id={ids.party} value={party} onChange={(e) => setWanted(e.target.value)}>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy}>
            Send the request
          </button>
        </div>
        <p className="muted">
          Your instructor sees the request and decides. You keep this seat until then; if you are moved, this page
          follows.
        </p>
      </form>
      {waiting?.kind === "sent" && (
        <p role="status" data-testid="seat-request-result">
          Request sent: you asked to play {waiting.party}. Your instructor will decide.
        </p>
      )}
      {outcome?.kind === "granted" && (
        <p role="status" data-testid="seat-request-result">
          Granted: this page takes your new seat.
        </p>
      )}
      {outcome?.kind === "refused" && (
        <p role="alert" className="warn" data-testid="seat-request-result">
          Your request was not sent. {outcome.reason}
        </p>
      )}
    </div>
  );
}
