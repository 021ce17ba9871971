import { z } from "zod";

/**
 * Every message and option a table room accepts, one schema each: anything else is
 * refused at the edge with a reason.
 */

const id = z.string().min(1).max(64);

/**
 * Creating a room: only the server opens a stored table (a session's, or a solo game's,
 * which is a one-table session), with a one-time ticket. Clients never create tables here.
 */
export const CreateOptions = z.object({ tableId: id, openTicket: z.string().min(1).max(100) });

/** Joining a table: a player with a participant token, or the instructor. */
export const JoinOptions = z.union([
  z.object({ participantToken: z.string().min(10).max(100) }),
  z.object({ instructorToken: z.string().min(10).max(100) }),
]);

export const MoveMessage = z.object({ clientSeq: z.number().int().min(0).optional(), move: z.unknown() }).strict();

/** What the room sends back (documented in docs/API.md). */
export interface RejectedMessage {
  clientSeq?: number;
  code: string;
  message: string;
}
export interface NoticeMessage {
  text: string;
}
export interface SeatChangedMessage {
  tableId: string | null;
  seat: string | null;
  message: string;
}
