import { type IRoomCache, matchMaker } from "@colyseus/core";
import { newToken } from "../sessions/secrets.ts";

/**
 * Table rooms across every process: a table's room has the table's id as its roomId, and
 * exactly one exists at a time. A room that is gone (disposed, or lost in a crash) is
 * re-created from the log on demand.
 */

const openingLocks = "parley:opening";
export const openTicketKey = (tableId: string) => `parley:open:${tableId}`;
export const sessionChannel = (sessionId: string) => `parley:session:${sessionId}`;
/** Where a table announces that every table of its session has ended (see TableRoom). */
export const resultsChannel = (sessionId: string) => `parley:results:${sessionId}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function findTableRoom(tableId: string): Promise<IRoomCache | undefined> {
  const rooms = await matchMaker.query({ name: "table", roomId: tableId });
  return rooms[0];
}

/**
 * Forgets the rooms of processes that died without a goodbye (SIGKILL, a lost machine). With
 * Redis, their rooms stay listed, so their tables would look open and nobody would open them
 * again. Colyseus checks only processes whose presence channel is gone (a process that is
 * alive keeps it, however busy), pings each and drops the rooms of those that do not answer.
 */
export async function forgetDeadProcesses(): Promise<void> {
  await matchMaker.healthCheckAllProcesses();
}

/** The ids of every open table room, of every process. */
export async function openTableRooms(): Promise<Set<string>> {
  return new Set((await matchMaker.query({ name: "table" })).map((room) => room.roomId));
}

/**
 * The room serving a table, created if none exists. A presence lock (shared through Redis
 * when several processes run) lets one caller create it while the others wait for it; the
 * new room checks a one-time ticket, so a client cannot open a second copy of a table.
 */
export async function ensureTableRoom(tableId: string): Promise<IRoomCache> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const found = await findTableRoom(tableId);
    if (found) return found;
    const holders = await matchMaker.presence.hincrbyex(openingLocks, tableId, 1, 20);
    try {
      if (holders === 1) {
        const again = await findTableRoom(tableId);
        if (again) return again;
        const ticket = newToken();
        await matchMaker.presence.setex(openTicketKey(tableId), ticket, 30);
        return await matchMaker.createRoom("table", { tableId, openTicket: ticket });
      }
    } finally {
      await matchMaker.presence.hincrbyex(openingLocks, tableId, -1, 20);
    }
    await sleep(50);
  }
  throw new Error(`Could not open table ${tableId}: another process kept it locked.`);
}

/**
 * Does `act` with a table's room, wherever it runs, opening the room first if needed. When
 * `act` fails because that room is gone, the table's room is opened again (or found, if
 * someone else opened it meanwhile) and `act` tried once more: the room closed between
 * finding and calling it, or its process died without a goodbye (a seat reservation then
 * times out, and Colyseus, finding the process silent, drops its rooms). The same room, if
 * still there, may have done part of the work, and is not asked twice.
 */
export async function withTableRoom<T>(tableId: string, act: () => Promise<T>): Promise<T> {
  let room: IRoomCache | undefined;
  try {
    room = await ensureTableRoom(tableId);
    return await act();
  } catch (error) {
    await sleep(100);
    const now = await findTableRoom(tableId);
    if (room && now?.processId === room.processId) throw error;
    await ensureTableRoom(tableId);
    return act();
  }
}

/** Calls a method of a table's room wherever it runs, opening the room first if needed. */
export function callTableRoom<T>(tableId: string, method: string, args: unknown[] = []): Promise<T> {
  return withTableRoom(tableId, async () => (await matchMaker.remoteRoomCall(tableId, method, args)) as T);
}

/** Calls a method of a table's room only if the room is open now. */
export async function callOpenTableRoom<T>(
  tableId: string,
  method: string,
  args: unknown[] = [],
): Promise<T | undefined> {
  if (!(await findTableRoom(tableId))) return undefined;
  try {
    return (await matchMaker.remoteRoomCall(tableId, method, args)) as T;
  } catch {
    return undefined;
  }
}

/** Tells the session's overview rooms (on any process) that something changed. */
export function publishToSession(sessionId: string, type: string, payload: unknown): void {
  matchMaker.presence.publish(sessionChannel(sessionId), { type, payload });
}
