import type { LensOverrides, Scenario } from "../scenario/schema.ts";

/** A seat is a party of the scenario, named by its id. */
export type SeatId = string;

/** Who may look: a seat, the instructor (sees everything), or an observer (public only). */
export type Viewer = SeatId | "instructor" | "observer";

export const approaches = ["universal", "competitive", "mediation", "mutualGains", "judicial", "trackTwo"] as const;
export type Approach = (typeof approaches)[number];

/** One option per issue, plus any unlocked creative options. */
export interface Package {
  options: Record<string, string>;
  creative?: string[];
}

export type Framing = "plain" | "anchor" | "ultimatum" | "package";

// ---- Moves: what a seat asks to do -------------------------------------------------------

export type UniversalMove =
  | { kind: "propose"; to: SeatId[]; package: Package; framing?: Framing }
  | { kind: "accept"; proposalId: string }
  | { kind: "reject"; proposalId: string }
  | { kind: "withdraw"; proposalId: string }
  | { kind: "chat"; text: string; to?: SeatId[] }
  | { kind: "pass" }
  | { kind: "walkAway" };

export type CompetitiveMove =
  | { kind: "threaten"; target: SeatId; measureId: string }
  | { kind: "impose"; measureId: string }
  | { kind: "liftMeasure"; measureId: string }
  | { kind: "concede"; proposalId: string; issueId: string; optionId: string }
  | { kind: "withhold"; from: SeatId };

export type MediationMove =
  | { kind: "inviteMediator" }
  | { kind: "acceptMediation" }
  | { kind: "mediatorProposal"; to: SeatId[]; package: Package }
  | { kind: "shuttle"; to: SeatId; text: string }
  | { kind: "consentArbitration" };

export type MutualGainsMove =
  | { kind: "shareInterests"; to: SeatId[]; issueIds: string[] }
  | { kind: "proposeCreative"; creativeId: string }
  | { kind: "jointFactFinding"; with: SeatId; issueId: string };

export type JudicialMove =
  | { kind: "fileClaim"; issueId: string }
  | { kind: "respondToClaim"; claimId: string; consent: boolean }
  | { kind: "comply"; claimId: string }
  | { kind: "defy"; claimId: string };

export type TrackTwoMove =
  | { kind: "confidenceBuilding"; with: SeatId }
  | { kind: "workshop"; with: SeatId[] }
  | { kind: "backChannel"; to: SeatId; text: string };

export type Move = UniversalMove | CompetitiveMove | MediationMove | MutualGainsMove | JudicialMove | TrackTwoMove;
export type MoveKind = Move["kind"];

/** Who controls a seat: the log records changes so a replay can say "a bot took over". */
export type Controller = { type: "human"; name: string } | { type: "bot"; persona: string };

/** One player's time at a seat: who, and from which event on (-1: from the start). */
export interface Stint<C = Controller> {
  controller: C;
  since: number;
}

/** Moves of the table itself: the round clock, the instructor, seat changes. */
export type SystemMove =
  | { kind: "advanceRound" }
  | { kind: "injectEvent"; eventId: string }
  | { kind: "broadcast"; text: string }
  | { kind: "endGame"; reason: string }
  | { kind: "setController"; seat: SeatId; controller: Controller };

// ---- Events: what the log stores -------------------------------------------------------

/**
 * An accepted move, as stored in the append-only log. `seq` numbers the table's events from
 * 0; `apply` derives every consequence (indicators, rulings, round ends) from it.
 */
export type GameEvent = SeatEvent | SystemEvent;
export interface SeatEvent {
  seq: number;
  by: SeatId;
  move: Move;
  /**
   * Why a bot made this move, in plain words, for the debrief. Data on the event, so a
   * replay carries it too; `apply` copies it to the move's log line, and `viewFor` shows it
   * to the instructor always and to the seats only once the game has ended.
   */
  rationale?: string;
}
export interface SystemEvent {
  seq: number;
  by: "system";
  move: SystemMove;
}

export function isSystemEvent(event: GameEvent): event is SystemEvent {
  return event.by === "system";
}

/** A reasoned refusal. `code` names the check that failed; `message` is for the student. */
export interface Rejection {
  code: string;
  message: string;
}

export type Validation = { ok: true; event: GameEvent } | { ok: false; rejection: Rejection };

// ---- State --------------------------------------------------------------------------------

export type ProposalStatus = "open" | "accepted" | "rejected" | "withdrawn" | "superseded" | "expired";

export interface Proposal {
  id: string;
  /** Version within the proposer's line of proposals: a counter or concession is version n+1. */
  version: number;
  by: SeatId;
  to: SeatId[];
  package: Package;
  framing: Framing | "mediator" | "award";
  /** The approach of the move that put it on the table (a concession is competitive). */
  approach: Approach;
  round: number;
  status: ProposalStatus;
  acceptedBy: SeatId[];
  rejectedBy: SeatId[];
  /** The round after which an open proposal expires. */
  expiresAfterRound: number;
}

export type Outcome =
  | { kind: "agreement"; proposalId: string; package: Package; round: number; parties: SeatId[] }
  | { kind: "noAgreement"; reason: "walkout" | "roundLimit" | "ended"; round: number };

export interface Indicators {
  /** Trust per unordered pair, keyed by `pairKey(a, b)`; 0–100. */
  trust: Record<string, number>;
  /** Table tension, 0–100. */
  tension: number;
  /** International standing per seat, 0–100. */
  legitimacy: Record<SeatId, number>;
}

