import { reconcile } from "../data/reconcile.ts";
import { sameButLog } from "../rules/apply.ts";
import { isDealParty } from "../rules/names.ts";
import { proposalAudience } from "../rules/proposals.ts";
import type {
  Claim,
  Controller,
  FactFinding,
  GameState,
  Indicators,
  LogEntry,
  Outcome,
  Proposal,
  SeatId,
  Stint,
  Threat,
  Viewer,
  Withholding,
} from "../rules/types.ts";
import { availableMoves, type MoveAvailability } from "../rules/validate.ts";
import type { AgreementRule, Forum } from "../scenario/schema.ts";
import { pointRange } from "../scoring/points.ts";
import { type ReportOptions, type TableReport, tableReport } from "../scoring/report.ts";
import { type Aims, noAims, type PartyScore, scoreTable } from "../scoring/score.ts";

/** What anyone at the table may know about a party. */
export interface PublicParty {
  id: SeatId;
  name: string;
  kind: "state" | "mediator" | "ngo";
  publicBrief: string;
  /** "bot" without its persona while the game runs; the persona is revealed at the end. */
  controller: { type: "human"; name: string } | { type: "bot"; persona?: string };
  /**
   * Everyone who has played the seat, as its controller is shown (the log's "… now plays"
   * lines say as much): read with the view's log by `playedBy` once the results are out.
   */
  stints: Stint<PublicParty["controller"]>[];
  acted: boolean;
  walkedAway: boolean;
}

export interface PublicIssue {
  id: string;
  name: string;
  description?: string;
  statusQuo: string;
  options: { id: string; label: string; description?: string }[];
  /** The forum that can rule on the issue and each party's claimed option; merits stay private. */
  legal?: { forum: string; positions: Record<SeatId, string> };
}

export interface PublicCreativeOption {
  id: string;
  name: string;
  description: string;
  unlocked: boolean;
  unlock: { trust: number; after: string[] };
}

export interface PublicMeasure {
  id: string;
  name: string;
  description?: string;
  by: SeatId;
  against: SeatId;
  maxLevel: number;
  level: number;
}

/** The private information of one seat. */
export interface SeatSecrets {
  confidentialBrief: string;
  /** Current no-deal value (after erosion, escalation and rulings). */
  batna: number;
  initialBatna: number;
  payoffs: Record<string, Record<string, number>>;
  range: { best: number; worst: number };
  /** The seat's own chance of winning a ruling per legal issue, as its lawyers estimate. */
  merits: Record<string, number>;
  /** The seat's own points for each creative option, should an agreement include it. */
  creativeBonus: Record<string, number>;
  /**
   * A third party's (mediator, NGO) own aims, by which it scores instead of a payoff table:
   * points for any agreement, and per point of tension below 50 at the end.
   */
  aims?: Aims;
}

export interface TableView {
  viewer: Viewer;
  scenario: {
    id: string;
    title: string;
    dateContext: string;
    summary: string;
    roundLimit: number;
    agreement: AgreementRule;
    issues: PublicIssue[];
    creativeOptions: PublicCreativeOption[];
    measures: PublicMeasure[];
    forums: Forum[];
    /** Events an instructor can inject (titles only for seats; they learn the text when it fires). */
    events: { id: string; title: string; round?: number; fired: boolean }[];
  };
  parties: PublicParty[];
  seq: number;
  round: number;
  phase: "playing" | "ended";
  indicators: Indicators;
  /** Public indicators at the end of each round. */
  history: { round: number; indicators: Indicators }[];
  proposals: Proposal[];
  claims: Claim[];
  mediation: { invitedBy: SeatId[]; consented: SeatId[] };
  arbitration: { consented: SeatId[] };
  /** Threats made at the table (public). */
  threats: Threat[];
  /** Withholdings in force that involve the viewer (all of them for the instructor). */
  withheld: Withholding[];
  /** Joint fact-finding offered to or by the viewer, or done by anyone. */
  factFindings: FactFinding[];
  /** Moves done at the table that can open creative options, by kind. */
  groundwork: Partial<Record<string, number>>;
  crisis: { inCrisis: boolean; crises: number; threshold: number };
  log: LogEntry[];
  outcome?: Outcome;
  /** The moves the viewing seat can make now, and why not for the others. */
  moves?: MoveAvailability[];
  /** The viewing seat's own secrets. */
  me?: { seat: SeatId } & SeatSecrets;
  /** What other parties revealed to the viewer: owner → issue → option → points. */
  revealedToViewer: Record<SeatId, Record<string, Record<string, number>>>;
  /** Issues whose legal merits joint fact-finding has made known to the viewer. */
  clarifiedMerits: Record<string, Record<SeatId, number>>;
  /**
   * Every party's score: for everyone once the game has ended, for the instructor always.
   * While the results are held, a seat gets its own score only.
   */
  scores?: PartyScore[];
  /** The table's debrief metrics: for everyone once the game has ended (and its results are not held), for the instructor always. */
  report?: TableReport;
  /**
   * The game has ended, but other tables of the session still play the same scenario: the
   * others' scores, BATNAs, the bots' personas and reasons wait until they have finished.
   */
  resultsHeld?: boolean;
  /** The instructor's view of every seat's secrets. */
  secrets?: Record<SeatId, SeatSecrets>;
}

