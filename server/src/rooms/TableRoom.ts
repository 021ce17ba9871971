import {
  type Client,
  CloseCode,
  ErrorCode,
  matchMaker,
  OnMessageException,
  Room,
  type RoomException,
  type RoomMethodName,
  ServerError,
} from "@colyseus/core";
import { MapSchema, schema, t } from "@colyseus/schema";
import {
  botDice,
  botMayAct,
  botMovesOf,
  type Cover,
  closeCodes,
  decideBotMove,
  type GameEvent,
  type GameState,
  hadAStudent,
  type Move,
  newViewCache,
  type SeatId,
  type SystemMove,
  seatName,
  type TableSummary,
  type TableView,
  type Viewer,
  viewFor,
  viewsFor,
} from "@parley/shared";
import type { z } from "zod";
import { DEFAULT_TICK_MS, type ServerContext } from "../context.ts";
import { scenarioOf } from "../scenarios/versions.ts";
import { Serial } from "../serial.ts";
import type { ControlAction, ControlResult } from "../sessions/controls.ts";
import { resultsOpen, tableEnded } from "../sessions/resultsOpen.ts";
import { hashToken } from "../sessions/secrets.ts";
import { roundLengthMs } from "../sessions/settings.ts";
import type { ParticipantRecord, SessionRecord, TableRuntime } from "../store/store.ts";
import { LiveTable } from "../tables/liveTable.ts";
import { summarise } from "../tables/summary.ts";
import {
  CreateOptions,
  JoinOptions,
  messageTypeName,
  type RejectedMessage,
  readMoveMessage,
  type SeatChangedMessage,
  unhandled,
} from "./messages.ts";
import { TokenBucket } from "./rateLimit.ts";
import { openTicketKey, publishToSession, resultsChannel } from "./tableRooms.ts";
import { type SentView, sendableViews, sentView } from "./viewFrames.ts";

/** Public, non-secret facts every client may see: who sits where and is connected. */
export const SeatStatus = schema(
  {
    name: t.string().default(""),
    bot: t.boolean().default(false),
    connected: t.boolean().default(false),
  },
  "SeatStatus",
);
export const TableStatus = schema(
  {
    round: t.uint16().default(0),
    phase: t.string().default("playing"),
    /** waiting | running | paused | ended */
    status: t.string().default("running"),
    /** When the round ends, in ms since the epoch (server clock); 0 without a deadline. */
    deadlineAt: t.float64().default(0),
    /** Round time left while paused, in ms; 0 otherwise. */
    remainingMs: t.float64().default(0),
    seats: t.map(SeatStatus).default(new MapSchema()),
    /** The table's number in its class session (where to sit in the room); 0 for a solo game. */
    number: t.uint16().default(0),
  },
  "TableStatus",
);
type TableStatusT = InstanceType<typeof TableStatus>;

/** Who a connection is: a seated player (student or solo) or the instructor watching. */
type Identity = { kind: "seat"; seat: SeatId; name: string; participantId: string | null } | { kind: "instructor" };

function assertNever(value: never): never {
  throw new Error(`Unexpected join options ${JSON.stringify(value)}`);
}

type Timer = ReturnType<Room["clock"]["setTimeout"]>;

/**
 * Whether this process is closing, as Colyseus knows it. Not the connection's close code: a
 * client may close with any application code, the shutdown's too, and would keep its seat
 * from the bot (and look online) for ever.
 */
function shuttingDown(): boolean {
  return matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN;
}

/**
 * The seats a bot plays that may have something to do now (`botMayAct`, as a simulation asks
 * them), in seat order; none once the game has ended. The others are not asked: deciding
 * builds the seat's view, and a bot with nothing to do would decide nothing.
 */
function botsToAsk(state: GameState): { seat: SeatId; persona: string }[] {
  if (state.phase === "ended") return [];
  return state.seats.flatMap((seat) => {
    const controller = state.controllers[seat];
    return controller?.type === "bot" && botMayAct(state, seat) ? [{ seat, persona: controller.persona }] : [];
  });
}

/**
 * Whose rate limits a connection uses: its participant's (however often it connects again),
 * else its seat's, or its own (the instructor's). Not the seat's for a participant: a
 * student the instructor seats there starts with limits of her own.
 */
function bucketKey(sessionId: string, identity: Identity): string {
  if (identity.kind !== "seat") return sessionId;
  return identity.participantId ? `participant:${identity.participantId}` : `seat:${identity.seat}`;
}

/**
 * A Colyseus room is one table, and it is thin: it checks each message at the edge, hands
 * it to the rules through LiveTable (which stores it before anything is acknowledged),
 * sends each client its own `viewFor`, and runs the table's clock: bots, the round
 * deadline, pauses and the seat a dropped student keeps for a while.
 */
export class TableRoom extends Room<{ state: TableStatusT }> {
  static context: ServerContext;

