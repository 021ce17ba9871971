import type { ParticipantInfo, TableSummary } from "@parley/shared";
import { nameKey } from "@parley/shared";
import { useEffect, useId, useState } from "react";
import { post } from "../net/http.ts";
import { Confirm } from "./Confirm.tsx";

/** A seat of the session, as the instructor's seat menu names it. */
interface SeatChoice {
  value: string;
  tableId: string;
  seat: string;
  label: string;
  /** The student who holds it now, if one does. */
  student?: string;
}

const movedNoticeMs = 30_000;

const seatValue = (tableId: string, seat: string) => `${tableId} ${seat}`;

/** Every seat of every table still open, with who holds it now. */
function seatChoices(tables: readonly TableSummary[], participants: readonly ParticipantInfo[]): SeatChoice[] {
  return tables
    .filter((t) => t.status !== "ended")
    .flatMap((t) =>
      t.seats.map((s) => {
        const student = participants.find((p) => p.tableId === t.tableId && p.seat === s.seat);
        const holder = student ? student.name : s.controller.type === "bot" ? "a bot" : "empty";
        return {
          value: seatValue(t.tableId, s.seat),
          tableId: t.tableId,
          seat: s.seat,
          label: `Table ${t.number ?? "?"} · ${s.party} (now: ${holder})`,
          ...(student ? { student: student.id } : {}),
        };
      }),
    );
}

/** The class list's names that no student has joined as (a student joins as their label, spelt as listed). */
function notJoined(roster: readonly string[], participants: readonly ParticipantInfo[]): string[] {
  const joined = new Set(participants.map((p) => nameKey(p.name)));
  return roster.filter((label) => !joined.has(nameKey(label)));
}

/** What a student asked for, in the dashboard's words ("China at table 2", "table 3"). */
function askedFor(requested: NonNullable<ParticipantInfo["requested"]>, tables: readonly TableSummary[]): string {
  const table = tables.find((t) => t.tableId === requested.tableId);
  const party =
    requested.seat && (tables.flatMap((t) => t.seats).find((s) => s.seat === requested.seat)?.party ?? requested.seat);
  const where = table ? `table ${table.number ?? "?"}` : undefined;
  if (party && where) return `${party} at ${where}`;
  return party || where || "another seat";
}

/**
 * The students who joined: where each sits (or last sat), what they asked for, a control to
 * move them (to any seat of an open table, a swap if a student holds it, or off their seat
 * so a bot plays it), and a new link to a student's seat for one on another device or whose
 * browser forgot it (the old link stops working).
 */
