import {
  activeSeats,
  type GameState,
  hadAStudent,
  type Indicators,
  neverPlayed,
  type PartyScore,
  type SeatId,
  sameButLog,
  scoreTable,
  seatName,
  type TableSummary,
} from "@parley/shared";
import type { ParticipantRecord, TableRuntime } from "../store/store.ts";

export function summarise(
  state: GameState,
  table: { id: string; sessionId?: string | null; number?: number | null },
  runtime: TableRuntime | undefined,
  participants: readonly ParticipantRecord[],
  connected: ReadonlySet<SeatId>,
  open: boolean,
  /** The table belongs to a class played over days, whose bots wait for its first student. */
  overDays = false,
  /** When a bot takes each held seat over (epoch ms), should its student not be back by then. */
  botCoversAt: ReadonlyMap<SeatId, number> = new Map(),
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
        botCoversAt: dateOf(connected.has(seat) ? undefined : botCoversAt.get(seat)),
        acted: state.acted.includes(seat),
        walkedAway: state.walkedAway.includes(seat),
      };
    }),
    waitingFor: state.phase === "ended" ? [] : active.filter((s) => !state.acted.includes(s)),
    indicators: JSON.parse(JSON.stringify(state.indicators)) as Indicators,
    crisis: state.phase === "playing" && state.families.inCrisis,
    scores: scoresOf(table, state),
    outcome: state.outcome ?? null,
    open,
    awaitingFirstStudent: overDays && state.phase === "playing" && !hadAStudent(state),
    played: !neverPlayed(state),
  };
}

const dateOf = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

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
