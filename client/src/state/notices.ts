export interface Notice {
  id: number;
  tone: "error" | "info";
  text: string;
  /** The round it came in (none before the first view), and when: news of an earlier round goes when the next begins. */
  round?: number;
  at: number;
  /**
   * "moveEffects": what the student's own last move changed. Only the latest is kept (one
   * after each of four rejections had stacked up), and none once the game has ended, whose
   * screen says it all.
   */
  kind?: "moveEffects";
}

/** How long news of an earlier round may stay once the next round begins. */
const graceMs = 5000;

/**
 * The notices to show when the view's round goes from `before` to `round`: a new round makes
 * the news of earlier ones stale ("The negotiation has begun: round 1 of 6" under a clock
 * saying round 2), so it goes unless it came in the last few seconds (an instructor's
 * broadcast just before the round ended; the table's log keeps it anyway). Refusals stay:
 * they go by themselves. The same array when nothing goes.
 */
export function noticesFor(notices: Notice[], before: number | undefined, round: number, now: number): Notice[] {
  if (before === undefined || round <= before) return notices;
  const current = (n: Notice) => n.tone !== "info" || n.round === undefined || n.round >= round || now - n.at < graceMs;
  return notices.every(current) ? notices : notices.filter(current);
}

/** How many notices are kept at once (a pile of them covered a phone). */
const kept = 4;

/**
 * The notices once `notice` comes in: the same message said again (a refused move sent twice)
 * replaces its earlier copy rather than stacking another one under it, as a newer notice of a
 * `kind` replaces the older, and only the newest few are kept.
 */
export function withNotice(notices: Notice[], notice: Notice): Notice[] {
  const others = notices.filter(
    (n) => (n.tone !== notice.tone || n.text !== notice.text) && (!notice.kind || n.kind !== notice.kind),
  );
  return [...others.slice(-(kept - 1)), notice];
}

/** The notices once the game has ended: without what the last moves changed (the end screen says it). */
export function atGameEnd(notices: Notice[]): Notice[] {
  return notices.some((n) => n.kind === "moveEffects") ? notices.filter((n) => n.kind !== "moveEffects") : notices;
}