  private ctx!: ServerContext;
  private table!: LiveTable;
  private session: SessionRecord | undefined;
  /** Undefined only for a table stored before sessions existed, which simply runs. */
  private runtime: TableRuntime | undefined;
  private participants: ParticipantRecord[] = [];
  private identities = new Map<string, Identity>();
  /** The connection that holds each seat now. */
  private holders = new Map<SeatId, string>();
  /** Connections that dropped and may still reconnect: they hold their seats, but are not online. */
  private dropped = new Set<string>();
  /**
   * The polite rate limits, of each student (kept when her connection is replaced: connecting
   * again does not refill them) or of each other connection (the instructor's, by its id):
   * see bucketKey.
   */
  private buckets = new Map<string, { messages: TokenBucket; chat: TokenBucket }>();
  private botTimer: Timer | undefined;
  /** A bot's move is being decided or stored (see playBots). */
  private botMoving = false;
  private botsAgain = false;
  private deadlineTimer: Timer | undefined;
  private graceTimers = new Map<SeatId, Timer>();
  /** When a bot takes each held seat over (epoch ms), should its student not be back: for the dashboard. */
  private botCoversAt = new Map<SeatId, number>();
  private lastRound = 0;
  /** The game's end has been seen (at the table, or when the room opened on an ended table). */
  private endSeen = false;
  /**
   * An ended table's results (every score, BATNAs, personas, the bots' reasons) are held from
   * its seats while other tables of the session still play the same scenario.
   */
  private resultsHeld = false;
  private readonly holdChecks = new Serial();
  private listeningForResults = false;
  /** A check is queued and has not started: another reason to check needs no other. */
  private recheckQueued = false;
  /** Another table found the session's tables all ended: see for ourselves. */
  private readonly resultsListener = () => this.recheck();
  /** The views last built, whose unchanged parts the next ones keep (see sendViews). */
  private readonly viewCache = newViewCache();
  /** What each connection last received of its view: the next event sends it only what changed. */
  private readonly sentViews = new Map<string, SentView>();
  /** Runtime changes are written one after another, in order. */
  private readonly runtimeWrites = new Serial();
  /** The instructor's controls, run one after another (see control). */
  private readonly controls = new Serial();

  override async onCreate(rawOptions: unknown) {
    this.ctx = TableRoom.context;
    this.patchRate = this.ctx.tickMs ?? DEFAULT_TICK_MS;
    this.maxMessagesPerSecond = 60; // a hard flood gate; the token buckets below are the polite limit
    const options = CreateOptions.safeParse(rawOptions ?? {});
    if (!options.success)
      throw new ServerError(ErrorCode.APPLICATION_ERROR, "Join a table with your participant token.");
    this.table = await this.openTable(options.data);
    this.roomId = this.table.record.id;
    const { store } = this.ctx;
    const sessionId = this.table.record.sessionId;
    if (sessionId) {
      this.session = await store.getSession(sessionId);
      this.runtime = (await store.getRuntime(this.roomId)) ?? {
        tableId: this.roomId,
        status: "running",
        deadlineAt: null,
        remainingMs: null,
      };
      this.participants = await store.participantsOfTable(this.roomId);
    }
    this.lastRound = this.table.state.round;
    this.setState(new TableStatus());
    this.state.number = this.table.record.number ?? 0;
    this.updateAutoDispose();
    this.syncStatus();
    this.table.onEvent((event, state) => this.onTableEvent(event, state));

    this.onMessage("move", (client, message: unknown) => this.handleMove(client, message));
    // A client that missed part of its view (a patch for another base) asks for the whole.
    this.onMessage("resync", (client) => {
      const bucket = this.bucketOf(client);
      if (bucket && !bucket.messages.take())
        return this.refuse(client, { code: "RateLimited", message: "You are asking very fast." });
      this.sendView(client);
    });
    this.onMessage("*", (client, type) => {
      this.refuse(client, { code: "UnknownMessage", message: `Unknown message type '${messageTypeName(type)}'.` });
    });

    if (this.table.state.phase === "ended" && this.runtime && this.runtime.status !== "ended") {
      await this.saveRuntime({ ...this.runtime, status: "ended", deadlineAt: null, remainingMs: null });
    }
    if (this.table.state.phase === "ended") {
      this.endSeen = true;
      this.resultsHeld = !!sessionId;
      await this.checkResultsHold();
    }
    await this.repairRoundClock();
    await this.reconcileSeats();
    this.holdSeatsForAbsentPlayers();
    this.scheduleDeadline();
    this.scheduleBots();
    this.publishSummary();
  }

  private async openTable(options: z.infer<typeof CreateOptions>): Promise<LiveTable> {
    const { store } = this.ctx;
    // Only the server opens a table, with a one-time ticket from ensureTableRoom.
    const ticket = await matchMaker.presence.get(openTicketKey(options.tableId));
    if (ticket !== options.openTicket)
      throw new ServerError(ErrorCode.APPLICATION_ERROR, "Join a table with your participant token.");
    await matchMaker.presence.del(openTicketKey(options.tableId));
    const record = await store.getTable(options.tableId);
    if (!record) throw new ServerError(ErrorCode.APPLICATION_ERROR, `There is no table '${options.tableId}'.`);
    const scenario = await scenarioOf(this.ctx, record);
    if (!scenario) throw new Error(`The scenario '${record.scenarioId}' of this table is not available.`);
    return LiveTable.load(store, scenario, record);
  }

  // ---- joining and leaving ------------------------------------------------------------

