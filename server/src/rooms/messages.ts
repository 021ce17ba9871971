import { type Move, parseMove } from "@parley/shared";
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

const ClientSeq = z.number().int().min(0);
export const MoveMessage = z.object({ clientSeq: ClientSeq.optional(), move: z.unknown() }).strict();

/** The message's `clientSeq` when it is valid on its own, so even a malformed message's refusal can be matched. */
function salvageClientSeq(message: unknown): number | undefined {
  if (typeof message !== "object" || message === null || !("clientSeq" in message)) return undefined;
  const seq = ClientSeq.safeParse(message.clientSeq);
  return seq.success ? seq.data : undefined;
}

/** A move message as the edge reads it: the move, or why it is malformed; `clientSeq` whenever it could be read. */
export type ReadMove = { clientSeq?: number } & (
  | { ok: true; move: Move }
  | { ok: false; code: "Malformed"; message: string }
);

/**
 * Reads an untrusted `move` message (whatever msgpack decoded) without trusting any of it.
 * Pure, so the fuzzer runs exactly this, and then the rules' `validate`, at high counts.
 */
export function readMoveMessage(message: unknown): ReadMove {
  const envelope = MoveMessage.safeParse(message);
  if (!envelope.success)
    return {
      clientSeq: salvageClientSeq(message),
      ok: false,
      code: "Malformed",
      message: "A move message is {clientSeq, move}: a whole number of 0 or more and a move, nothing else.",
    };
  const { clientSeq } = envelope.data;
  const parsed = parseMove(envelope.data.move);
  if (!parsed.ok) return { clientSeq, ok: false, code: "Malformed", message: parsed.message };
  return { clientSeq, ok: true, move: parsed.move };
}

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

/**
 * A message type as a refusal may quote it. Colyseus passes the wildcard handler the type,
 * except for a message of type "*", where it passes the payload: anything msgpack decodes,
 * even an object whose `toString` is not a function (String() of it throws).
 */
export function messageTypeName(type: unknown): string {
  return typeof type === "string" || typeof type === "number" ? String(type).slice(0, 64) : "*";
}

/** What a client is told when a handler failed on its message (a bug, logged): nothing was done with it. */
export const unhandled: RejectedMessage = {
  code: "NotHandled",
  message: "The server could not handle this message; nothing was done with it. Please try again.",
};
