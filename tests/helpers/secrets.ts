import type { Scenario, SeatId } from "@parley/shared";

/**
 * A private datum and the traces a leak of it would leave in what a client receives:
 * `json` fragments for JSON text (HTTP bodies, decoded room messages and state), `text`
 * for any encoding (also the raw msgpack frames of a room, where strings travel as UTF-8).
 */
export interface Secret {
  label: string;
  json: string[];
  text: string[];
}

/** A string as it appears inside a JSON string literal. */
const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * Whether `haystack` holds the JSON fragment. A fragment ending in a number only counts
 * when the number ends there too, so `"consent":1` never matches `"consent":14`.
 */
export function holdsFragment(haystack: string, fragment: string): boolean {
  const endsInNumber = /[0-9]$/.test(fragment);
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(fragment, from);
    if (at < 0) return false;
    const next = haystack[at + fragment.length] ?? "";
    if (!endsInNumber || !/[0-9.eE]/.test(next)) return true;
    from = at + 1;
  }
}

/** A passage from the middle of a text, for searching bytes where the whole might be cut. */
function middlePassage(text: string, length = 48): string {
  const start = Math.max(0, Math.floor((text.length - length) / 2));
  return text.slice(start, start + length);
}

export function briefSecret(scenario: Scenario, owner: SeatId): Secret {
  const brief = scenario.parties.find((p) => p.id === owner)?.confidentialBrief ?? "";
  if (brief.length < 60) throw new Error(`${owner} has no confidential brief worth probing`);
  return {
    label: `${owner}'s confidential brief`,
    json: [jsonEscaped(brief), jsonEscaped(brief.slice(0, 60))],
    text: [middlePassage(brief)],
  };
}

/** Fragments of `seat`'s own payoff table (and of any tables revealed to it), which it may hold. */
function payoffFragments(scenario: Scenario, seat: SeatId, issues?: readonly string[]): Set<string> {
  const table = scenario.parties.find((p) => p.id === seat)?.payoffs ?? {};
  const fragments = new Set<string>();
  for (const [issue, options] of Object.entries(table)) {
    if (issues && !issues.includes(issue)) continue;
    for (const [option, points] of Object.entries(options)) fragments.add(`"${option}":${points}`);
  }
  return fragments;
}

export interface ViewerKnows {
  /** The viewer's own seat, whose data it holds legitimately (none for anonymous callers). */
  seat?: SeatId;
  /** Issues of other seats' tables revealed to the viewer (owner → issues). */
  revealed?: Record<SeatId, string[]>;
}

/** Every `option: points` pair that `viewer` could hold legitimately. */
function entitledPayoffs(scenario: Scenario, viewer: ViewerKnows): Set<string> {
  const entitled = new Set<string>();
  if (viewer.seat) for (const f of payoffFragments(scenario, viewer.seat)) entitled.add(f);
  for (const [owner, issues] of Object.entries(viewer.revealed ?? {})) {
    for (const f of payoffFragments(scenario, owner, issues)) entitled.add(f);
  }
  return entitled;
}

/**
 * `owner`'s payoff pairs on `issues` (all when omitted) that `viewer` cannot hold
 * legitimately: a pair equal to one of the viewer's own would prove nothing.
 */
export function payoffSecret(
  scenario: Scenario,
  owner: SeatId,
  viewer: ViewerKnows,
  issues?: readonly string[],
): Secret {
  const entitled = entitledPayoffs(scenario, viewer);
  const json = [...payoffFragments(scenario, owner, issues)].filter((f) => !entitled.has(f));
  if (json.length === 0) throw new Error(`No distinctive payoff of ${owner} to probe for this viewer`);
  return { label: `${owner}'s payoffs${issues ? ` on ${issues.join(", ")}` : ""}`, json, text: [] };
}

/** The revealed part of a table: what the viewer IS entitled to (for positive controls). */
export function revealedPayoffs(scenario: Scenario, owner: SeatId, issues: readonly string[], viewer: SeatId): Secret {
  const own = payoffFragments(scenario, viewer);
  const json = [...payoffFragments(scenario, owner, issues)].filter((f) => !own.has(f));
  return { label: `${owner}'s payoffs on ${issues.join(", ")}`, json, text: [] };
}

/** `owner`'s no-deal values (as `batna`/`initialBatna` fields), those the viewer never had itself. */
export function batnaSecret(label: string, values: readonly number[], viewerValues: readonly number[]): Secret {
  const distinct = [...new Set(values)].filter((v) => !viewerValues.includes(v));
  if (distinct.length === 0) throw new Error(`No distinctive BATNA to probe for ${label}`);
  return {
    label,
    json: distinct.flatMap((v) => [`"batna":${v}`]),
    text: [],
  };
}

/** `owner`'s legal merits that differ from the viewer's own (as keyed by issue, and by seat). */
export function meritsSecret(scenario: Scenario, owner: SeatId, viewer: ViewerKnows): Secret {
  const json: string[] = [];
  for (const issue of scenario.issues) {
    const merits = issue.legal?.merits;
    const theirs = merits?.[owner];
    if (theirs === undefined) continue;
    const mine = viewer.seat ? merits?.[viewer.seat] : undefined;
    if (theirs === mine) continue;
    json.push(`"${issue.id}":${theirs}`, `"${owner}":${theirs}`);
  }
  if (json.length === 0) throw new Error(`No distinctive legal merits of ${owner} to probe`);
  return { label: `${owner}'s legal merits`, json, text: [] };
}

/** `owner`'s private points for creative options, where they differ from the viewer's own. */
export function bonusSecret(scenario: Scenario, owner: SeatId, viewer: ViewerKnows): Secret {
  const json = scenario.creativeOptions
    .filter((c) => c.bonus[owner] !== undefined && c.bonus[owner] !== (viewer.seat ? c.bonus[viewer.seat] : undefined))
    .map((c) => `"${c.id}":${c.bonus[owner]}`);
  if (json.length === 0) throw new Error(`No distinctive creative bonus of ${owner} to probe`);
  return { label: `${owner}'s creative bonuses`, json, text: [] };
}

/** A bot's persona, before the end: any controller that names one. */
export const personaSecret: Secret = { label: "a bot's persona", json: ['"persona":'], text: ["persona"] };

/** Another client's bearer token. */
export const tokenSecret = (label: string, token: string): Secret => ({ label, json: [], text: [token] });

/** A message only some seats may read, found by its text. */
export const messageSecret = (label: string, text: string): Secret => ({ label, json: [], text: [text] });

/** A structure only some seats may see, found by a JSON fragment of it. */
export const fragmentSecret = (label: string, ...json: string[]): Secret => ({ label, json, text: [] });
