import { type GameState, type Metric, type PartyScore, scoreTable, seatName } from "@parley/shared";
import type { ParticipantRecord, TableRecord } from "../store/store.ts";
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
  round: number | null;
  points: number | null;
  /** 0–100 between the party's worst and best packages; null where undefined. */
  normalised: number | null;
  surplus: number | null;
  batna: number | null;
  inAgreement: boolean | null;
  /** Lens scores, filled in once the scoring exposes them (realist, liberal). */
  realist: number | null;
  liberal: number | null;
}

export const resultColumns = [
  "participant",
  "participant_id",
  "table",
  "table_id",
  "seat",
  "party",
  "outcome",
  "round",
  "points",
  "normalised",
  "surplus",
  "batna",
  "in_agreement",
  "realist",
  "liberal",
] as const;

const round2 = (n: number) => Math.round(n * 100) / 100;

function metricValue(value: unknown): number | null {
  if (typeof value === "number") return round2(value);
  const metric = value as Metric | undefined;
  return metric && typeof metric === "object" && metric.defined === true ? round2(metric.value) : null;
}

/** A lens score if the scoring module provides one on the party's score, else null. */
function lensScore(score: PartyScore, lens: "realist" | "liberal"): number | null {
  const open = score as unknown as { lenses?: Record<string, unknown> } & Record<string, unknown>;
  return metricValue(open.lenses?.[lens] ?? open[lens]);
}

function outcomeText(state: GameState): string {
  if (state.phase !== "ended") return "in progress";
  return state.outcome?.kind === "agreement" ? "agreement" : "no agreement";
}

/** Rows for every participant of a session, seated or not, in the order they joined. */
export function resultRows(
  participants: readonly ParticipantRecord[],
  tables: readonly { record: TableRecord; state: GameState }[],
): ResultRow[] {
  return participants.map((p) => {
    const table = tables.find((t) => t.record.id === p.tableId);
    const score = table && p.seat ? scoreTable(table.state).find((s) => s.seat === p.seat) : undefined;
    return {
      participant: p.name,
      participantId: p.id,
      table: table?.record.number ?? null,
      tableId: table?.record.id ?? null,
      seat: p.seat,
      party: table && p.seat ? seatName(table.state, p.seat) : null,
      outcome: table ? outcomeText(table.state) : "not seated",
      round: table?.state.round ?? null,
      points: score ? round2(score.points) : null,
      normalised: score ? metricValue(score.normalised) : null,
      surplus: score ? round2(score.surplus) : null,
      batna: score ? round2(score.batna) : null,
      inAgreement: score ? score.inAgreement : null,
      realist: score ? lensScore(score, "realist") : null,
      liberal: score ? lensScore(score, "liberal") : null,
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
    row.round,
    row.points,
    row.normalised,
    row.surplus,
    row.batna,
    row.inAgreement,
    row.realist,
    row.liberal,
  ];
}