function canSee(entry: Pick<LogEntry, "visibleTo">, viewer: Viewer): boolean {
  if (viewer === "instructor") return true;
  if (entry.visibleTo === "all") return true;
  return viewer !== "observer" && entry.visibleTo.includes(viewer);
}

/** A seat's secrets change with its no-deal value only: built once for each value (in `cache`). */
function secretsOf(state: GameState, seat: SeatId, cache?: ViewCache): SeatSecrets {
  const batna = state.batna[seat] ?? 0;
  const known = cache?.secrets.get(seat);
  if (known?.batna === batna && known.scenario === state.scenario) return known.secrets;
  const secrets = buildSecrets(state, seat);
  cache?.secrets.set(seat, { batna, scenario: state.scenario, secrets });
  return secrets;
}

function buildSecrets(state: GameState, seat: SeatId): SeatSecrets {
  const party = state.scenario.parties.find((p) => p.id === seat);
  const merits: Record<string, number> = {};
  for (const issue of state.scenario.issues) {
    const m = issue.legal?.merits[seat];
    if (m !== undefined) merits[issue.id] = m;
  }
  return {
    confidentialBrief: party?.confidentialBrief ?? "",
    batna: state.batna[seat] ?? 0,
    initialBatna: party?.batna ?? 0,
    payoffs: structuredCopy(party?.payoffs ?? {}),
    range: pointRange(state.scenario, seat),
    merits,
    creativeBonus: Object.fromEntries(state.scenario.creativeOptions.map((c) => [c.id, c.bonus[seat] ?? 0])),
    // Every third party has aims (none written: nothing to score), so a seat has them exactly
    // when it is not a party to the deal.
    ...(party && !isDealParty(state, seat) ? { aims: { ...(party.aims ?? noAims) } } : {}),
  };
}

/** What a ruling did to no-deal values is private: a seat sees its own change only. */
function visibleShift(claim: Claim, viewer: Viewer): Record<SeatId, number> {
  if (viewer === "instructor") return { ...claim.batnaShift };
  const own = claim.batnaShift[viewer];
  return own === undefined ? {} : { [viewer]: own };
}

// Proposals and indicators are copied field by field: views are rebuilt after every move
// (for every seat, and by bots), and a JSON round trip of a long proposal list dominated that.
function copyProposal(p: Proposal): Proposal {
  return {
    ...p,
    to: [...p.to],
    package: {
      options: { ...p.package.options },
      ...(p.package.creative ? { creative: [...p.package.creative] } : {}),
    },
    acceptedBy: [...p.acceptedBy],
    rejectedBy: [...p.rejectedBy],
  };
}

