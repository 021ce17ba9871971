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
export const RULES_VERSION = 3;

/**
 * The versions that changed only the wording of log lines, with what they changed: a game
 * played under the version before still folds to the same effects and scores, and its
 * replay says so rather than warn that they may differ.
 */
const WORDING_ONLY: Readonly<Record<number, string>> = {
  3: "an expired proposal's line names the parties that had not accepted it, and a forum is named with its article",
};

/** Whether every version after `played` up to this one changed wording alone. */
const onlyWordingSince = (played: number) =>
  played < RULES_VERSION &&
  Array.from({ length: RULES_VERSION - played }, (_, i) => played + 1 + i).every((v) => v in WORDING_ONLY);

/**
 * What a replay should tell its reader about the rules it folds a stored game under, given
 * the version each event was accepted under (null: stored before versions were recorded);
 * nothing when every event was accepted under these rules.
 */
export function rulesNotice(played: readonly (number | null)[]): string | undefined {
  const others = played.filter((v) => v !== RULES_VERSION);
  if (others.length === 0) return undefined;
  const whole = others.length === played.length ? "This game was" : "Part of this game was";
  const numbered = [...new Set(others.filter((v): v is number => v !== null))].sort((a, b) => a - b);
  if (numbered.length === 0)
    return `${whole} stored before Parley recorded rules versions: if Parley was upgraded since, the effects of its moves and its scores in this replay may differ from what the table saw.`;
  const versions = `rules version${numbered.length > 1 ? "s" : ""} ${numbered.join(" and ")}`;
  const older = others.includes(null) ? " (and some of it before Parley recorded rules versions)" : "";
  if (!older && numbered.every(onlyWordingSince)) {
    const changes = Object.entries(WORDING_ONLY)
      .filter(([v]) => Number(v) > Math.min(...numbered))
      .map(([v, what]) => `version ${v}: ${what}`)
      .join("; ");
    return `${whole} played under ${versions}; the rules have changed since in wording only (${changes}), so its moves' effects and its scores are as the table saw them, though a few log lines may read differently.`;
  }
  return `${whole} played under ${versions}${older}; this replay folds it under rules version ${RULES_VERSION}, so the effects of its moves and its scores may differ from what the table saw.`;
}

/**
 * A replay's whole notice: the rules its events were accepted under (rulesNotice), and the
 * event these rules could not fold, where they could not (the replay stops before it).
 */
export function replayNotice(
  played: readonly (number | null)[],
  unfoldable?: { seq: number; error: unknown },
): string | undefined {
  const notices = [rulesNotice(played)];
  if (unfoldable) {
    const { seq, error } = unfoldable;
    const why = error instanceof Error ? error.message : String(error);
    notices.push(
      `Event ${seq} cannot be folded under rules version ${RULES_VERSION} (${why}): the replay stops before it.`,
    );
  }
  return notices.filter(Boolean).join(" ") || undefined;
}
