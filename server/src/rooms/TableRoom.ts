import { type Client, Room } from "@colyseus/core";
import { MapSchema, schema, t } from "@colyseus/schema";
import {
  type Controller,
  decideBotMove,
  type GameEvent,
  type GameState,
  type Move,
  parseMove,
  type SeatId,
  viewFor,
} from "@parley/shared";
import { z } from "zod";
import type { ServerContext } from "../context.ts";
import { newId } from "../ids.ts";
import { LiveTable } from "../tables/liveTable.ts";

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
    seq: t.uint32().default(0),
    seats: t.map(SeatStatus).default(new MapSchema()),
  },
  "TableStatus",
);
type TableStatusT = InstanceType<typeof TableStatus>;

const CreateOptions = z.object({
  tableId: z.string().max(64).optional(),
  scenarioId: z.string().max(64).optional(),
  seat: z.string().max(64).optional(),
  name: z.string().max(60).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});
const JoinOptions = z.object({ seat: z.string().max(64), name: z.string().trim().max(60).optional() });
const MoveMessage = z.object({ clientSeq: z.number().int().min(0).optional(), move: z.unknown() });

interface ClientData {
  seat: SeatId;
}

/**
 * A Colyseus room is one table, and it is thin: it checks each message at the edge, hands
 * it to the rules through LiveTable (which stores it before anything is acknowledged),
 * sends each client its own `viewFor`, and schedules the bots.
 */
export class TableRoom extends Room<{ state: TableStatusT }> {
  private table!: LiveTable;
  private ctx!: ServerContext;
  private seatOf = new Map<string, SeatId>();
  private botTimer: ReturnType<Room["clock"]["setTimeout"]> | undefined;

  static context: ServerContext;

  override async onCreate(rawOptions: unknown) {
    this.ctx = TableRoom.context;
    this.autoDispose = true;
    this.maxMessagesPerSecond = 20;
    const options = CreateOptions.parse(rawOptions ?? {});
    this.table = await this.openTable(options);
    this.roomId = this.table.record.id;
    this.setState(new TableStatus());
    this.syncStatus();
    this.table.onEvent((event, state) => this.onTableEvent(event, state));

    this.onMessage("move", (client, message: unknown) => this.handleMove(client, message));
    this.onMessage("*", (client, type) => {
      client.send("rejected", { code: "UnknownMessage", message: `Unknown message type '${String(type)}'.` });
    });
    this.scheduleBots();
  }

  private async openTable(options: z.infer<typeof CreateOptions>): Promise<LiveTable> {
    const { store, catalog } = this.ctx;
    if (options.tableId) {
      const record = await store.getTable(options.tableId);
      if (!record) throw new Error(`There is no table '${options.tableId}'.`);
      const scenario = catalog.get(record.scenarioId);
      if (!scenario) throw new Error(`The scenario '${record.scenarioId}' of this table is not available.`);
      return LiveTable.load(store, scenario, record);
    }
    const scenario = catalog.get(options.scenarioId ?? "");
    if (!scenario) throw new Error(`Unknown scenario '${options.scenarioId ?? ""}'.`);
    const seats = scenario.parties.map((p) => p.id);
    if (options.seat && !seats.includes(options.seat))
      throw new Error(`'${options.seat}' is not a seat of this scenario.`);
    const controllers: Record<SeatId, Controller> = {};
    for (const seat of seats) {
      controllers[seat] =
        seat === options.seat ? { type: "human", name: options.name ?? "" } : { type: "bot", persona: "simple" };
    }
    return LiveTable.create(store, scenario, {
      id: newId(),
      scenarioId: scenario.id,
      seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
      seats,
      controllers,
      createdAt: new Date().toISOString(),
    });
  }