/** A line of the table's history, in plain language, with who may read it. */
export interface LogEntry {
  seq: number;
  round: number;
  by: SeatId | "system";
  kind: MoveKind | SystemMove["kind"] | DerivedKind;
  approach: Approach;
  text: string;
  /** Seats that may read this entry; `"all"` for every seat. The instructor reads all. */
  visibleTo: "all" | SeatId[];
  /** A bot's reason for the move (see `SeatEvent.rationale`); hidden from seats during play. */
  rationale?: string;
}

/** Log lines the engine writes by itself (consequences, not moves). */
export type DerivedKind =
  | "roundStarted"
  | "scriptedEvent"
  | "crisis"
  | "agreement"
  | "gameEnded"
  | "proposalExpired"
  | "ruling"
  | "award"
  | "unlocked"
  | "mediationActive"
  | "arbitrationAgreed"
  | "claimProceeds"
  | "claimLapsed"
  | "offerLapsed"
  | "measureLifted";

/** Per round, the indicators at its end, for trajectories and debrief charts. */
export interface RoundSnapshot {
  round: number;
  indicators: Indicators;
  batna: Record<SeatId, number>;
}

export interface GameState {
  scenario: Scenario;
  seed: number;
  /** The session's overrides of the scenario's lens weights (scoring only; never the play). */
  lenses: LensOverrides;
  /** State of the seeded generator (see random.ts): the only source of chance in a game. */
  rng: number;
  /** Seats at this table, in scenario order. */
  seats: SeatId[];
  /** Number of events applied; the next event's seq. */
  seq: number;
  round: number;
  phase: "playing" | "ended";
  /** Seats that have made their one main move this round (or passed). */
  acted: SeatId[];
  proposals: Proposal[];
  indicators: Indicators;
  /** Current no-deal value per seat, after erosion, escalation damage and rulings. */
  batna: Record<SeatId, number>;
  controllers: Record<SeatId, Controller>;
  /** Everyone who has played each seat, in order: its first controller, then each change (see playedBy). */
  stints: Record<SeatId, Stint[]>;
  walkedAway: SeatId[];
  outcome?: Outcome;
  /** Which moves of each approach each seat played. */
  approachCounts: Record<SeatId, Record<Approach, number>>;
  history: RoundSnapshot[];
  log: LogEntry[];
  /**
   * Every change of a seat's value (its no-deal value, and the jump to the agreement's
   * points when a deal is struck), with its cause: what the scoring calls "what each
   * approach gained". Private: only the instructor and the end-of-game report read it.
   */
  valueChanges: ValueChange[];
  /** Family-specific state; each move family owns its part. */
  families: FamilyState;
}

/** What moved a seat's value: a move's approach, or the table's own dynamics. */
export type ValueCause = Approach | "erosion" | "scriptedEvent" | "crisis";

export interface ValueChange {
  seq: number;
  round: number;
  seat: SeatId;
  /** The seat whose move caused it, or "system" for round-end dynamics and events. */
  by: SeatId | "system";
  cause: ValueCause;
  delta: number;
}

export interface Threat {
  by: SeatId;
  target: SeatId;
  measureId: string;
  round: number;
}

export interface Withholding {
  by: SeatId;
  from: SeatId;
  /** The last round in which it applies. */
  untilRound: number;
}

/** Joint fact-finding on an issue: offered by `parties[0]` to `parties[1]`, agreed when both call it. */
export interface FactFinding {
  issueId: string;
  parties: [SeatId, SeatId];
  round: number;
  agreed: boolean;
}

export interface FamilyState {
  /** Measure id → level currently imposed. */
  measures: Record<string, number>;
  /** Threats made, in order: a measure imposed after a threat is no surprise. */
  threats: Threat[];
  /** owner seat → reader seat → issue ids revealed. */
  revealed: Record<SeatId, Record<SeatId, string[]>>;
  mediation: { invitedBy: SeatId[]; consented: SeatId[] };
  /** Once every state party has consented, the award comes at the end of the round. */
  arbitration: { consented: SeatId[] };
  claims: Claim[];
  /** Creative option ids unlocked so far. */
  unlocked: string[];
  /** Moves of the kinds that can unlock creative options, counted at the table. */
  groundwork: Partial<Record<string, number>>;
  /** Joint fact-finding offered or done; an agreed one on a legal issue clarifies its merits. */
  factFindings: FactFinding[];
  /** Who refuses to share information with whom, until when. */
  withheld: Withholding[];
  /** Scripted event ids that have fired. */
  firedEvents: string[];
  /** Crises so far; `inCrisis` while tension stays above the threshold (one crisis per crossing). */
  crises: number;
  inCrisis: boolean;
}

export interface Claim {
  id: string;
  issueId: string;
  forumId: string;
  claimant: SeatId;
  respondents: SeatId[];
  filedRound: number;
  status: "awaitingConsent" | "pending" | "ruled" | "declined";
  /** While awaiting consent: the round after which silence counts as a refusal. */
  answerByRound?: number;
  /** The round at whose end the forum rules. */
  rulesInRound?: number;
  ruling?: { optionId: string; favours: SeatId; round: number; binding: boolean };
  /** The change the ruling made to each seat's no-deal value (undone for a seat that defies it). */
  batnaShift: Record<SeatId, number>;
  responses: Record<SeatId, "consent" | "refuse">;
  compliance: Record<SeatId, "comply" | "defy">;
}
