import { pairKey } from "../rules/indicators.ts";
import { bindingRulingsOf } from "../rules/rulings.ts";
import type { LogEntry, Package, Proposal, SeatId } from "../rules/types.ts";
import type { PublicParty, TableView } from "../view/viewFor.ts";
import { viewPoints } from "../view/viewPoints.ts";
import type { SeatKind } from "./personas.ts";

/** A move by another seat that pressed the viewer (threat, measure, anchor, ultimatum, withholding). */
export interface Pressure {
  by: SeatId;
  round: number;
  seq: number;
  kind: LogEntry["kind"];
}

/**
 * What a bot knows, read from its seat's view and nothing else: the table at a glance, in
 * the terms the decision procedure uses.
 */
export interface Situation {
  view: TableView;
  me: SeatId;
  kind: SeatKind;
  round: number;
  roundLimit: number;
  /** Time from 0 (first round) to 1 (last round). */
  time: number;
  lastRound: boolean;
  acted: boolean;
  /** Other states still at the table. */
  counterparts: SeatId[];
  /** Every state still at the table (the viewer included, when a state). */
  states: SeatId[];
  mediators: SeatId[];
  myOpenProposal?: Proposal;
  /** Proposals addressed to the viewer, open and not yet answered by it. */
  awaitingAnswer: Proposal[];
  /** Options fixed by binding rulings: every package must keep them. */
  fixed: Record<string, string>;
  /** Unlocked creative options. */
  unlocked: string[];
  mediationActive: boolean;
}

export function partyOf(view: TableView, seat: SeatId): PublicParty | undefined {
  return view.parties.find((p) => p.id === seat);
}

export function trustWith(view: TableView, a: SeatId, b: SeatId): number {
  return view.indicators.trust[pairKey(a, b)] ?? 50;
}

/** Mean trust between `seat` and `others` (50 when there is nobody). */
export function meanTrustWith(view: TableView, seat: SeatId, others: readonly SeatId[]): number {
  if (others.length === 0) return 50;
  return others.reduce((sum, s) => sum + trustWith(view, seat, s), 0) / others.length;
}

export function readSituation(view: TableView): Situation | undefined {
  const me = view.me?.seat;
  if (!me || view.phase === "ended") return undefined;
  const self = partyOf(view, me);
  if (!self || self.walkedAway) return undefined;
  const states = view.parties.filter((p) => p.kind === "state" && !p.walkedAway).map((p) => p.id);
  const mediators = view.parties.filter((p) => p.kind === "mediator" && !p.walkedAway).map((p) => p.id);
  const roundLimit = Math.max(1, view.scenario.roundLimit);
  const fixed = Object.fromEntries(bindingRulingsOf(view.claims).map((r) => [r.issueId, r.optionId]));
  return {
    view,
    me,
    kind: self.kind,
    round: view.round,
    roundLimit,
    time: roundLimit <= 1 ? 1 : Math.min(1, Math.max(0, (view.round - 1) / (roundLimit - 1))),
    lastRound: view.round >= roundLimit,
    acted: self.acted,
    counterparts: states.filter((s) => s !== me),
    states,
    mediators,
    myOpenProposal: view.proposals.find((p) => p.by === me && p.status === "open"),
    awaitingAnswer: view.proposals.filter(
      (p) => p.status === "open" && p.to.includes(me) && !p.acceptedBy.includes(me) && !p.rejectedBy.includes(me),
    ),
    fixed,
    unlocked: view.scenario.creativeOptions.filter((c) => c.unlocked).map((c) => c.id),
    mediationActive:
      mediators.length > 0 &&
      view.mediation.invitedBy.length > 0 &&
      states.every((s) => view.mediation.consented.includes(s)),
  };
}

const pressingKinds = new Set<LogEntry["kind"]>(["threaten", "impose", "withhold"]);

/**
 * The moves of other states that pressed the viewer, oldest first: threats and measures
 * aimed at it, anchors and ultimatums addressed to it, information withheld from it.
 */
export function pressuresOn(situation: Situation): Pressure[] {
  const { view, me } = situation;
  const out: Pressure[] = [];
  for (const entry of view.log) {
    if (entry.by === "system" || entry.by === me || !situation.states.includes(entry.by)) continue;
    if (entry.approach !== "competitive") continue;
    let aimed = false;
    if (entry.kind === "propose")
      aimed = true; // anchors and ultimatums the viewer can read were addressed to it
    else if (entry.kind === "threaten") aimed = view.threats.some((t) => t.by === entry.by && t.target === me);
    else if (entry.kind === "impose") aimed = view.scenario.measures.some((m) => m.by === entry.by && m.against === me);
    else if (entry.kind === "withhold")
      aimed = situation.states.length === 2 || view.withheld.some((w) => w.by === entry.by && w.from === me);
    else aimed = false;
    if (aimed && (entry.kind === "propose" || pressingKinds.has(entry.kind))) {
      out.push({ by: entry.by, round: entry.round, seq: entry.seq, kind: entry.kind });
    }
  }
  return out;
}

/** The last main move each other state made, read from the log (the approach it chose). */
export function lastMoveBy(view: TableView, seat: SeatId): LogEntry | undefined {
  for (let i = view.log.length - 1; i >= 0; i--) {
    const entry = view.log[i];
    if (entry && entry.by === seat && mainKinds.has(entry.kind)) return entry;
  }
  return undefined;
}

const mainKinds = new Set<LogEntry["kind"]>([
  "propose",
  "threaten",
  "impose",
  "liftMeasure",
  "concede",
  "withhold",
  "inviteMediator",
  "mediatorProposal",
  "shuttle",
  "shareInterests",
  "proposeCreative",
  "jointFactFinding",
  "fileClaim",
  "confidenceBuilding",
  "workshop",
  "backChannel",
  "pass",
]);

/** The seats the viewer has shared its interests with, from its own log lines. */
export function sharedWith(situation: Situation): Set<SeatId> {
  const out = new Set<SeatId>();
  for (const entry of situation.view.log) {
    if (entry.by !== situation.me || entry.kind !== "shareInterests" || entry.visibleTo === "all") continue;
    for (const seat of entry.visibleTo) if (seat !== situation.me) out.add(seat);
  }
  return out;
}

/** The proposals another seat addressed to the viewer, oldest first (whatever became of them). */
export function offersFrom(situation: Situation, seat: SeatId): Proposal[] {
  return situation.view.proposals.filter((p) => p.by === seat && p.to.includes(situation.me));
}

/** The viewer's points for a package. */
export function pointsOf(situation: Situation, pkg: Package): number {
  return viewPoints(situation.view, pkg);
}

/** Whether the viewer has made this move (kind) at this table already, from its own log lines. */
export function hasDone(situation: Situation, kind: LogEntry["kind"]): boolean {
  return situation.view.log.some((e) => e.by === situation.me && e.kind === kind);
}

/** A seat's name, for messages. */
export function nameOf(view: TableView, seat: SeatId): string {
  return partyOf(view, seat)?.name ?? seat;
}

/** "China's", "the United States'". */
export function possessive(view: TableView, seat: SeatId): string {
  const name = nameOf(view, seat);
  return name.endsWith("s") ? `${name}'` : `${name}'s`;
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
