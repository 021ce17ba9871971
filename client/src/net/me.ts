import { api } from "./http.ts";

/** How a class session runs its rounds: live minutes, or hours over days (see the session's settings). */
export type SessionTiming = { mode: "live"; roundSeconds: number } | { mode: "async"; roundHours: number };

/**
 * A participant as the API gives it (docs/API.md): a student's own (`GET /api/me`, `POST
 * /api/join`) and each of the instructor's lists alike.
 */
export interface ParticipantInfo {
  id: string;
  name: string;
  tableId: string | null;
  /** The table's number in its session. */
  table: number | null;
  seat: string | null;
  /** The seat's party, by name. */
  party: string | null;
  /** A seat the student asked for, waiting for the instructor. */
  requested: { tableId?: string; seat?: string; at: string } | null;
  joinedAt: string;
  /** For a student not seated now: the seat they last held (given to a bot, or left by a move). */
  lastSeat: { tableId: string; table: number | null; seat: string; party: string } | null;
}

/** The session as a student sees it: no roster, no code, no bot personas. */
export interface MySession {
  id: string;
  title: string | null;
  scenarioId: string;
  scenarioTitle: string;
  status: "lobby" | "running" | "ended";
  timing: SessionTiming;
  /** Whether the results are open to students: every table's log and the full debrief. */
  resultsOpen: boolean;
}

export interface Me {
  participant: ParticipantInfo;
  session: MySession;
}

/** Where the holder of a participant token sits now, and its session (`GET /api/me`). */
export const fetchMe = (token: string): Promise<Me> => api<Me>("/me", { token });

/**
 * Where a student sits, as a browser notes it for its home page: their seat, or, for a
 * student whose seat is a bot's now (a link opened then), the one they last held; the play
 * page brings the note up to date once they are seated. The note had read "as null".
 */
export function placeOf(participant: ParticipantInfo): { tableId: string; seat: string; party: string } {
  const { tableId, seat, party, lastSeat } = participant;
  if (tableId && seat && party) return { tableId, seat, party };
  if (lastSeat) return { tableId: lastSeat.tableId, seat: lastSeat.seat, party: lastSeat.party };
  return { tableId: "", seat: "", party: "no seat yet" };
}
