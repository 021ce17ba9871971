import { z } from "zod";

/**
 * Every message and option a table room accepts, one schema each: anything else is
 * refused at the edge with a reason.
 */

const id = z.string().min(1).max(64);

/** Creating a room: a solo table from a client, or an existing table opened by the server. */
export const CreateOptions = z.union([
  z.object({ tableId: id, openTicket: z.string().min(1).max(100) }),
  z.object({
    scenarioId: id,
    seat: id.optional(),
    name: z.string().trim().max(60).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
  }),
]);

/** Joining a table: a student with a participant token, the instructor, or a solo player. */
export const JoinOptions = z.union([
  z.object({ participantToken: z.string().min(10).max(100) }),
  z.object({ instructorToken: z.string().min(10).max(100) }),
  z.object({ seat: id, name: z.string().trim().max(60).optional() }),
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