export function Students({
  participants,
  tables,
  sessionId,
  token,
  joinBase,
  over,
  roster,
  onAct,
}: {
  participants: ParticipantInfo[];
  tables: TableSummary[];
  sessionId: string;
  token: string | undefined;
  /** Where students' devices reach this server (see `useJoinAddress`). */
  joinBase: string;
  /** The session is over: nobody moves any more. */
  over: boolean;
  /** The class list, if the session has one: its names not among the students have not joined. */
  roster?: readonly string[];
  /** An action begun here (a move, a new link): the dashboard's line about its last control goes. */
  onAct?: () => void;
}) {
  const [link, setLink] = useState<{ name: string; url: string } | { name: string; error: string }>();
  const [moving, setMoving] = useState<string>();
  /** The student whose page is open now and who would lose it to a new link: asked first. */
  const [confirmLink, setConfirmLink] = useState<string>();
  const [moved, setMoved] = useState<{ text: string; ok: boolean }>();
  // What a move did is news for a while, not for the rest of the class.
  useEffect(() => {
    if (!moved) return;
    const timer = setTimeout(() => setMoved(undefined), movedNoticeMs);
    return () => clearTimeout(timer);
  }, [moved]);
  async function newLink(p: ParticipantInfo) {
    setConfirmLink(undefined);
    try {
      const made = await post<{ participantToken: string }>(
        `/sessions/${sessionId}/participants/${p.id}/token`,
        {},
        token,
      );
      setLink({ name: p.name, url: `${joinBase}/join#seat=${made.participantToken}` });
    } catch (e) {
      setLink({ name: p.name, error: (e as Error).message });
    }
  }
  const choices = seatChoices(tables, participants);
  // A student whose page holds their seat now (a new link would close it).
  const online = (p: ParticipantInfo) =>
    tables.some((t) => t.tableId === p.tableId && t.seats.some((s) => s.seat === p.seat && s.connected));
  const missing = notJoined(roster ?? [], participants);
  return (
    <section className="panel" aria-labelledby="participants-title">
      <h2 id="participants-title">Students ({participants.length})</h2>
      {link && "url" in link && (
        <div className="notice" role="status" data-testid="seat-link">
          <p>
            A new link to <strong>{link.name}</strong>'s seat (give it to that student only; the old one no longer
            works):
          </p>
          <input
            readOnly
            className="seat-link"
            aria-label={`Link to ${link.name}'s seat`}
            value={link.url}
            onFocus={(e) => e.target.select()}
          />
        </div>
      )}
      {link && "error" in link && (
        <p role="alert" className="error">
          Could not make a new link for {link.name}: {link.error}
        </p>
      )}
      {moved && (
        <p role={moved.ok ? "status" : "alert"} className={moved.ok ? "notice" : "error"} data-testid="move-result">
          {moved.text}
        </p>
      )}
      {missing.length > 0 && (
        <p className="small" data-testid="not-joined">
          Not joined yet ({missing.length} of {roster?.length} on the class list): {missing.join(", ")}
        </p>
      )}
      {participants.length === 0 ? (
        <p className="muted">Nobody has joined yet.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Table</th>
                <th scope="col">Party</th>
                <th scope="col">Asked for</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {participants.flatMap((p) => {
                const row = (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td>
                      {p.table ??
                        (p.lastSeat
                          ? `not seated (last at table ${p.lastSeat.table ?? "?"} as ${p.lastSeat.party})`
                          : "not seated")}
                    </td>
                    <td>{p.party ?? "–"}</td>
                    <td>{p.requested ? askedFor(p.requested, tables) : "–"}</td>
                    <td className="row-actions">
                      {!over && (
                        <button
                          type="button"
                          className="link"
                          aria-expanded={moving === p.id}
                          aria-label={`Move ${p.name}…`}
                          onClick={() => {
                            onAct?.();
                            setMoving(moving === p.id ? undefined : p.id);
                          }}
                        >
                          Move…
                        </button>
                      )}{" "}
                      <button
                        type="button"
                        className="link"
                        aria-expanded={online(p) ? confirmLink === p.id : undefined}
                        onClick={() => {
                          onAct?.();
                          if (online(p)) setConfirmLink(confirmLink === p.id ? undefined : p.id);
                          else void newLink(p);
                        }}
                      >
                        New link<span className="sr-only"> for {p.name}</span>
                      </button>
                    </td>
                  </tr>
                );
                const confirm = confirmLink === p.id && (
                  <tr key={`${p.id}-link`} className="move-row">
                    <td colSpan={5}>
                      <Confirm
                        as="div"
                        tone="primary"
                        yes={`Make a new link for ${p.name}`}
                        onYes={() => void newLink(p)}
                        onCancel={() => setConfirmLink(undefined)}
                      >
                        {p.name}'s page is open now: a new link closes it, and {p.name} needs the new link to come back.
                      </Confirm>
                    </td>
                  </tr>
                );
                if (moving !== p.id) return confirm ? [row, confirm] : [row];
                return [
                  row,
                  ...(confirm ? [confirm] : []),
                  <tr key={`${p.id}-move`} className="move-row">
                    <td colSpan={5}>
                      <MoveStudent
                        participant={p}
                        choices={choices}
                        tableEnded={tables.some((t) => t.tableId === p.tableId && t.status === "ended")}
                        onCancel={() => setMoving(undefined)}
                        onMove={async (target) => {
                          try {
                            const after = await post<ParticipantInfo>(
                              `/sessions/${sessionId}/participants/${p.id}/seat`,
                              target ? { tableId: target.tableId, seat: target.seat } : { tableId: null },
                              token,
                            );
                            const swapped = target
                              ? participants.find((o) => o.tableId === target.tableId && o.seat === target.seat)
                              : undefined;
                            setMoved({
                              ok: true,
                              text: after.tableId
                                ? `${p.name} now sits at table ${after.table ?? "?"} as ${after.party}.${
                                    !swapped || swapped.id === p.id
                                      ? ""
                                      : p.tableId
                                        ? ` ${swapped.name} takes ${p.name}'s old seat (table ${p.table ?? "?"}, ${p.party}).`
                                        : ` ${swapped.name}, who held that seat, is now not seated.`
                                  }`
                                : `${p.name} is no longer seated; a bot plays the seat.`,
                            });
                            setMoving(undefined);
                          } catch (e) {
                            setMoved({ ok: false, text: `${p.name} was not moved: ${(e as Error).message}` });
                          }
                        }}
                      />
                    </td>
                  </tr>,
                ];
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The form under a student's row: the seat to move them to, the request preselected. */
function MoveStudent({
  participant: p,
  choices,
  tableEnded,
  onMove,
  onCancel,
}: {
  participant: ParticipantInfo;
  choices: SeatChoice[];
  /** The student's table has ended: a student holding the target seat would be sent there, so none is offered. */
  tableEnded: boolean;
  onMove: (target: SeatChoice | null) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const current = p.tableId && p.seat ? seatValue(p.tableId, p.seat) : "";
  const closed = (c: SeatChoice) =>
    c.value === current || (tableEnded && c.student !== undefined && c.student !== p.id);
  const requested = p.requested
    ? choices.find(
        (c) =>
          (!p.requested?.tableId || c.tableId === p.requested.tableId) &&
          (!p.requested?.seat || c.seat === p.requested.seat) &&
          !closed(c),
      )
    : undefined;
  const [value, setValue] = useState(
    requested?.value ?? choices.find((c) => !closed(c))?.value ?? (current && !tableEnded ? "none" : ""),
  );
  const [busy, setBusy] = useState(false);
  const target = choices.find((c) => c.value === value);
  return (
    <form
      className="controls"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        await onMove(value === "none" ? null : (target ?? null));
        setBusy(false);
      }}
    >
      <div className="field">
        <label htmlFor={id}>Move {p.name} to</label>
        <select id={id} value={value} onChange={(e) => setValue(e.target.value)}>
          {choices.map((c) => (
            <option key={c.value} value={c.value} disabled={closed(c)}>
              {c.label}
              {c.value === current
                ? " (this student's seat)"
                : closed(c)
                  ? " (its student would be sent to a finished table)"
                  : ""}
            </option>
          ))}
          {current && !tableEnded && <option value="none">No seat: a bot plays {p.party}</option>}
        </select>
      </div>
      <button type="submit" className="primary" disabled={busy || (value !== "none" && !target)}>
        Move
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <p className="small muted">
        {tableEnded
          ? `${p.name}'s table has ended: ${p.name} can take a seat a bot plays, not a student's (that student would be sent to the finished table).`
          : `A student who holds that seat takes ${p.name}'s place${p.tableId ? "" : " (none: they are left without a seat)"}.`}{" "}
        A student moved to another party reads that party's confidential brief too. Both pages follow by themselves.
      </p>
    </form>
  );
}