  override async onJoin(client: Client<{ userData: ClientData }>, rawOptions: unknown) {
    const parsed = JoinOptions.safeParse(rawOptions);
    if (!parsed.success) throw new Error("Choose a seat to join this table.");
    const { seat, name } = parsed.data;
    if (!this.table.state.seats.includes(seat)) throw new Error(`'${seat}' is not a seat at this table.`);
    if ([...this.seatOf.values()].includes(seat)) throw new Error("That seat is already taken.");
    this.seatOf.set(client.sessionId, seat);
    client.userData = { seat };
    const controller = this.table.state.controllers[seat];
    if (controller?.type !== "human" || (name && controller.name !== name)) {
      await this.table.submitSystem({ kind: "setController", seat, controller: { type: "human", name: name ?? "" } });
    }
    this.syncStatus();
    client.send("view", viewFor(this.table.state, seat));
  }

  override async onDrop(client: Client) {
    this.syncStatus(client.sessionId);
    await this.allowReconnection(client, 30).catch(() => undefined);
  }

  override onReconnect(client: Client) {
    this.syncStatus();
    const seat = this.seatOf.get(client.sessionId);
    if (seat) client.send("view", viewFor(this.table.state, seat));
  }

  override onLeave(client: Client) {
    this.seatOf.delete(client.sessionId);
    this.syncStatus();
  }

  override onDispose() {
    this.botTimer?.clear();
  }

  private async handleMove(client: Client, message: unknown) {
    const seat = this.seatOf.get(client.sessionId);
    const envelope = MoveMessage.safeParse(message);
    const clientSeq = envelope.success ? envelope.data.clientSeq : undefined;
    const refuse = (code: string, text: string) => client.send("rejected", { clientSeq, code, message: text });
    if (!seat) return refuse("NotSeated", "You are not seated at this table.");
    if (!envelope.success) return refuse("Malformed", "A move message needs a 'move' field.");
    const parsed = parseMove(envelope.data.move);
    if (!parsed.ok) return refuse("Malformed", parsed.message);
    try {
      const result = await this.table.submit(seat, parsed.move);
      if (result.ok) client.send("ack", { clientSeq, seq: result.event.seq });
      else refuse(result.rejection.code, result.rejection.message);
    } catch (error) {
      console.error("Could not store a move", error);
      refuse("NotStored", "The server could not record your move. Nothing was changed; please try again.");
    }
  }

  private onTableEvent(_event: GameEvent, state: GameState) {
    for (const client of this.clients) {
      const seat = this.seatOf.get(client.sessionId);
      if (seat) client.send("view", viewFor(state, seat));
    }
    this.syncStatus();
    this.scheduleBots();
  }

  private syncStatus(droppedSessionId?: string) {
    const state = this.table.state;
    this.state.round = state.round;
    this.state.phase = state.phase;
    this.state.seq = state.seq;
    const connected = new Set(
      [...this.seatOf.entries()].filter(([session]) => session !== droppedSessionId).map(([, seat]) => seat),
    );
    for (const seat of state.seats) {
      const controller = state.controllers[seat];
      const status = this.state.seats.get(seat) ?? new SeatStatus();
      status.name = controller?.type === "human" ? controller.name : "";
      status.bot = controller?.type === "bot";
      status.connected = connected.has(seat);
      if (!this.state.seats.has(seat)) this.state.seats.set(seat, status);
    }
  }

  /** Plays the next bot move after a short pause, so people can follow what happens. */
  private scheduleBots() {
    this.botTimer?.clear();
    this.botTimer = this.clock.setTimeout(() => void this.playBots(), this.ctx.botDelayMs);
  }

  private async playBots() {
    const state = this.table.state;
    if (state.phase === "ended") return;
    for (const seat of state.seats) {
      const controller = state.controllers[seat];
      if (controller?.type !== "bot") continue;
      const decision = decideBotMove(viewFor(state, seat), controller.persona);
      if (!decision) continue;
      const move: Move = decision.move;
      const result = await this.table.submit(seat, move);
      if (!result.ok) {
        console.error(`Bot for ${seat} made an illegal move`, move, result.rejection);
        await this.table.submit(seat, { kind: "pass" });
      }
      return; // the event listener schedules the next bot move
    }
  }
}