  override async onAuth(_client: Client, rawOptions: unknown): Promise<Identity> {
    const parsed = JoinOptions.safeParse(rawOptions ?? {});
    if (!parsed.success) throw new ServerError(ErrorCode.AUTH_FAILED, "Join with your participant token.");
    const options = parsed.data;
    const record = this.table.record;
    if ("participantToken" in options) {
      const participant = await this.ctx.store.participantByTokenHash(hashToken(options.participantToken));
      if (!participant || participant.sessionId !== record.sessionId)
        throw new ServerError(ErrorCode.AUTH_FAILED, "This participant token is not valid for this table.");
      if (participant.tableId !== record.id || !participant.seat)
        throw new ServerError(
          ErrorCode.AUTH_FAILED,
          "Your seat is at another table now: ask the server for your current table.",
        );
      return { kind: "seat", seat: participant.seat, name: participant.name, participantId: participant.id };
    }
    if ("instructorToken" in options) {
      if (!this.session || hashToken(options.instructorToken) !== this.session.instructorTokenHash)
        throw new ServerError(ErrorCode.AUTH_FAILED, "This instructor token is not valid for this table.");
      return { kind: "instructor" };
    }
    // A participant token or the instructor's: there is no anonymous way to a seat.
    return assertNever(options);
  }

  override async onJoin(client: Client, _options: unknown, identity: Identity) {
    this.identities.set(client.sessionId, identity);
    const limits = bucketKey(client.sessionId, identity);
    if (!this.buckets.has(limits))
      this.buckets.set(limits, { messages: new TokenBucket(20, 8), chat: new TokenBucket(5, 0.5) });
    if (identity.kind === "seat") {
      const { seat, name } = identity;
      const previous = this.holders.get(seat);
      this.holders.set(seat, client.sessionId);
      if (previous && previous !== client.sessionId)
        this.releaseConnection(previous, "You opened your seat somewhere else.");
      this.graceTimers.get(seat)?.clear();
      this.graceTimers.delete(seat);
      this.botCoversAt.delete(seat);
      // Decided at its turn: a bot's takeover queued when this seat's last connection left
      // (a reload leaves, then joins) comes first, and is undone here.
      // The bot that played for this student, if one did (read from the log, so a restart keeps it).
      let away: Cover | undefined;
      // Or the bot whose seat this student takes (a latecomer, a student moved there): since when it played.
      let botSince: number | undefined;
      const back = await this.table.submitSystemAtTurn((state) => {
        const controller = state.controllers[seat];
        if (state.phase !== "playing" || this.holders.get(seat) !== client.sessionId) return undefined;
        if (controller?.type === "human" && controller.name === name) return undefined;
        away = this.table.coveredBy(seat);
        if (controller?.type === "bot") botSince = state.stints[seat]?.at(-1)?.since;
        return { kind: "setController", seat, controller: { type: "human", name } };
      });
      const returning = away?.name === name;
      const since = returning ? away?.since : botSince;
      const text = back.ok && since !== undefined ? this.botMovesNotice(seat, since, returning) : undefined;
      if (text) client.send("notice", { text });
    }
    this.syncStatus();
    this.sendView(client);
    this.publishSummary();
    // Someone opening a held table looks again, should the news of the last table's end have been missed.
    this.recheck();
  }

  override async onDrop(client: Client, code?: number) {
    // The server is closing: the table comes back from its log when it starts again.
    if (shuttingDown()) return;
    this.dropped.add(client.sessionId);
    // What it receives while away may be lost: its next view is a whole one.
    this.sentViews.delete(client.sessionId);
    const identity = this.identities.get(client.sessionId);
    if (identity?.kind === "seat" && this.holders.get(identity.seat) === client.sessionId) {
      if (code !== CloseCode.WITH_ERROR && this.botsCoverAbsence())
        this.botCoversAt.set(identity.seat, Date.now() + this.ctx.reconnectSeconds * 1000);
      this.syncStatus();
      this.publishSummary();
    }
    // Colyseus closed it for flooding (over 60 messages a second) or a frame it could not
    // decode. Holding a window open would keep the socket half-alive and unanswered for the
    // whole window; it is closed now instead, and the student comes back with their token.
    if (code === CloseCode.WITH_ERROR) return;
    await this.allowReconnection(client, this.ctx.reconnectSeconds).catch(() => undefined);
  }

  override onReconnect(client: Client) {
    this.dropped.delete(client.sessionId);
    const identity = this.identities.get(client.sessionId);
    if (identity?.kind === "seat" && this.holders.get(identity.seat) === client.sessionId)
      this.botCoversAt.delete(identity.seat);
    if (!identity) {
      // Its seat was taken over by a newer connection (a reload, another device) meanwhile.
      client.leave(closeCodes.seatChanged, "You opened your seat somewhere else.");
      return;
    }
    this.syncStatus();
    this.sendView(client);
    this.publishSummary();
  }

  override async onLeave(client: Client) {
    // The server is closing: the seat stays its student's (see onDrop), also the seat of one
    // who had dropped and was within the reconnection window.
    if (shuttingDown()) return;
    this.dropped.delete(client.sessionId);
    this.sentViews.delete(client.sessionId);
    const identity = this.identities.get(client.sessionId);
    this.identities.delete(client.sessionId);
    // A student's limits stay for her next connection; a watching connection's go with it.
    if (identity?.kind !== "seat") this.buckets.delete(client.sessionId);
    if (identity?.kind === "seat" && this.holders.get(identity.seat) === client.sessionId) {
      this.holders.delete(identity.seat);
      this.botCoversAt.delete(identity.seat);
      if (this.botsCoverAbsence()) await this.botTakesOver(identity.seat, identity.name);
    }
    this.syncStatus();
    this.publishSummary();
  }