function copyIndicators(indicators: Indicators): Indicators {
  return { trust: { ...indicators.trust }, tension: indicators.tension, legitimacy: { ...indicators.legitimacy } };
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function publicController(controller: Controller | undefined, reveal: boolean): PublicParty["controller"] {
  if (!controller) return { type: "human", name: "" };
  if (controller.type === "human") return controller;
  return reveal ? controller : { type: "bot" };
}

export interface ViewOptions extends ReportOptions {
  /**
   * Hold back an ended table's results from its seats (other tables of the same session
   * still play the scenario, and would learn its secrets through classmates).
   */
  holdResults?: boolean;
  /**
   * Leave out the moves the seat is offered (`moves`): a bot decides from the table, not from
   * that list, and building it for every decision was a large share of a simulated game.
   */
  withoutMoves?: boolean;
}

/**
 * Exactly what `viewer` may see of a table. Every path that leaves the server (messages,
 * the log, HTTP replays and exports) goes through this one function (or `viewsFor`).
 */
export function viewFor(state: GameState, viewer: Viewer, options: ViewOptions = {}): TableView {
  return viewsFor(state, [viewer], options)[0] as TableView;
}

/** What every viewer with the same `revealAll` sees alike: built once for all of them. */
interface CommonParts {
  scenario: TableView["scenario"];
  parties: PublicParty[];
  indicators: Indicators;
  history: TableView["history"];
  mediation: TableView["mediation"];
  arbitration: TableView["arbitration"];
  threats: Threat[];
  groundwork: TableView["groundwork"];
  crisis: TableView["crisis"];
  outcome: Outcome | undefined;
  /** Every proposal, and to whom each is visible (a viewer sees some of them). */
  proposals: Proposal[];
  audiences: SeatId[][];
  scores: () => PartyScore[];
  report: () => TableReport;
}

/**
 * Kept by a caller between calls of `viewsFor` for one table: the copies of log lines whose
 * reason the seats may not see yet (`visibleLine`), and the views last built, which the next
 * ones keep every unchanged part of (`reconcile`).
 *
 * The views and log lists of a kept cache are changed in place by later calls: a view whose
 * state changed only in its log gets the new seq and log, and a list of log lines grows by
 * the lines everyone sees (`visibleLog`). Nothing else in them ever changes. A caller that
 * keeps a view to compare a later one with keeps its seq, its log and the log's length as
 * they were (the server's `sentView`).
 */
export interface ViewCache {
  /** Log lines with a bot's reason, as the seats see them until the game ends: without it. */
  withoutReason: WeakMap<LogEntry, LogEntry>;
  /** What every viewer with the same `revealAll` saw alike last time. */
  common: Map<boolean, CommonParts>;
  /** Each viewer's view, as last built. */
  views: Map<Viewer, TableView>;
  /** Each seat's secrets, as last built, and the no-deal value and scenario they were built for. */
  secrets: Map<SeatId, { batna: number; scenario: GameState["scenario"]; secrets: SeatSecrets }>;
  /** The state each viewer's last view was built from, and how (see `sameButLog`, `visibleLog`). */
  built: Map<Viewer, Built>;
  /** A list of log lines, and the list made from its first lines and lines not everyone sees (see `visibleLog`). */
  forks: WeakMap<readonly LogEntry[], { from: number; added: LogEntry[]; list: LogEntry[] }>;
  /** The public scenario as last built, and what it was built from. */
  scenario?: { source: GameState["scenario"]; key: string; view: TableView["scenario"] };
}

/** What a viewer's last view was built from: the state, whether its results were held or revealed, and how many lines its log had. */
interface Built {
  state: GameState;
  held: boolean;
  revealAll: boolean;
  logLength: number;
}

export function newViewCache(): ViewCache {
  return {
    withoutReason: new WeakMap(),
    common: new Map(),
    views: new Map(),
    secrets: new Map(),
    built: new Map(),
    forks: new WeakMap(),
  };
}

/** The parts of `CommonParts` that are data (kept from call to call). */
const commonData = [
  "scenario",
  "proposals",
  "parties",
  "indicators",
  "history",
  "mediation",
  "arbitration",
  "threats",
  "groundwork",
  "crisis",
  "outcome",
] as const satisfies readonly (keyof CommonParts)[];

/** `c` with every unchanged part kept from the last call's (built once a call, not once a viewer). */
function keepCommon(cache: ViewCache, revealAll: boolean, c: CommonParts): CommonParts {
  const last = cache.common.get(revealAll);
  if (last) {
    const kept = c as unknown as Record<string, unknown>;
    const before = last as unknown as Record<string, unknown>;
    for (const key of commonData) kept[key] = reconcile(before[key], kept[key]);
  }
  cache.common.set(revealAll, c);
  return c;
}

/**
 * The scenario as anyone at the table sees it. It changes only when an option is unlocked, a
 * measure's level changes or an event fires: built again only then (kept in `cache`).
 */
function publicScenario(state: GameState, cache: ViewCache): TableView["scenario"] {
  const s = state.scenario;
  const f = state.families;
  const key = `${f.unlocked.join(",")}|${Object.entries(f.measures).join(";")}|${f.firedEvents.join(",")}`;
  if (cache.scenario?.source === s && cache.scenario.key === key) return cache.scenario.view;
  const view: TableView["scenario"] = {
    id: s.id,
    title: s.title,
    dateContext: s.dateContext,
    summary: s.summary,
    roundLimit: s.rules.roundLimit,
    agreement: s.rules.agreement,
    issues: s.issues.map((issue) => ({
      id: issue.id,
      name: issue.name,
      description: issue.description,
      statusQuo: issue.statusQuo,
      options: issue.options.map((o) => ({ ...o })),
      legal: issue.legal ? { forum: issue.legal.forum, positions: { ...issue.legal.positions } } : undefined,
    })),
    creativeOptions: s.creativeOptions.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      unlocked: f.unlocked.includes(c.id),
      unlock: { trust: c.unlock.trust, after: [...c.unlock.after] },
    })),
    measures: s.measures.map((m) => ({
      id: m.id,
      name: m.name,
      description: m.description,
      by: m.by,
      against: m.against,
      maxLevel: m.maxLevel,
      level: f.measures[m.id] ?? 0,
    })),
    forums: s.forums.map((forum) => ({ ...forum })),
    events: s.events.map((e) => ({ id: e.id, title: e.title, round: e.round, fired: f.firedEvents.includes(e.id) })),
  };
  cache.scenario = { source: s, key, view };
  return view;
}

