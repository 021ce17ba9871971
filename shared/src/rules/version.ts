/**
 * The version of the rules: of how a stored log folds into states, views and scores.
 *
 * Every stored event records the version it was accepted under, so that a replay can say
 * when it folds a game under rules other than those its players had. Raise it by one with
 * any change that makes a stored game fold differently: a move's effect, a legality check
 * that refuses what was accepted, a round's dynamics, a score. The recorded games in
 * `tests/fixtures/rules/` fail `tests/unit/rules-version.test.ts` when such a change was
 * made and the version was not raised (`npm run rules:record` records them again under the
 * new version).
 */
export const RULES_VERSION = 1;

/**
 * What a replay should tell its reader about the rules it folds a stored game under, given
 * the version each event was accepted under (null: stored before versions were recorded);
 * nothing when every event was accepted under these rules.
 */
export function rulesNotice(played: readonly (number | null)[]): string | undefined {
  const others = played.filter((v) => v !== RULES_VERSION);
  if (others.length === 0) return undefined;
  const numbered = [...new Set(others.filter((v): v is number => v !== null))].sort((a, b) => a - b);
  const then = [
    ...(numbered.length > 0 ? [`under rules version${numbered.length > 1 ? "s" : ""} ${numbered.join(" and ")}`] : []),
    ...(others.includes(null) ? ["before Parley recorded rules versions"] : []),
  ].join(" and ");
  const whole = others.length === played.length ? "This game was" : "Part of this game was";
  return `${whole} played ${then}; this replay folds it under rules version ${RULES_VERSION}, so the effects of its moves and its scores may differ from what the table saw.`;
}

/** What a replay says when these rules cannot fold a stored event (one accepted under other rules). */
export function unfoldableNotice(seq: number, error: unknown): string {
  const why = error instanceof Error ? error.message : String(error);
  return `Event ${seq} cannot be folded under rules version ${RULES_VERSION} (${why}): the replay stops before it.`;
}