  /** A bug in a handler is logged (and its message answered), never allowed to stop the process. */
  override onUncaughtException(error: RoomException, method: RoomMethodName) {
    if (error.cause instanceof ServerError) return; // a refusal to join, already sent to the client
    console.error(`Table ${this.roomId}: ${method} failed`, error.cause ?? error);
    if (error instanceof OnMessageException) error.client.send("rejected", unhandled);
  }

  /** Waits for what the table still has to write: the server closes its store only then. */
  override async onDispose() {
    this.botTimer?.clear();
    this.deadlineTimer?.clear();
    for (const timer of this.graceTimers.values()) timer.clear();
    await Promise.all([this.runtimeWrites.settled(), this.table?.settled()]);
  }

  private bucketOf(client: Client) {
    const identity = this.identities.get(client.sessionId);
    return identity ? this.buckets.get(bucketKey(client.sessionId, identity)) : undefined;
  }

  /** In a live session, absent students are covered by bots; solo and async tables wait. */
  private botsCoverAbsence(): boolean {
    return (
      this.session?.settings.timing.mode === "live" &&
      (this.runtime?.status === "running" || this.runtime?.status === "paused") &&
      this.table.state.phase === "playing"
    );
  }

  private personaFor(seat: SeatId): string {
    const initial = this.table.record.controllers[seat];
    if (initial?.type === "bot") return initial.persona;
    return this.session?.settings.botPersonas[0] ?? "simple";
  }

  /** A bot plays `seat`, unless, at the change's turn, a student holds it again or a bot already plays it. */
  private async botTakesOver(seat: SeatId, name: string) {
    const who = name || "its player";
    await this.table.submitSystemAtTurn(
      (state) =>
        this.holders.has(seat) || state.controllers[seat]?.type === "bot"
          ? undefined
          : { kind: "setController", seat, controller: { type: "bot", persona: this.personaFor(seat) } },
      () => {
        this.notify(`A bot plays ${seatName(this.table.state, seat)} until ${who} returns.`);
      },
    );
  }

  /**
   * What a student who sits at `seat` hears of the bot that played it since `since` (its
   * moves are in the log, and the student's now): on `returning` from being away, or on
   * taking a bot's seat mid-game (a latecomer), which the page otherwise showed as "You have
   * moved this round" with no word of who did. A latecomer hears nothing of a bot that made
   * no move.
   */
  private botMovesNotice(seat: SeatId, since: number, returning: boolean): string | undefined {
    const moves = botMovesOf(this.table.state.log, seat, since);
    const party = seatName(this.table.state, seat);
    const made = `${moves} move${moves === 1 ? "" : "s"}`;
    if (returning) {
      return moves === 0
        ? `Welcome back: a bot held ${party} while you were away and made no move.`
        : `Welcome back: while you were away a bot played ${party} and made ${made}; "What happened" shows them.`;
    }
    return moves === 0
      ? undefined
      : `You take ${party} over from a bot, which made ${made} for it before you sat down; "What happened" shows them.`;
  }

  /** After a restart, a live table holds each human seat for the reconnection window. */
  private holdSeatsForAbsentPlayers() {
    if (!this.botsCoverAbsence()) return;
    for (const seat of this.table.state.seats) {
      const controller = this.table.state.controllers[seat];
      if (controller?.type !== "human" || this.holders.has(seat)) continue;
      this.holdSeat(seat, controller.name);
    }
  }

  /** A bot covers `seat` once the reconnection window is over, unless its student is back by then. */
  private holdSeat(seat: SeatId, name: string) {
    if (!this.botsCoverAbsence()) return;
    this.graceTimers.get(seat)?.clear();
    this.botCoversAt.set(seat, Date.now() + this.ctx.reconnectSeconds * 1000);
    const timer = this.clock.setTimeout(() => {
      this.graceTimers.delete(seat);
      this.botCoversAt.delete(seat);
      if (!this.holders.has(seat) && this.botsCoverAbsence()) void this.botTakesOver(seat, name);
    }, this.ctx.reconnectSeconds * 1000);
    this.graceTimers.set(seat, timer);
  }

  /**
   * Disconnects a connection whose seat is no longer its own, telling it why: `moved` when
   * the instructor moved or unseated its student (`seatChanged`: where they sit now), none
   * when the seat was opened on another connection (the page offers to take it back).
   */
  private releaseConnection(
    sessionId: string,
    message: string,
    moved?: { tableId: string | null; seat: SeatId | null },
  ) {
    const client = this.clients.getById(sessionId);
    this.identities.delete(sessionId);
    if (!client) return;
    if (moved) {
      const payload: SeatChangedMessage = { tableId: moved.tableId, seat: moved.seat, message };
      client.send("seatChanged", payload);
    }
    client.send("notice", { text: message });
    client.leave(closeCodes.seatChanged, message);
  }

