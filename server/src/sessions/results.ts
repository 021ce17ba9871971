import { botMovesOf, type GameState, type Metric, noAgreementReason, seatName, tableReport } from "@parley/shared";
import { type ParticipantRecord, seatPlayed, type TableRecord } from "../store/store.ts";
import type { Cell } from "./csv.ts";

/** One participant's result: a gradebook row. */
export interface ResultRow {
  participant: string;
  participantId: string;
  table: number | null;
  tableId: string | null;
  seat: string | null;
  party: string | null;
  /** "agreement", "no agreement" or "in progress". */
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
   */
  seated: boolean;
  /** Moves a bot made at this seat over the game (covering an absence, or after the seat was given to it). */
  seatBotMoves: number | null;
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
] as const;

const round2 = (n: number) => Math.round(n * 100) / 100;

function metricValue(metric: Metric): number | null {
  return metric.defined ? round2(metric.value) : null;
}

function outcomeText(state: GameState): string {
  if (state.phase !== "ended") return "in progress";
  return state.outcome?.kind === "agreement" ? "agreement" : "no agreement";
}

/**
 * Rows for every participant of a session, in the order they joined: at the seat they hold,
 * or, for one whose seat was given to a bot, at the seat they last held (not seated: no table).
 */
export function resultRows(
  participants: readonly ParticipantRecord[],
  tables: readonly { record: TableRecord; state: GameState }[],
): ResultRow[] {
  const reports = new Map(tables.map((t) => [t.record.id, tableReport(t.state)]));
  return participants.map((p) => {
    const played = seatPlayed(p);
    const table = played ? tables.find((t) => t.record.id === played.tableId) : undefined;
    const seat = table ? (played?.seat ?? null) : null;
    const report = table && seat ? reports.get(table.record.id) : undefined;
    const score = report?.scores.find((s) => s.seat === seat);
    const lenses = seat ? report?.lenses[seat] : undefined;
    return {
      participant: p.name,
      participantId: p.id,
      table: table?.record.number ?? null,
      tableId: table?.record.id ?? null,
      seat,
      party: table && seat ? seatName(table.state, seat) : null,
      outcome: table ? outcomeText(table.state) : "not seated",
      endedBecause: table?.state.outcome?.kind === "noAgreement" ? noAgreementReason(table.state.outcome.reason) : null,
      round: table?.state.round ?? null,
      points: score ? round2(score.points) : null,
      normalised: score ? metricValue(score.normalised) : null,
      surplus: score ? round2(score.surplus) : null,
      batna: score ? round2(score.batna) : null,
      inAgreement: score ? score.inAgreement : null,
      realist: lenses ? metricValue(lenses.realist.score) : null,
      liberal: lenses ? metricValue(lenses.liberal.score) : null,
      seated: p.tableId !== null && p.seat !== null,
      seatBotMoves: table && seat ? botMovesOf(table.state.log, seat) : null,
    };
  });
}

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
  ];
}
