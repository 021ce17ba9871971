import { normaliseJoinCode } from "@parley/shared";

/**
 * What this browser remembers between visits, in localStorage: the seats it holds (class
 * and solo, by participant token) and the sessions it teaches (by instructor token). A
 * reload, a closed tab or a server restart never loses a game or a dashboard.
 */

export interface SavedSeat {
  participantId: string;
  token: string;
  kind: "class" | "solo";
  title: string;
  party: string;
  seat: string;
  tableId: string;
  savedAt: string;
  /** Set once this browser has seen the table end: how it ended. */
  ended?: "agreement" | "noAgreement";
  /** The class's join code (normalised), for a seat taken with it: the join page offers the seat again for that code. */
  joinCode?: string;
}

export interface SavedSession {
  sessionId: string;
  token: string;
  title: string;
  scenarioTitle: string;
  joinCode: string;
  savedAt: string;
}

const seatsKey = "parley.seats";
const sessionsKey = "parley.sessions";

function read<T>(key: string): T[] {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? "[]") as unknown;
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

function write<T>(key: string, items: T[]): void {
  localStorage.setItem(key, JSON.stringify(items.slice(0, 50)));
}

/**
 * How a saved seat is listed: "Class: IR 210, as Egypt", "Solo: U.S.–China…, as China", or a
 * "what if" game by its own title (a solo game's title already says "Solo:" or "What if:").
 */
export function seatLabel(seat: SavedSeat): string {
  const titled = /^(Solo|What if): /.test(seat.title);
  return `${titled ? "" : seat.kind === "solo" ? "Solo: " : "Class: "}${seat.title}, as ${seat.party}`;
}

export const savedSeats = (): SavedSeat[] => read<SavedSeat>(seatsKey);
/** The class seats this browser took with join code `code` (as typed) whose table it has not seen end. */
export const heldSeats = (code: string, seats: SavedSeat[] = savedSeats()): SavedSeat[] => {
  const wanted = normaliseJoinCode(code);
  return wanted ? seats.filter((s) => s.kind === "class" && !s.ended && s.joinCode === wanted) : [];
};
export const savedSeat = (participantId: string) => savedSeats().find((s) => s.participantId === participantId);
export function saveSeat(seat: SavedSeat): void {
  write(seatsKey, [seat, ...savedSeats().filter((s) => s.participantId !== seat.participantId)]);
}
/**
 * Changes a saved seat in its place in the list (written only if something changed): where it
 * is now, as the server says (the instructor may have moved the student), so the home page
 * and the debrief name the party played; or how its table ended.
 */
export function updateSeat(
  participantId: string,
  now: Partial<Pick<SavedSeat, "party" | "seat" | "tableId" | "ended">>,
): void {
  const seats = savedSeats();
  const i = seats.findIndex((s) => s.participantId === participantId);
  const seat = seats[i];
  if (!seat || Object.entries(now).every(([key, value]) => seat[key as keyof SavedSeat] === value)) return;
  seats[i] = { ...seat, ...now };
  write(seatsKey, seats);
}
/** Notes that a saved seat's table has ended, so the home page lists it with the finished games. */
export const markSeatEnded = (participantId: string, ended: NonNullable<SavedSeat["ended"]>): void =>
  updateSeat(participantId, { ended });

/** The saved seats still to play, and those whose table has ended, each newest first as saved. */
export function seatsByState(seats: SavedSeat[]): { playing: SavedSeat[]; finished: SavedSeat[] } {
  return { playing: seats.filter((s) => !s.ended), finished: seats.filter((s) => s.ended) };
}

/** When a seat was taken, to tell two games of the same scenario and party apart ("28 Nov, 06:40"). */
export function seatStarted(seat: SavedSeat): string {
  const at = new Date(seat.savedAt);
  if (Number.isNaN(at.getTime())) return "";
  return at.toLocaleString(undefined, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

export function forgetSeat(participantId: string): void {
  write(
    seatsKey,
    savedSeats().filter((s) => s.participantId !== participantId),
  );
}

export const savedSessions = (): SavedSession[] => read<SavedSession>(sessionsKey);
export const savedSession = (sessionId: string) => savedSessions().find((s) => s.sessionId === sessionId);
export function saveSession(session: SavedSession): void {
  write(sessionsKey, [session, ...savedSessions().filter((s) => s.sessionId !== session.sessionId)]);
}