  /**
   * Brings connections and controllers in line with the seating in the database: a
   * student moved elsewhere is told where and disconnected; a seat nobody holds any more
   * is played by a bot.
   */
  async seatingChanged(): Promise<void> {
    if (!this.table.record.sessionId) return;
    this.participants = await this.ctx.store.participantsOfTable(this.roomId);
    for (const [seat, sessionId] of [...this.holders]) {
      const identity = this.identities.get(sessionId);
      const owner = this.participants.find((p) => p.seat === seat);
      if (identity?.kind === "seat" && owner?.id === identity.participantId) continue;
      this.holders.delete(seat);
      const moved =
        identity?.kind === "seat" && identity.participantId
          ? await this.ctx.store.getParticipant(identity.participantId)
          : undefined;
      const message = moved?.tableId
        ? "Your instructor moved you to another seat."
        : "Your instructor has given your seat to a bot.";
      this.releaseConnection(sessionId, message, { tableId: moved?.tableId ?? null, seat: moved?.seat ?? null });
    }
    await this.reconcileSeats();
    this.syncStatus();
    // A first student at a table of a class played over days: its bots play from now on.
    this.scheduleBots();
    this.publishSummary();
  }

  /**
   * A participant's token was renewed (it may have got out): connections opened with the
   * old one are closed, and cannot reconnect; the seat waits for its new link through the
   * reconnection window, as for a dropped connection (the student is opening it on another
   * device), and a bot covers it only after that.
   */
  async participantTokenRenewed(participantId: string): Promise<void> {
    const text = "Your access to this seat was renewed: open it again with your new link.";
    for (const [sessionId, identity] of [...this.identities]) {
      if (identity.kind !== "seat" || identity.participantId !== participantId) continue;
      this.identities.delete(sessionId);
      const client = this.clients.getById(sessionId);
      client?.send("notice", { text });
      client?.leave(closeCodes.tokenRenewed, text);
      if (this.holders.get(identity.seat) !== sessionId) continue;
      this.holders.delete(identity.seat);
      this.holdSeat(identity.seat, identity.name);
    }
    this.syncStatus();
    this.publishSummary();
  }

  private async reconcileSeats() {
    if (!this.table.record.sessionId || this.table.state.phase === "ended") return;
    // Over days, a seat is its student's from the moment they are given it: a bot plays none
    // of it while their page has not opened it yet (in a live class, one covers an absence).
    const waitForStudents = this.session?.settings.timing.mode === "async";
    for (const seat of this.table.state.seats) {
      const student = this.participants.find((p) => p.seat === seat);
      const controller = this.table.state.controllers[seat];
      if (!student && controller?.type === "human") {
        await this.table.submitSystem({
          kind: "setController",
          seat,
          controller: { type: "bot", persona: this.personaFor(seat) },
        });
      } else if (student && waitForStudents && (controller?.type !== "human" || controller.name !== student.name)) {
        await this.table.submitSystem({
          kind: "setController",
          seat,
          controller: { type: "human", name: student.name },
        });
      }
    }
  }

  // ---- moves --------------------------------------------------------------------------

  private refuse(client: Client, rejected: RejectedMessage) {
    client.send("rejected", rejected);
  }

  private async handleMove(client: Client, message: unknown) {
    const read = readMoveMessage(message);
    const clientSeq = read.clientSeq;
    const refuse = (code: string, text: string) => this.refuse(client, { clientSeq, code, message: text });
    const bucket = this.bucketOf(client);
    if (bucket && !bucket.messages.take())
      return refuse("RateLimited", "You are sending moves very fast. Wait a moment and try again.");
    const identity = this.identities.get(client.sessionId);
    if (identity?.kind !== "seat" || this.holders.get(identity.seat) !== client.sessionId)
      return refuse("NotSeated", "You are watching this table: only seated players make moves.");
    if (!read.ok) return refuse(read.code, read.message);
    const status = this.runtime?.status;
    if (status === "waiting")
      return refuse(
        "NotStarted",
        "The negotiation has not started yet. Read your brief; your instructor will start it.",
      );
    if (status === "paused")
      return refuse("Paused", "Your instructor has paused the table. Moves are accepted again when it resumes.");
    if (read.move.kind === "chat" && bucket && !bucket.chat.take())
      return refuse("RateLimited", "You are chatting very fast. Wait a few seconds before the next message.");
    try {
      const result = await this.table.submit(identity.seat, read.move);
      if (result.ok) client.send("ack", { clientSeq, seq: result.event.seq });
      else refuse(result.rejection.code, result.rejection.message);
    } catch (error) {
      console.error("Could not store a move", error);
      refuse("NotStored", "The server could not record your move. Nothing was changed; please try again.");
    }
  }

  /** A client's whole view (on joining, reconnecting, or when it asks: `resync`). */
  private sendView(client: Client) {
    this.sentViews.delete(client.sessionId);
    this.sendViews([client]);
  }

  /**
   * Every client (or those given) what changed in its view (a whole view to one that has
   * none yet); what the views have alike, and what did not change, is built and encoded
   * once for the table (see viewFrames).
   */
  private sendViews(to: Iterable<Client> = this.clients) {
    const clients: Client[] = [];
    const viewers: Viewer[] = [];
    for (const client of to) {
      const identity = this.identities.get(client.sessionId);
      if (!identity) continue;
      clients.push(client);
      viewers.push(identity.kind === "instructor" ? "instructor" : identity.seat);
    }
    if (clients.length === 0) return;
    const views = viewsFor(this.table.state, viewers, { holdResults: this.resultsHeld }, this.viewCache);
    const before = clients.map((client) => this.sentViews.get(client.sessionId));
    const frames = sendableViews(views, before);
    clients.forEach((client, i) => {
      const frame = frames[i];
      if (frame) client.enqueueRaw(frame);
      this.sentViews.set(client.sessionId, sentView(views[i] as TableView, before[i]));
    });
  }

