import type { Outcome } from "@parley/shared";

export interface EndedTable {
  number: number | null;
  outcome?: Outcome | null;
}

export interface EarlyEnd {
  number: number | null;
  /** The round the table ended in without an agreement. */
  round: number;
  reason: "walkout" | "roundLimit" | "ended";
}

/**
 * The tables of a session that ended without an agreement before the session's last table
 * ended. With BATNAs that shrink every round, such a table scores the larger BATNAs of the
 * round it ended in, so its points can rank it above tables that negotiated on through the
 * erosion: the session debrief says so. Nothing when BATNAs do not erode.
 */
export function earlyNoDeals(
  tables: readonly EndedTable[],
  erosionPerRound: number,
): { early: EarlyEnd[]; lastRound: number } {
  const ends = tables.flatMap((t) => (t.outcome ? [t.outcome.round] : []));
  const lastRound = Math.max(0, ...ends);
  if (erosionPerRound <= 0) return { early: [], lastRound };
  const early = tables.flatMap((t) =>
    t.outcome?.kind === "noAgreement" && t.outcome.round < lastRound
      ? [{ number: t.number, round: t.outcome.round, reason: t.outcome.reason }]
      : [],
  );
  return { early, lastRound };
}
