import {
  apply,
  availableMoves,
  type GameEvent,
  type GameState,
  initialState,
  type Move,
  type MoveKind,
  nextRandom,
  type Package,
  type Scenario,
  type SeatId,
  type SystemMove,
  seedToRng,
  type TableView,
  validate,
  validateSystem,
} from "@parley/shared";

/** Where random choices come from: fast-check's numbers (shrinkable) or a seeded generator. */
export interface Chooser {
  /** An integer in [0, n). */
  int(n: number): number;
}

export function seededChooser(seed: number): Chooser {
  let rng = seedToRng(seed);
  return {
    int(n) {
      const [value, next] = nextRandom(rng);
      rng = next;
      return Math.floor(value * n);
    },
  };
}

/** Takes numbers from a list in turn (fast-check shrinks the list), then from a seeded generator. */
export function listChooser(numbers: number[], seed = 0): Chooser {
  let i = 0;
  const rest = seededChooser(seed);
  return { int: (n) => (n <= 0 ? 0 : i < numbers.length ? (numbers[i++] ?? 0) % n : rest.int(n)) };
}

const pick = <T>(c: Chooser, items: readonly T[]): T | undefined => items[c.int(items.length)];

function subset<T>(c: Chooser, items: readonly T[], min = 1): T[] {
  const chosen = items.filter(() => c.int(2) === 1);
  if (chosen.length >= min) return chosen;
  return items.slice(0, Math.min(items.length, min));
}

/**
 * What a random move needs to know of a table: the same whether it comes from the full
 * state (property tests) or from one seat's view (clients of a real server).
 */
export interface MoveContext {
  seats: readonly SeatId[];
  walkedAway: readonly SeatId[];
  states: readonly SeatId[];
  proposals: readonly { id: string; by: SeatId; to: readonly SeatId[] }[];
  measures: readonly { id: string; against: SeatId }[];
  issues: readonly { id: string; options: readonly { id: string }[]; legal?: unknown }[];
  creativeOptions: readonly { id: string }[];
  claims: readonly { id: string; issueId: string; ruling?: { binding: boolean; optionId: string } }[];
  unlocked: readonly string[];
}

export function contextOfState(state: GameState): MoveContext {
  return {
    seats: state.seats,
    walkedAway: state.walkedAway,
    states: state.scenario.parties.filter((p) => p.kind === "state").map((p) => p.id),
    proposals: state.proposals,
    measures: state.scenario.measures,
    issues: state.scenario.issues,
    creativeOptions: state.scenario.creativeOptions,
    claims: state.families.claims,
    unlocked: state.families.unlocked,
  };
}

/** A seat's view holds all a random move needs: what a client of the server can build moves from. */
export function contextOfView(view: TableView): MoveContext {
  return {
    seats: view.parties.map((p) => p.id),
    walkedAway: view.parties.filter((p) => p.walkedAway).map((p) => p.id),
    states: view.parties.filter((p) => p.kind === "state").map((p) => p.id),
    proposals: view.proposals,
    measures: view.scenario.measures,
    issues: view.scenario.issues,
    creativeOptions: view.scenario.creativeOptions,
    claims: view.claims,
    unlocked: view.scenario.creativeOptions.filter((c) => c.unlocked).map((c) => c.id),
  };
}

function randomPackage(c: Chooser, table: MoveContext): Package {
  const options: Record<string, string> = {};
  for (const issue of table.issues) {
    // Mostly keep a binding ruling, so that packages are often legal.
    const ruled = table.claims.find((x) => x.issueId === issue.id && x.ruling?.binding)?.ruling?.optionId;
    options[issue.id] = ruled && c.int(4) > 0 ? ruled : (pick(c, issue.options)?.id ?? "");
  }
  return { options, creative: subset(c, table.unlocked, 0) };
}

const others = (table: MoveContext, seat: SeatId) =>
  table.seats.filter((s) => s !== seat && !table.walkedAway.includes(s));

/** A move of the given kind with random (often but not always legal) arguments. */
export function randomMove(c: Chooser, state: GameState, seat: SeatId, kind: MoveKind): Move {
  return randomMoveIn(c, contextOfState(state), seat, kind);
}