  /**
   * Decides whether this ended table's results are still held (some table of the session
   * has not ended) and sends the clients their views when that changed (or `always`).
   * While they are held the room listens on the session's results channel; a table that
   * ends and finds every table ended announces it there (`announce`). Of two tables ending
   * at once, the one whose end was stored last sees both ended, so the news always goes
   * out. Checks run one after another; a check that fails keeps the results held.
   */
  private checkResultsHold({ always = false, announce = false } = {}): Promise<void> {
    const check = async () => {
      this.recheckQueued = false;
      const sessionId = this.table.record.sessionId;
      let held = this.resultsHeld;
      try {
        held = this.table.state.phase === "ended" && !!sessionId && !(await resultsOpen(this.ctx, sessionId));
      } catch (error) {
        console.error("Could not check whether the session's other tables have ended", error);
      }
      const changed = held !== this.resultsHeld;
      this.resultsHeld = held;
      if (changed || always) this.sendViews();
      if (!sessionId) return;
      if (announce && !held) this.presence.publish(resultsChannel(sessionId), this.roomId);
      if (held !== this.listeningForResults) {
        this.listeningForResults = held;
        if (held) await this.presence.subscribe(resultsChannel(sessionId), this.resultsListener);
        else this.presence.unsubscribe(resultsChannel(sessionId), this.resultsListener);
      }
    };
    return this.holdChecks.run(check).catch((error) => {
      console.error("Could not follow the session's other tables", error);
    });
  }

  /** Queues one more check of held results, unless one is queued already. */
  private recheck() {
    if (!this.resultsHeld || this.recheckQueued) return;
    this.recheckQueued = true;
    void this.checkResultsHold();
  }

  private onTableEvent(_event: GameEvent, state: GameState) {
    if (state.phase === "ended" && !this.endSeen) {
      // Held until it is known whether other tables still play; the check sends the views.
      this.endSeen = true;
      tableEnded(this.roomId);
      this.resultsHeld = !!this.table.record.sessionId;
      void this.checkResultsHold({ always: true, announce: true });
    } else {
      this.sendViews();
    }
    this.syncStatus();
    if (state.phase === "ended") {
      if (this.runtime && this.runtime.status !== "ended") {
        void this.saveRuntime({ ...this.runtime, status: "ended", deadlineAt: null, remainingMs: null });
      }
    } else if (state.round !== this.lastRound && this.runtime?.status === "running") {
      void this.startRoundClock();
    } else if (state.round !== this.lastRound && this.runtime?.status === "paused") {
      // A round advanced during a pause starts with its full time when play resumes.
      const length = this.roundLength();
      if (length !== undefined) void this.saveRuntime({ ...this.runtime, remainingMs: length });
    }
    this.lastRound = state.round;
    this.scheduleBots();
    this.publishSummary();
  }

  // ---- the table's clock ----------------------------------------------------------------

  private roundLength(): number | undefined {
    return this.session ? roundLengthMs(this.session.settings.timing) : undefined;
  }

  private saveRuntime(next: TableRuntime): Promise<void> {
    this.runtime = next;
    this.syncStatus();
    this.updateAutoDispose();
    this.scheduleDeadline();
    const write = this.runtimeWrites.run(() => this.ctx.store.putRuntime(next));
    write.catch((error) => console.error("Could not store a table's runtime", error));
    return write;
  }

  /**
   * The log and the round clock are two writes, so a crash between them can leave a running
   * round without a clock (a due deadline was taken, the round's end not stored) or on the
   * previous round's clock (the round opened, its deadline not stored). Every deadline a
   * running round gets is at least a round after the round began; one set before that is
   * stale. Called as the room opens.
   */
  private async repairRoundClock(): Promise<void> {
    const runtime = this.runtime;
    const length = this.roundLength();
    if (runtime?.status !== "running" || this.table.state.phase !== "playing" || length === undefined) return;
    if (!runtime.deadlineAt) {
      await this.startRoundClock();
      return;
    }
    const startedAt = this.table.roundStartedAt;
    if (startedAt && Date.parse(runtime.deadlineAt) < Date.parse(startedAt) + length) {
      const deadlineAt = new Date(Date.parse(startedAt) + length).toISOString();
      await this.saveRuntime({ ...runtime, deadlineAt });
    }
  }

  /** A new round gets a full round's time. */
  private startRoundClock(): Promise<void> {
    const length = this.roundLength();
    if (!this.runtime || length === undefined) return Promise.resolve();
    const deadlineAt = new Date(Date.now() + length).toISOString();
    return this.saveRuntime({ ...this.runtime, status: "running", deadlineAt, remainingMs: null });
  }

  /** Re-arms the deadline timer; a deadline already past fires at once. Also called by the sweeper. */
  scheduleDeadline() {
    this.deadlineTimer?.clear();
    this.deadlineTimer = undefined;
    const deadlineAt = this.runtime?.deadlineAt;
    if (this.runtime?.status !== "running" || !deadlineAt) return;
    const delay = Math.max(0, Date.parse(deadlineAt) - Date.now());
    this.deadlineTimer = this.clock.setTimeout(() => void this.deadlineReached(deadlineAt), delay);
  }

