import { type GameState, neverPlayed, type Outcome, outcomeWords } from "@parley/shared";

export interface EndedTable {
  number: number | null;
  outcome?: Outcome | null;
  /** Nobody played the table (see neverPlayed): it has no outcome to compare. */
  notPlayed?: boolean;
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
 * erosion: the session debrief says so. Nothing when BATNAs do not erode. A table nobody
 * played is none of them (nor does its round count as the last).
 */
export function earlyNoDeals(
  tables: readonly EndedTable[],
  erosionPerRound: number,
): { early: EarlyEnd[]; lastRound: number } {
  const played = tables.filter((t) => !t.notPlayed);
  const ends = played.flatMap((t) => (t.outcome ? [t.outcome.round] : []));
  const lastRound = Math.max(0, ...ends);
  if (erosionPerRound <= 0) return { early: [], lastRound };
  const early = played.flatMap((t) =>
    t.outcome?.kind === "noAgreement" && t.outcome.round < lastRound
      ? [{ number: t.number, round: t.outcome.round, reason: t.outcome.reason }]
      : [],
  );
  return { early, lastRound };
}

/**
 * How a table came to end without agreement, with its round out of the game's: "stopped by
 * the instructor in round 3 of 6" (one End stops every table where it stands, so the rounds
 * differ; "ended early" had read as if those tables failed).
 */
export function noDealWords(end: { round: number; reason: EarlyEnd["reason"] }, roundLimit: number): string {
  switch (end.reason) {
    case "ended":
      return `stopped by the instructor in round ${end.round} of ${roundLimit}`;
    case "walkout":
      return `a party walked away in round ${end.round} of ${roundLimit}, leaving too few to agree`;
    case "roundLimit":
      return `the rounds ran out (round ${end.round} of ${roundLimit})`;
  }
}

/** What the session debrief says of a table nobody played (listed, but neither scored nor drawn). */
export const notPlayedWords = "not played: no student sat at it and no move was made";

/**
 * A table's outcome as the debriefs say it (the session's results and a table's replay alike):
 * its agreement's round, how it ended without one and in which round of how many, or that
 * nobody played it.
 */
export function debriefOutcomeWords(state: GameState): string {
  if (neverPlayed(state)) return notPlayedWords;
  const outcome = state.phase === "ended" ? state.outcome : undefined;
  if (outcome?.kind === "noAgreement") return `no agreement: ${noDealWords(outcome, state.scenario.rules.roundLimit)}`;
  return outcomeWords(state);
}