/**
 * A log line as a viewer sees it. A bot's reasons stay hidden from the seats until the game
 * ends (they reveal its aims): a line with a reason is copied without it, once a game. Every
 * other line is the state's own (a line never changes once written, and views are only read).
 */
function visibleLine(cache: ViewCache, line: LogEntry, revealAll: boolean): LogEntry {
  if (revealAll || line.rationale === undefined) return line;
  let copy = cache.withoutReason.get(line);
  if (!copy) {
    const { rationale: _hidden, ...rest } = line;
    copy = rest;
    cache.withoutReason.set(line, copy);
  }
  return copy;
}

function commonParts(state: GameState, revealAll: boolean, options: ViewOptions, cache: ViewCache): CommonParts {
  const s = state.scenario;
  const f = state.families;
  let scores: PartyScore[] | undefined;
  let report: TableReport | undefined;
  return {
    scenario: publicScenario(state, cache),
    parties: state.seats.map((id) => {
      const party = s.parties.find((p) => p.id === id);
      return {
        id,
        name: party?.name ?? id,
        kind: party?.kind ?? "state",
        publicBrief: party?.publicBrief ?? "",
        controller: publicController(state.controllers[id], revealAll),
        stints: (state.stints[id] ?? []).map((stint) => ({
          controller: publicController(stint.controller, revealAll),
          since: stint.since,
        })),
        acted: state.acted.includes(id),
        walkedAway: state.walkedAway.includes(id),
      };
    }),
    indicators: copyIndicators(state.indicators),
    history: state.history.map((h) => ({ round: h.round, indicators: copyIndicators(h.indicators) })),
    mediation: structuredCopy(f.mediation),
    arbitration: structuredCopy(f.arbitration),
    threats: f.threats.map((t) => ({ ...t })),
    groundwork: { ...f.groundwork },
    crisis: { inCrisis: f.inCrisis, crises: f.crises, threshold: s.rules.crisisThreshold },
    outcome: state.outcome ? structuredCopy(state.outcome) : undefined,
    proposals: state.proposals.map(copyProposal),
    audiences: state.proposals.map((p) => proposalAudience(state, p)),
    scores: () => {
      scores ??= scoreTable(state);
      return scores;
    },
    report: () => {
      report ??= tableReport(state, options);
      return report;
    },
  };
}