  private async deadlineReached(deadlineAt: string) {
    if (this.runtime?.deadlineAt !== deadlineAt || this.runtime.status !== "running") return;
    // The database decides who fires a deadline, so it fires once even if two rooms raced.
    if (!(await this.ctx.store.claimDeadline(this.roomId, deadlineAt))) return;
    this.runtime = { ...this.runtime, deadlineAt: null };
    const round = this.table.state.round;
    await this.table.submitSystem({ kind: "advanceRound" }, () => this.notify(`Time is up for round ${round}.`));
  }

  private updateAutoDispose() {
    // A live session's running table stays open so its bots keep playing; otherwise an empty
    // room closes and comes back from the log when someone returns.
    const live = this.session?.settings.timing.mode === "live";
    const active = this.runtime?.status === "running" || this.runtime?.status === "paused";
    this.autoDispose = !(live && active && this.table.state.phase === "playing");
  }

  /** Plays the next bot move after a short pause, so people can follow what happens. */
  private scheduleBots() {
    this.botTimer?.clear();
    this.botTimer = undefined;
    if (this.runtime && this.runtime.status !== "running") return;
    if (this.botsWaitForAStudent()) return;
    // No timer while no bot has anything to do (a table of students, most often): only an
    // event can give one something, and every event schedules the bots again.
    if (botsToAsk(this.table.state).length === 0) return;
    this.botTimer = this.clock.setTimeout(() => void this.playBots(), this.ctx.botDelayMs);
  }

  /**
   * One bot move at a time: a bot decides from the table as it is and then waits for its
   * move to be stored; a second decision meanwhile would read the same table and repeat it.
   * A call that finds a move in flight asks for another turn once that one is done.
   */
  private async playBots() {
    if (this.botMoving) {
      this.botsAgain = true;
      return;
    }
    this.botMoving = true;
    try {
      await this.playOneBotMove();
    } finally {
      this.botMoving = false;
      if (this.botsAgain) {
        this.botsAgain = false;
        this.scheduleBots();
      }
    }
  }

  /**
   * A table of a class played over days where no student has sat yet: its bots wait for
   * the first. Playing on, they would finish its rounds in seconds, and the student who
   * joins a day later would sit down to a game the bots had played out. (A live class is in
   * the room, and the instructor starts it once it has joined; a seat the instructor gave to
   * a bot is played.)
   */
  private botsWaitForAStudent(): boolean {
    return this.session?.settings.timing.mode === "async" && !hadAStudent(this.table.state);
  }

  private async playOneBotMove() {
    const state = this.table.state;
    if (this.runtime && this.runtime.status !== "running") return;
    if (this.botsWaitForAStudent()) return;
    for (const { seat, persona } of botsToAsk(state)) {
      const dice = botDice(this.table.record.seed, seat);
      const decision = decideBotMove(viewFor(state, seat, { withoutMoves: true }), persona, { dice });
      if (!decision) continue;
      const move: Move = decision.move;
      const result = await this.table.submit(seat, move, decision.rationale);
      if (!result.ok) {
        // Students' moves stored meanwhile changed the table (a proposal withdrawn, a round
        // ended): the bot decides again from the table as it is now.
        if (this.table.state.seq !== state.seq) {
          this.botsAgain = true;
          return;
        }
        console.error(`Bot for ${seat} made an illegal move`, move, result.rejection);
        await this.table.submit(seat, { kind: "pass" });
      }
      return; // the event listener schedules the next bot move
    }
  }

  // ---- instructor controls (called through matchMaker.remoteRoomCall) --------------------

  private notify(text: string) {
    this.broadcast("notice", { text });
  }

  private async system(move: SystemMove, notice: string): Promise<ControlResult> {
    const result = await this.table.submitSystem(move, () => this.notify(notice));
    if (!result.ok) return { ok: false, code: result.rejection.code, message: result.rejection.message };
    return { ok: true };
  }

  /**
   * An instructor's control, one at a time: a control decides from the table as the one
   * before it left it (a pause that comes while a start is still storing its clock waits for
   * it, then pauses the started table).
   */
  control(action: ControlAction): Promise<ControlResult> {
    return this.controls.run(async () => {
      const { seq, round } = this.table.state;
      const result = await this.runControl(action);
      // Kept beside the events for the replay, from where the table was when it came. Not
      // waited for: the instructor's answer (and the next table of a control for the whole
      // class) need not wait for a note that changes nothing in the game.
      if (result.ok)
        this.ctx.store
          .recordControl(this.roomId, { at: new Date().toISOString(), step: seq, round, action })
          .catch((error: unknown) => console.error(`Could not keep control ${action.action} of ${this.roomId}`, error));
      return result;
    });
  }

