import {
  botMovesOf,
  type GameState,
  type Metric,
  neverPlayed,
  noAgreementReason,
  playedBy,
  type SeatId,
  seatName,
  tableReport,
} from "@parley/shared";
import { type ParticipantRecord, seatPlayed, type TableRecord } from "../store/store.ts";
import type { Cell } from "./csv.ts";

/** One participant's result, or a seat's that no student played (a bot's): a gradebook row. */
export interface ResultRow {
  /** Null on the row of a seat no student played. */
  participant: string | null;
  participantId: string | null;
  table: number | null;
  tableId: string | null;
  seat: string | null;
  party: string | null;
  /**
   * "agreement", "no agreement" or "in progress"; "not played" at a table nobody played (no
   * student sat, no move made: see neverPlayed), whose row has no result.
   */
  outcome: string;
  /** Why there was no agreement ("the rounds ran out", "a party walked away…"); null otherwise. */
  endedBecause: string | null;
  round: number | null;
  points: number | null;
  /** 0–100 between the party's worst and best packages; null where undefined. */
  normalised: number | null;
  surplus: number | null;
  batna: number | null;
  inAgreement: boolean | null;
  /** 0–100 lens scores under the table's lens weights; null where undefined. */
  realist: number | null;
  liberal: number | null;
  /**
   * Whether the participant holds the seat now. False for one whose seat the instructor
   * gave to a bot: the row still shows the table and party they played, and its result.
   * Null on the row of a seat no student played.
   */
  seated: boolean | null;
  /** Moves a bot made at this seat over the game (covering an absence, or after the seat was given to it). */
  seatBotMoves: number | null;
  /**
   * The persona of the bot that played the seat: on a bot's own seat, the bot's; on a
   * student's, the last bot that made a move there (covering an absence, or given the seat);
   * null where no bot did.
   */
  persona: string | null;
}

export const resultColumns = [
  "participant",
  "participant_id",
  "table",
  "table_id",
  "seat",
  "party",
  "outcome",
  "ended_because",
  "round",
  "points",
  "normalised",
  "surplus",
  "batna",
  "in_agreement",
  "realist",
  "liberal",
  "seated",
  "seat_bot_moves",
  "persona",
] as const;

const round2 = (n: number) => Math.round(n * 100) / 100;

function metricValue(metric: Metric): number | null {
  return metric.defined ? round2(metric.value) : null;
}

function outcomeText(state: GameState): string {
  if (neverPlayed(state)) return "not played";
  if (state.phase !== "ended") return "in progress";
  return state.outcome?.kind === "agreement" ? "agreement" : "no agreement";
}

/** The persona of the last bot that made a move at `seat`, or, when `always`, of the bot holding it now. */
function personaAt(state: GameState, seat: SeatId, always: boolean): string | null {
  const bots = playedBy(state.stints[seat] ?? [], state.log, seat).filter((p) => p.type === "bot");
  const last = bots[bots.length - 1];
  if (last?.type === "bot") return last.persona;
  const now = state.controllers[seat];
  return always && now?.type === "bot" ? now.persona : null;
}

/**
 * Rows for every participant of a session, in the order they joined: at the seat they hold,
 * or, for one whose seat was given to a bot, at the seat they last held (not seated: no table).
 * Then a row for each seat no participant's row is at (a bot's seat, by table and seat), so
 * that every party's result at every table is in the gradebook, with its bot's persona.
 */
export function resultRows(
  participants: readonly ParticipantRecord[],
  tables: readonly { record: TableRecord; state: GameState }[],
): ResultRow[] {
  const reports = new Map(tables.map((t) => [t.record.id, tableReport(t.state)]));
  const result = (table: { record: TableRecord; state: GameState }, seat: SeatId) => {
    const where = {
      table: table.record.number ?? null,
      tableId: table.record.id,
      seat,
      party: seatName(table.state, seat),
      outcome: outcomeText(table.state),
    };
    // A table nobody played has no result: its points would be the BATNAs at the start, read
    // by a gradebook as a table that failed to agree.
    if (neverPlayed(table.state)) return { ...where, ...noResult, seatBotMoves: 0 };
    const report = reports.get(table.record.id);
    const score = report?.scores.find((s) => s.seat === seat);
    const lenses = report?.lenses[seat];
    return {
      ...where,
      endedBecause: table.state.outcome?.kind === "noAgreement" ? noAgreementReason(table.state.outcome.reason) : null,
      round: table.state.round,
      points: score ? round2(score.points) : null,
      normalised: score ? metricValue(score.normalised) : null,
      surplus: score ? round2(score.surplus) : null,
      batna: score ? round2(score.batna) : null,
      inAgreement: score ? score.inAgreement : null,
      realist: lenses ? metricValue(lenses.realist.score) : null,
      liberal: lenses ? metricValue(lenses.liberal.score) : null,
      seatBotMoves: botMovesOf(table.state.log, seat),
    };
  };
  const covered = new Set<string>();
  const rows: ResultRow[] = participants.map((p) => {
    const played = seatPlayed(p);
    const table = played ? tables.find((t) => t.record.id === played.tableId) : undefined;
    const seated = p.tableId !== null && p.seat !== null;
    const who = { participant: p.name, participantId: p.id };
    if (!table || !played) {
      return {
        ...who,
        table: null,
        tableId: null,
        seat: null,
        party: null,
        outcome: "not seated",
        ...noResult,
        seated,
        seatBotMoves: null,
        persona: null,
      };
    }
    covered.add(`${table.record.id}|${played.seat}`);
    return { ...who, ...result(table, played.seat), seated, persona: personaAt(table.state, played.seat, !seated) };
  });
  const byNumber = [...tables].sort((a, b) => (a.record.number ?? 0) - (b.record.number ?? 0));
  for (const table of byNumber) {
    for (const seat of table.state.seats) {
      if (covered.has(`${table.record.id}|${seat}`)) continue;
      rows.push({
        participant: null,
        participantId: null,
        ...result(table, seat),
        seated: null,
        // No bot played a seat of a table nobody played.
        persona: neverPlayed(table.state) ? null : personaAt(table.state, seat, true),
      });
    }
  }
  return rows;
}

/** A row's result fields where there is no result: a student not seated, a table nobody played. */
const noResult = {
  endedBecause: null,
  round: null,
  points: null,
  normalised: null,
  surplus: null,
  batna: null,
  inAgreement: null,
  realist: null,
  liberal: null,
} as const;

export function resultCells(row: ResultRow): Cell[] {
  return [
    row.participant,
    row.participantId,
    row.table,
    row.tableId,
    row.seat,
    row.party,
    row.outcome,
    row.endedBecause,
    row.round,
    row.points,
    row.normalised,
    row.surplus,
    row.batna,
    row.inAgreement,
    row.realist,
    row.liberal,
    row.seated,
    row.seatBotMoves,
    row.persona,
  ];
}
