import {
  activeSeats,
  type Controller,
  type GameState,
  type Indicators,
  type Outcome,
  type PartyScore,
  type SeatId,
  sameButLog,
  scoreTable,
  seatName,
} from "@parley/shared";
import type { ParticipantRecord, RuntimeStatus, TableRuntime } from "../store/store.ts";

export interface SeatSummary {
  seat: SeatId;
  party: string;
  participantId: string | null;
  participantName: string | null;
  /** The instructor sees bot personas during play; seats never do. */
  controller: Controller;
  connected: boolean;
  /** Made its main move this round. */
  acted: boolean;
  walkedAway: boolean;
}

/**
 * One table at a glance, for the instructor's live overview only (it carries every
 * party's provisional score, which seats may not see before the end).
 */
export interface TableSummary {
  tableId: string;
  sessionId: string | null;
  number: number | null;
  scenarioId: string;
  status: RuntimeStatus;
  deadlineAt: string | null;
  /** Round time left while paused. */
  remainingMs: number | null;
  round: number;
  roundLimit: number;
  phase: "playing" | "ended";
  seq: number;
  seats: SeatSummary[];
  /** Active seats that have not made their main move this round. */
  waitingFor: SeatId[];
  indicators: Indicators;
  scores: PartyScore[];
  outcome: Outcome | null;
  /** Whether a room serves the table right now (false: it rests in the database). */
  open: boolean;
}

export function summarise(
  state: GameState,
  table: { id: string; sessionId?: string | null; number?: number | null },
  runtime: TableRuntime | undefined,
  participants: readonly ParticipantRecord[],
  connected: ReadonlySet<SeatId>,
  open: boolean,
): TableSummary {
  const active = activeSeats(state);
  return {
    tableId: table.id,
    sessionId: table.sessionId ?? null,
    number: table.number ?? null,
    scenarioId: state.scenario.id,
    status: state.phase === "ended" ? "ended" : (runtime?.status ?? "running"),
    deadlineAt: runtime?.deadlineAt ?? null,
    remainingMs: runtime?.remainingMs ?? null,
    round: state.round,
    roundLimit: state.scenario.rules.roundLimit,
    phase: state.phase,
    seq: state.seq,
    seats: state.seats.map((seat) => {
      const participant = participants.find((p) => p.seat === seat);
      return {
        seat,
        party: seatName(state, seat),
        participantId: participant?.id ?? null,
        participantName: participant?.name ?? null,
        controller: state.controllers[seat] ?? { type: "human", name: "" },
        connected: connected.has(seat),
        acted: state.acted.includes(seat),
        walkedAway: state.walkedAway.includes(seat),
      };
    }),
    waitingFor: state.phase === "ended" ? [] : active.filter((s) => !state.acted.includes(s)),
    indicators: JSON.parse(JSON.stringify(state.indicators)) as Indicators,
    scores: scoresOf(table, state),
    outcome: state.outcome ?? null,
    open,
  };
}

/**
 * Each table's last scores, and the state they are of: a table's summary goes out after
 * every event, and most events (a chat line) change no score (see `sameButLog`).
 */
const scored = new WeakMap<object, { state: GameState; scores: PartyScore[] }>();
function scoresOf(table: object, state: GameState): PartyScore[] {
  const last = scored.get(table);
  if (last && sameButLog(last.state, state)) return last.scores;
  const scores = scoreTable(state);
  scored.set(table, { state, scores });
  return scores;
}