/**
 * The views of several viewers of one state, each exactly `viewFor(state, viewer, options)`.
 * What they see alike is built once and the views share it (the same objects). With a
 * `cache` kept for the table, whatever did not change since the last call is the same
 * object as then: read them, send them, but do not change one.
 *
 * When the state differs from the one a seat's last view was built from only in its log
 * (a chat line, most often: see `sameButLog`), the seat's view is its last one, changed in
 * place: its seq, and its log with the new lines. Nothing else is built: a seat's view reads
 * nothing else that changed, and the debrief report in the instructor's view (and in everyone's
 * once the results are out) reads the value changes, not the log, so such a view is changed
 * in place too when its value changes are the same. A live table keeps
 * each view until its next event, about a second: long enough for the collector to move it
 * into the old generation, where a copy per event would be garbage for a full collection.
 */
export function viewsFor(
  state: GameState,
  viewers: readonly Viewer[],
  options: ViewOptions = {},
  cache: ViewCache = newViewCache(),
): TableView[] {
  const common = new Map<boolean, CommonParts>();
  const ended = state.phase === "ended";
  return viewers.map((viewer) => {
    const isInstructor = viewer === "instructor";
    const seat = viewer !== "instructor" && viewer !== "observer" && state.seats.includes(viewer) ? viewer : undefined;
    const held = ended && !isInstructor && options.holdResults === true;
    /** Whether the end's revelations (personas, the bots' reasons, every score) are the viewer's. */
    const revealAll = isInstructor || (ended && !held);
    const last = cache.views.get(viewer);
    const from = cache.built.get(viewer);
    // A view with the debrief report (revealAll) reads the state's value changes as well.
    const onlyLog =
      last &&
      from &&
      from.held === held &&
      from.revealAll === revealAll &&
      sameButLog(from.state, state) &&
      (!revealAll || from.state.valueChanges === state.valueChanges);
    const log = visibleLog(state, viewer, revealAll, from, cache);
    noteBuilt(cache, viewer, { state, held, revealAll, logLength: log.length });
    if (onlyLog) {
      last.seq = state.seq;
      last.log = log;
      return last;
    }
    let c = common.get(revealAll);
    if (!c) {
      c = keepCommon(cache, revealAll, commonParts(state, revealAll, options, cache));
      common.set(revealAll, c);
    }
    // The log is compared by identity only: its lines are the state's own, which reconcile
    // would write into when it kept an equal part of another line at the same place.
    const view = reconcile(
      last,
      oneView(state, viewer, seat, isInstructor, held, revealAll, c, cache, last?.log ?? log, !options.withoutMoves),
    );
    view.log = log;
    cache.views.set(viewer, view);
    return view;
  });
}

/** Records what `viewer`'s view was built from (in the record kept for it: one per viewer, not one per event). */
function noteBuilt(cache: ViewCache, viewer: Viewer, built: Built): void {
  const record = cache.built.get(viewer);
  if (record) Object.assign(record, built);
  else cache.built.set(viewer, built);
}

/**
 * The log lines `viewer` may see. A log only grows from event to event (its lines never
 * change once the event that wrote them is applied), so when the state's log starts with
 * the one the viewer's last view was built from, only the lines added since are looked at
 * (`extendedList`). Anything else (a replay scrubbed back, another branch) builds the list
 * afresh, and a list built afresh that equals another viewer's is that one.
 */
function visibleLog(
  state: GameState,
  viewer: Viewer,
  revealAll: boolean,
  last: Built | undefined,
  cache: ViewCache,
): LogEntry[] {
  const log = state.log;
  const list = cache.views.get(viewer)?.log;
  const source = last?.state.log;
  const from = source?.length ?? 0;
  const entry = (line: LogEntry) => visibleLine(cache, line, revealAll);
  if (
    source &&
    list &&
    last.revealAll === revealAll &&
    from <= log.length &&
    (from === 0 || log[from - 1] === source[from - 1])
  ) {
    const added: LogEntry[] = [];
    let everyone = true;
    for (let i = from; i < log.length; i++) {
      const line = log[i] as LogEntry;
      if (!canSee(line, viewer)) continue;
      added.push(entry(line));
      if (line.visibleTo !== "all") everyone = false;
    }
    return extendedList(list, last.logLength, added, everyone, cache);
  }
  const fresh = log.filter((line) => canSee(line, viewer)).map(entry);
  for (const [other, view] of cache.views) if (other !== viewer && sameItems(view.log, fresh)) return view.log;
  return fresh;
}