/** The same from what a seat knows (see `contextOfView`). */
export function randomMoveIn(c: Chooser, table: MoveContext, seat: SeatId, kind: MoveKind): Move {
  const states = others(table, seat).filter((s) => table.states.includes(s));
  const anyone = others(table, seat);
  const proposals = table.proposals;
  const own = proposals.filter((p) => p.by === seat);
  const toMe = proposals.filter((p) => p.to.includes(seat));
  const measures = table.measures;
  const issues = table.issues;
  const claims = table.claims;
  const id = (x: { id: string } | undefined) => x?.id ?? "none";
  switch (kind) {
    case "propose":
      return {
        kind,
        to: subset(c, states),
        package: randomPackage(c, table),
        framing: pick(c, ["plain", "anchor", "ultimatum", "package"] as const),
      };
    case "accept":
    case "reject":
      return { kind, proposalId: id(pick(c, toMe)) };
    case "withdraw":
      return { kind, proposalId: id(pick(c, own)) };
    case "chat":
      return c.int(2) ? { kind, text: "Shall we talk?" } : { kind, text: "Just us.", to: subset(c, anyone) };
    case "pass":
    case "walkAway":
    case "inviteMediator":
    case "acceptMediation":
    case "consentArbitration":
      return { kind };
    case "threaten": {
      const m = pick(c, measures);
      return { kind, measureId: id(m), target: c.int(5) ? (m?.against ?? "none") : (pick(c, anyone) ?? "none") };
    }
    case "impose":
    case "liftMeasure":
      return { kind, measureId: id(pick(c, measures)) };
    case "concede": {
      const issue = pick(c, issues);
      return { kind, proposalId: id(pick(c, own)), issueId: id(issue), optionId: id(pick(c, issue?.options ?? [])) };
    }
    case "withhold":
      return { kind, from: pick(c, anyone) ?? "none" };
    case "mediatorProposal":
      return {
        kind,
        to: subset(
          c,
          table.seats.filter((s) => table.states.includes(s)),
          2,
        ),
        package: randomPackage(c, table),
      };
    case "shuttle":
      return { kind, to: pick(c, states) ?? "none", text: "A private word." };
    case "shareInterests":
      return { kind, to: subset(c, anyone), issueIds: subset(c, issues).map((i) => i.id) };
    case "proposeCreative":
      return { kind, creativeId: id(pick(c, table.creativeOptions)) };
    case "jointFactFinding":
      return { kind, with: pick(c, states) ?? "none", issueId: id(pick(c, issues)) };
    case "fileClaim":
      return {
        kind,
        issueId: id(
          pick(c, issues.filter((i) => i.legal).length > 0 && c.int(5) ? issues.filter((i) => i.legal) : issues),
        ),
      };
    case "respondToClaim":
      return { kind, claimId: id(pick(c, claims)), consent: c.int(2) === 1 };
    case "comply":
    case "defy":
      return { kind, claimId: id(pick(c, claims)) };
    case "confidenceBuilding":
      return { kind, with: pick(c, states) ?? "none" };
    case "workshop":
      return { kind, with: subset(c, anyone) };
    case "backChannel":
      return { kind, to: pick(c, anyone) ?? "none", text: "Off the record." };
  }
}

/** How often each kind is tried: walking away ends games, so it is rare. */
const weight = (kind: MoveKind): number => (kind === "walkAway" ? 1 : kind === "pass" ? 6 : 10);

/** One of the available kinds, weighted as random games weigh them. */
export function randomKind<T extends { kind: MoveKind }>(c: Chooser, open: T[]): T | undefined {
  return weightedPick(
    c,
    open,
    open.reduce((sum, m) => sum + weight(m.kind), 0),
  );
}

function weightedPick<T extends { kind: MoveKind }>(c: Chooser, items: T[], total: number): T | undefined {
  let roll = c.int(Math.max(1, total));
  for (const item of items) {
    roll -= weight(item.kind);
    if (roll < 0) return item;
  }
  return items[0];
}

export interface Step {
  event: GameEvent;
  before: GameState;
  after: GameState;
}

export interface PlayOptions {
  maxEvents?: number;
  /** Called after each event (invariants), and for each move refused although its kind was available. */
  onStep?: (step: Step) => void;
  /** Called for a move whose kind `availableMoves` marked unavailable: it must be refused. */
  onUnavailable?: (state: GameState, seat: SeatId, move: Move, accepted: boolean) => void;
}

export interface PlayedGame {
  initial: GameState;
  events: GameEvent[];
  final: GameState;
}

function systemMove(c: Chooser, state: GameState): SystemMove {
  const unfired = state.scenario.events.filter((e) => !state.families.firedEvents.includes(e.id));
  const roll = c.int(10);
  if (roll === 0 && unfired.length > 0) return { kind: "injectEvent", eventId: id(pick(c, unfired)) };
  if (roll === 1) return { kind: "broadcast", text: "Five minutes left in this round." };
  return { kind: "advanceRound" };
}
const id = (x: { id: string } | undefined) => x?.id ?? "none";

/**
 * Plays a bot-free random game: each step a random active seat tries a random kind of move
 * with random arguments (a few tries), or the table's clock moves on. Only validated events
 * are applied, so the sequence is legal by construction.
 */
export function playRandomGame(scenario: Scenario, seed: number, c: Chooser, options: PlayOptions = {}): PlayedGame {
  const initial = initialState(scenario, seed);
  let state = initial;
  const events: GameEvent[] = [];
  const maxEvents = options.maxEvents ?? 200;
  const commit = (event: GameEvent) => {
    const before = state;
    state = apply(state, event);
    events.push(event);
    options.onStep?.({ event, before, after: state });
  };
  while (state.phase === "playing" && events.length < maxEvents) {
    const active = state.seats.filter((s) => !state.walkedAway.includes(s));
    if (c.int(12) === 0 || active.length === 0) {
      const result = validateSystem(state, systemMove(c, state));
      if (result.ok) commit(result.event);
      continue;
    }
    const seat = pick(c, active) ?? "";
    const moves = availableMoves(state, seat);
    if (options.onUnavailable) {
      const blocked = pick(
        c,
        moves.filter((m) => !m.available),
      );
      if (blocked) {
        const move = randomMove(c, state, seat, blocked.kind);
        options.onUnavailable(state, seat, move, validate(state, seat, move).ok);
      }
    }
    const open = moves.filter((m) => m.available);
    const total = open.reduce((sum, m) => sum + weight(m.kind), 0);
    const chosen = weightedPick(c, open, total);
    if (!chosen) continue;
    let committed = false;
    for (let attempt = 0; attempt < 4 && !committed; attempt++) {
      const result = validate(state, seat, randomMove(c, state, seat, chosen.kind));
      if (result.ok) {
        commit(result.event);
        committed = true;
      }
    }
    if (!committed && !state.acted.includes(seat)) {
      const result = validate(state, seat, { kind: "pass" });
      if (result.ok) commit(result.event);
    }
  }
  return { initial, events, final: state };
}
