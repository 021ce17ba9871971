import {
  type Client,
  ErrorCode,
  OnMessageException,
  Room,
  type RoomException,
  type RoomMethodName,
  ServerError,
} from "@colyseus/core";
import { z } from "zod";
import type { SessionService } from "../sessions/sessionService.ts";
import type { SessionRecord } from "../store/store.ts";
import { messageTypeName, unhandled } from "./messages.ts";
import { sessionChannel } from "./tableRooms.ts";

const JoinOptions = z.object({ sessionId: z.string().min(1).max(64), instructorToken: z.string().min(10).max(100) });

/**
 * The instructor's live overview of a session: `overview` (everything) on joining, then
 * `table` (one table's summary) whenever a table changes and `participants` whenever
 * seating changes. Table rooms on any process publish to the session's presence channel,
 * so one overview room sees every table (its scoped presence unsubscribes on dispose).
 * After a message that may change how many students could still be seated (seating, those
 * turned away, a table added, started or ended) it sends `seatsFree` again, when it changed.
 * It only reads: controls go through the HTTP API.
 */
export class SessionRoom extends Room {
  static sessions: SessionService;
  private sessionId = "";
  private session?: SessionRecord;
  /** Each table's status as last published: a table's summary goes out after every event, most changing no seat. */
  private readonly tableStatus = new Map<string, string>();
  private seatsFree: number | null | undefined;
  /** One count at a time, in the order of the messages that asked for it. */
  private counting: Promise<void> = Promise.resolve();
  private listener = (message: { type: string; payload: unknown }) => {
    this.broadcast(message.type, message.payload);
    if (this.seatingMayChange(message)) this.counting = this.counting.then(() => this.sendSeatsFree());
  };

  private seatingMayChange({ type, payload }: { type: string; payload: unknown }): boolean {
    if (type === "participants" || type === "turnedAway") return true;
    if (type !== "table") return false;
    const { tableId, status } = payload as { tableId: string; status: string };
    if (this.tableStatus.get(tableId) === status) return false;
    this.tableStatus.set(tableId, status);
    return true;
  }

  private async sendSeatsFree() {
    if (!this.session) return;
    try {
      const now = await SessionRoom.sessions.seatsFree(this.session);
      if (now === this.seatsFree) return;
      this.seatsFree = now;
      this.broadcast("seatsFree", now);
    } catch (error) {
      console.error(`Session overview ${this.sessionId}: counting free seats failed`, error);
    }
  }

  override async onCreate(rawOptions: unknown) {
    const options = JoinOptions.safeParse(rawOptions ?? {});
    if (!options.success)
      throw new ServerError(ErrorCode.APPLICATION_ERROR, "Open the overview with the session id and instructor token.");
    // Made only for a session by its instructor: a made-up id or token makes no room.
    const session = await SessionRoom.sessions.instructorSession(options.data.sessionId, options.data.instructorToken);
    if (!session.ok) throw new ServerError(ErrorCode.AUTH_FAILED, session.problem.message);
    this.sessionId = options.data.sessionId;
    this.session = session.value;
    this.autoDispose = true;
    this.maxMessagesPerSecond = 10;
    this.onMessage("*", (client, type) => {
      client.send("rejected", {
        code: "UnknownMessage",
        message: `The overview only reads; '${messageTypeName(type)}' is not a message it takes. Use the HTTP API for controls.`,
      });
    });
    await this.presence.subscribe(sessionChannel(this.sessionId), this.listener);
  }

  override async onAuth(_client: Client, rawOptions: unknown) {
    const options = JoinOptions.safeParse(rawOptions ?? {});
    if (!options.success || options.data.sessionId !== this.sessionId)
      throw new ServerError(ErrorCode.AUTH_FAILED, "Open the overview with the session id and instructor token.");
    const session = await SessionRoom.sessions.instructorSession(this.sessionId, options.data.instructorToken);
    if (!session.ok) throw new ServerError(ErrorCode.AUTH_FAILED, session.problem.message);
    return session.value;
  }

  /** A bug in a handler is logged (and its message answered), never allowed to stop the process. */
  override onUncaughtException(error: RoomException, method: RoomMethodName) {
    if (error.cause instanceof ServerError) return; // a refusal to join, already sent to the client
    console.error(`Session overview ${this.sessionId}: ${method} failed`, error.cause ?? error);
    if (error instanceof OnMessageException) error.client.send("rejected", unhandled);
  }

  override async onJoin(client: Client, _options: unknown, session: SessionRecord) {
    const overview = await SessionRoom.sessions.overview(session);
    this.seatsFree ??= overview.seatsFree;
    client.send("overview", overview);
  }
}
