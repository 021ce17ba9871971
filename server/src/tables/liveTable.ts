import {
  apply,
  type Cover,
  coverOf,
  foldStored,
  type GameEvent,
  type GameState,
  initialState,
  type Move,
  type Rejection,
  RULES_VERSION,
  type Scenario,
  type SeatId,
  type SystemMove,
  validate,
  validateSystem,
} from "@parley/shared";
import { Serial } from "../serial.ts";
import type { Store, TableRecord } from "../store/store.ts";

/** A table's state before its first event. */
export function initialStateOf(scenario: Scenario, record: TableRecord): GameState {
  return initialState(scenario, record.seed, {
    seats: record.seats,
    controllers: record.controllers,
    lenses: record.lenses ?? undefined,
  });
}

const unchanged: Submission = { ok: false, rejection: { code: "Unchanged", message: "Nothing to change." } };

export type Submission = { ok: true; event: GameEvent } | { ok: false; rejection: Rejection };

/**
 * One table's authoritative state on the server: validate with the rules, store, then
 * apply, one event at a time. Colyseus-free, so rooms, the HTTP API and tests share it.
 */
export class LiveTable {
  private readonly queue = new Serial();
  /** The last stored move's write to disk (see serialize). */
  private lastDurable: Promise<void> = Promise.resolve();
  private listeners: ((event: GameEvent, state: GameState) => void)[] = [];

  private constructor(
    readonly record: TableRecord,
    readonly scenario: Scenario,
    private readonly store: Store,
    public state: GameState,
    /** When the current round began (the stored time of the event that opened it); null in round 1. */
    public roundStartedAt: string | null = null,
  ) {}

  /** Whether a bot plays `seat` for a student now: since which event, and for whom (read from the seat's stints). */
  coveredBy(seat: SeatId): Cover | undefined {
    return coverOf(this.state.stints[seat] ?? []);
  }

  /** Creates and stores a new table. */
  static async create(store: Store, scenario: Scenario, record: TableRecord): Promise<LiveTable> {
    await store.createTable(record);
    return new LiveTable(record, scenario, store, initialStateOf(scenario, record));
  }

  /** Rebuilds a table from its stored log (after a restart, or when a room is re-created). */
  static async load(store: Store, scenario: Scenario, record: TableRecord): Promise<LiveTable> {
    const stored = await store.events(record.id);
    const initial = initialStateOf(scenario, record);
    let round = initial.round;
    let roundStartedAt: string | null = null;
    const { state, unfoldable } = foldStored(
      initial,
      stored.map((e) => e.event),
      (next, i) => {
        if (next.round !== round) roundStartedAt = stored[i]?.at ?? null;
        round = next.round;
      },
    );
    // Carrying on from part of its log would number new events over stored ones.
    if (unfoldable)
      throw new Error(
        `Table ${record.id} cannot resume: these rules (version ${RULES_VERSION}) cannot fold its event ${unfoldable.seq} (${(unfoldable.error as Error).message}). Its replay and summary show it up to there.`,
      );
    return new LiveTable(record, scenario, store, state, roundStartedAt);
  }

  onEvent(listener: (event: GameEvent, state: GameState) => void): void {
    this.listeners.push(listener);
  }

  /**
   * A seat's move: validated against the state at its turn in the queue, stored, applied.
   * A bot's `rationale` is stored with the event for the debrief.
   */
  submit(seat: SeatId, move: Move, rationale?: string): Promise<Submission> {
    return this.serialize(() => {
      const decision = validate(this.state, seat, move);
      return decision.ok && rationale !== undefined ? { ok: true, event: { ...decision.event, rationale } } : decision;
    });
  }

  /** Resolves once every move submitted so far is applied and on disk (or refused). */
  async settled(): Promise<void> {
    await this.queue.settled();
    await this.lastDurable;
  }

  /**
   * A move of the table itself (timer, instructor, seat control). `committed` runs when the
   * move is committed, right after the views of it (see `onEvent`), so that what the room
   * says about it (a notice) goes out with them, not after the fsync that the returned
   * promise waits for.
   */
  submitSystem(move: SystemMove, committed?: (event: GameEvent) => void): Promise<Submission> {
    return this.submitSystemAtTurn(() => move, committed);
  }

  /**
   * A system move decided at its turn in the queue, from the table as it is then (undefined:
   * nothing to do, refused as `Unchanged`). For a change that another, queued before it, may
   * make moot: a student who leaves and comes straight back (a reload) queues a bot's takeover
   * and then her return, and each must see the other.
   */
  submitSystemAtTurn(
    decide: (state: GameState) => SystemMove | undefined,
    committed?: (event: GameEvent) => void,
  ): Promise<Submission> {
    return this.serialize(() => {
      const move = decide(this.state);
      return move ? validateSystem(this.state, move) : unchanged;
    }, committed);
  }

  private serialize(decide: () => Submission, committed?: (event: GameEvent) => void): Promise<Submission> {
    const applied = this.queue.run(async () => {
      const decision = decide();
      if (!decision.ok) return { decision, durable: undefined };
      // Committed before anyone sees it: a crash of the process after this line loses nothing.
      const { durable } = await this.store.commitEvent(this.record.id, decision.event);
      const round = this.state.round;
      this.state = apply(this.state, decision.event);
      if (this.state.round !== round) this.roundStartedAt = new Date().toISOString();
      for (const listener of this.listeners) listener(decision.event, this.state);
      committed?.(decision.event);
      this.lastDurable = durable.catch(() => undefined);
      return { decision, durable };
    });
    // Acknowledged only once on disk (see Store.commitEvent); the next move need not wait for it.
    return applied.then(async ({ decision, durable }) => {
      await durable;
      return decision;
    });
  }
}
