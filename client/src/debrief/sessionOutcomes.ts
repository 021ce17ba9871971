import { type GameState, neverPlayed, outcomePoints, type SeatId } from "@parley/shared";
import { mergeSamePlace, type PlotPoint } from "../charts/outcomeSpaceData.ts";
import { pointsText } from "../ui/metric.ts";
import { debriefOutcomeWords } from "./earlyEnds.ts";

/**
 * The session debrief's plot of every table's outcome: one point per ended table, tagged
 * with its number so a class can tell which table is which on the projector; a table still
 * playing has no outcome yet, so it is left off and named apart (its points "if it ended
 * now" had been drawn as one more outcome, at the BATNAs, like a table that failed). A table
 * nobody played (see neverPlayed) has no outcome either: it is left off and named apart too
 * (it had been drawn at the BATNAs of the start, like a table that failed to agree).
 */
export function sessionOutcomes(
  tables: readonly { number: number | null; state: GameState }[],
  x: SeatId,
  y: SeatId,
): { points: PlotPoint[]; playing: (number | null)[]; notPlayed: (number | null)[] } {
  const played = tables.filter((t) => !neverPlayed(t.state));
  const ended = played.filter((t) => t.state.phase === "ended");
  return {
    points: mergeSamePlace(
      ended.map(({ number, state }) => ({
        x: outcomePoints(state, x),
        y: outcomePoints(state, y),
        label: `Table ${number ?? "?"}: ${debriefOutcomeWords(state)}${state.outcome?.kind === "noAgreement" ? " (each party's BATNA then)" : ""}`,
        tag: String(number ?? "?"),
      })),
    ),
    playing: played.filter((t) => t.state.phase !== "ended").map((t) => t.number),
    notPlayed: tables.filter((t) => neverPlayed(t.state)).map((t) => t.number),
  };
}

/**
 * Where each agreement's BATNAs stood when it was made, for the tables where they had moved
 * from `lines` (the BATNAs at the start, drawn as the plot's lines): rounds erode them, and a
 * ruling or an escalation moves them, so an agreement can sit left of a starting line it beat.
 * A table without agreement needs none: its outcome point is its BATNAs then.
 */
export function agreementBatnas(
  tables: readonly { number: number | null; state: GameState }[],
  x: SeatId,
  y: SeatId,
  lines: { x: number; y: number },
): PlotPoint[] {
  return mergeSamePlace(
    tables.flatMap(({ number, state }) => {
      const outcome = state.phase === "ended" ? state.outcome : undefined;
      if (outcome?.kind !== "agreement") return [];
      const at = { x: state.batna[x] ?? 0, y: state.batna[y] ?? 0 };
      if (at.x === lines.x && at.y === lines.y) return [];
      return [
        {
          ...at,
          label: `Table ${number ?? "?"}: BATNAs when it agreed (round ${outcome.round})`,
          tag: String(number ?? "?"),
        },
      ];
    }),
  );
}

/**
 * What the session's results say under a party's points when its table agreed on less than
 * the party's BATNA then ("7 below its BATNA of 42"): an agreement worse than walking away,
 * the lesson a class most needs to see, which the points alone left to mental arithmetic.
 * Nothing for a table without agreement (its points are its BATNA) or a party that cleared it.
 */
export function belowBatnaNote(score: { inAgreement: boolean; surplus: number; batna: number }): string | undefined {
  if (!score.inAgreement || score.surplus >= 0) return undefined;
  return `${pointsText(-score.surplus)} below its BATNA of ${pointsText(score.batna)}`;
}