  private async runControl(action: ControlAction): Promise<ControlResult> {
    const runtime = this.runtime;
    const state = this.table.state;
    if (!runtime) return { ok: false, code: "NotASessionTable", message: "Only class-session tables take controls." };
    const refuse = (code: string, message: string): ControlResult => ({ ok: false, code, message });
    if (state.phase === "ended" && action.action !== "broadcast") return refuse("GameOver", "This table has ended.");
    switch (action.action) {
      case "start": {
        if (runtime.status !== "waiting") return refuse("AlreadyStarted", "This table has already started.");
        await this.saveRuntime({ ...runtime, status: "running" });
        await this.startRoundClock();
        this.scheduleBots();
        this.notify(`The negotiation has begun: round ${state.round} of ${state.scenario.rules.roundLimit}.`);
        return { ok: true };
      }
      case "pause": {
        if (runtime.status !== "running") return refuse("NotRunning", "Only a running table can be paused.");
        const remainingMs = runtime.deadlineAt ? Math.max(0, Date.parse(runtime.deadlineAt) - Date.now()) : null;
        await this.saveRuntime({ ...runtime, status: "paused", deadlineAt: null, remainingMs });
        this.scheduleBots();
        // No notice: the table's status is paused, and the page says so in a banner for as
        // long as it is (a notice said it a second time, and stayed after the table resumed).
        return { ok: true };
      }
      case "resume": {
        if (runtime.status !== "paused") return refuse("NotPaused", "This table is not paused.");
        const deadlineAt =
          runtime.remainingMs !== null ? new Date(Date.now() + runtime.remainingMs).toISOString() : null;
        await this.saveRuntime({ ...runtime, status: "running", deadlineAt, remainingMs: null });
        this.scheduleBots();
        this.notify("The table resumes: you can make moves again.");
        return { ok: true };
      }
      case "advanceRound":
        if (runtime.status === "waiting") return refuse("NotStarted", "Start the table first.");
        return this.system({ kind: "advanceRound" }, `Your instructor moved the table on from round ${state.round}.`);
      case "extendDeadline": {
        const extra = Math.round(action.minutes * 60_000);
        const minutes = `${action.minutes} minute${action.minutes === 1 ? "" : "s"}`;
        if (runtime.status === "running" && runtime.deadlineAt) {
          const deadlineAt = new Date(Date.parse(runtime.deadlineAt) + extra).toISOString();
          await this.saveRuntime({ ...runtime, deadlineAt });
        } else if (runtime.status === "paused" && runtime.remainingMs !== null) {
          await this.saveRuntime({ ...runtime, remainingMs: runtime.remainingMs + extra });
        } else return refuse("NoDeadline", "This table has no running deadline to extend.");
        this.notify(`Your instructor gave this round ${minutes} more.`);
        return { ok: true };
      }
      case "injectEvent": {
        const event = state.scenario.events.find((e) => e.id === action.eventId);
        return this.system(
          { kind: "injectEvent", eventId: action.eventId },
          `News: ${event?.title ?? action.eventId}.`,
        );
      }
      case "broadcast":
        return this.system({ kind: "broadcast", text: action.text }, `Message from your instructor: ${action.text}`);
      case "replaceWithBot": {
        if (!state.seats.includes(action.seat))
          return refuse("NotASeat", `'${action.seat}' is not a seat at this table.`);
        const participant = this.participants.find((p) => p.seat === action.seat);
        if (participant)
          await this.ctx.store.assignSeats([{ participantId: participant.id, tableId: null, seat: null }]);
        await this.seatingChanged();
        const notice = () => this.notify(`A bot now plays ${seatName(this.table.state, action.seat)}.`);
        // The notice goes out with the views of the change, not after its fsync.
        if (this.table.state.controllers[action.seat]?.type === "bot") notice();
        else
          await this.table.submitSystem(
            {
              kind: "setController",
              seat: action.seat,
              controller: { type: "bot", persona: this.personaFor(action.seat) },
            },
            notice,
          );
        return { ok: true };
      }
      case "end":
        return this.system(
          { kind: "endGame", reason: action.reason || "Ended by the instructor" },
          "Your instructor has ended the negotiation.",
        );
    }
  }

  // ---- projections ------------------------------------------------------------------------

  /** Seats whose connection is open now (not those held for a dropped connection). */
  private connectedSeats(): Set<SeatId> {
    return new Set(
      [...this.holders.entries()].filter(([, sessionId]) => !this.dropped.has(sessionId)).map(([seat]) => seat),
    );
  }

  /** The instructor's overview of this table (see TableSummary). */
  summary(): TableSummary {
    return summarise(
      this.table.state,
      this.table.record,
      this.runtime,
      this.participants,
      this.connectedSeats(),
      true,
      this.session?.settings.timing.mode === "async",
      this.botsCoverAbsence() ? this.botCoversAt : undefined,
    );
  }

  private publishSummary() {
    const sessionId = this.table.record.sessionId;
    if (sessionId) publishToSession(sessionId, "table", this.summary());
  }

  private syncStatus() {
    const state = this.table.state;
    this.state.round = state.round;
    this.state.phase = state.phase;
    this.state.status = state.phase === "ended" ? "ended" : (this.runtime?.status ?? "running");
    this.state.deadlineAt = this.runtime?.deadlineAt ? Date.parse(this.runtime.deadlineAt) : 0;
    this.state.remainingMs = this.runtime?.remainingMs ?? 0;
    const connected = this.connectedSeats();
    for (const seat of state.seats) {
      const controller = state.controllers[seat];
      const status = this.state.seats.get(seat) ?? new SeatStatus();
      status.name = controller?.type === "human" ? controller.name : "";
      status.bot = controller?.type === "bot";
      status.connected = connected.has(seat);
      if (!this.state.seats.has(seat)) this.state.seats.set(seat, status);
    }
  }
}