/**
 * A viewer's list of log lines after `added`: the first `known` lines of `list` (the viewer's
 * last list, which other viewers may share and have extended since), then `added`.
 *
 * Viewers who see the same lines share one list, and it grows in place by the lines
 * everyone sees (every viewer who shares it sees them too): a chat line costs no list.
 * Lines not everyone sees fork the list: a new list, the same one for every viewer who
 * sees the same lines (`cache.forks`), and the others keep theirs.
 */
function extendedList(
  list: LogEntry[],
  known: number,
  added: LogEntry[],
  everyone: boolean,
  cache: ViewCache,
): LogEntry[] {
  if (list.length === known + added.length && added.every((line, i) => list[known + i] === line)) return list;
  if (list.length === known && everyone) {
    list.push(...added);
    return list;
  }
  const fork = cache.forks.get(list);
  if (fork && fork.from === known && sameItems(fork.added, added)) return fork.list;
  const next = list.slice(0, known);
  next.push(...added);
  cache.forks.set(list, { from: known, added, list: next });
  return next;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function oneView(
  state: GameState,
  viewer: Viewer,
  seat: SeatId | undefined,
  isInstructor: boolean,
  held: boolean,
  revealAll: boolean,
  c: CommonParts,
  cache: ViewCache,
  log: LogEntry[],
  withMoves: boolean,
): TableView {
  const s = state.scenario;
  const f = state.families;

  const revealedToViewer: TableView["revealedToViewer"] = {};
  for (const [owner, readers] of Object.entries(f.revealed)) {
    const issues = isInstructor ? [...new Set(Object.values(readers).flat())] : seat ? (readers[seat] ?? []) : [];
    if (issues.length === 0 || owner === seat) continue;
    const table = s.parties.find((p) => p.id === owner)?.payoffs ?? {};
    revealedToViewer[owner] = Object.fromEntries(issues.map((id) => [id, { ...(table[id] ?? {}) }]));
  }

  const clarifiedMerits: TableView["clarifiedMerits"] = {};
  for (const finding of f.factFindings) {
    if (!finding.agreed || !(isInstructor || (seat && finding.parties.includes(seat)))) continue;
    const merits = s.issues.find((i) => i.id === finding.issueId)?.legal?.merits;
    if (merits) clarifiedMerits[finding.issueId] = { ...merits };
  }

  const view: TableView = {
    viewer,
    scenario: c.scenario,
    parties: c.parties,
    seq: state.seq,
    round: state.round,
    phase: state.phase,
    indicators: c.indicators,
    history: c.history,
    proposals: isInstructor
      ? c.proposals
      : c.proposals.filter((_, i) => seat !== undefined && c.audiences[i]?.includes(seat)),
    claims: f.claims.map((claim) => ({ ...structuredCopy(claim), batnaShift: visibleShift(claim, viewer) })),
    mediation: c.mediation,
    arbitration: c.arbitration,
    threats: c.threats,
    withheld: f.withheld.filter((w) => isInstructor || w.by === seat || w.from === seat).map((w) => ({ ...w })),
    factFindings: f.factFindings
      .filter((x) => isInstructor || x.agreed || (seat !== undefined && x.parties.includes(seat)))
      .map((x) => structuredCopy(x)),
    groundwork: c.groundwork,
    crisis: c.crisis,
    log,
    outcome: c.outcome,
    revealedToViewer,
    clarifiedMerits,
  };
  if (seat) {
    view.me = { seat, ...secretsOf(state, seat, cache) };
    if (withMoves) view.moves = availableMoves(state, seat);
  }
  if (revealAll) {
    view.scores = c.scores();
    view.report = c.report();
  } else if (held) {
    view.resultsHeld = true;
    if (seat) view.scores = c.scores().filter((score) => score.seat === seat);
  }
  if (isInstructor) view.secrets = Object.fromEntries(state.seats.map((id) => [id, secretsOf(state, id, cache)]));
  return view;
}
