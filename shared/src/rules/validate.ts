import type { Check, MoveRule } from "./moveRule.ts";
import { moveRules } from "./moveRules.ts";
import type {
  Approach,
  GameEvent,
  GameState,
  Move,
  MoveKind,
  Rejection,
  SeatId,
  SystemMove,
  Validation,
} from "./types.ts";

const reject = (code: string, message: string): Validation => ({ ok: false, rejection: { code, message } });

/** The first entry a list argument of the move (addressees, participants, issues) repeats. */
function repeatedEntry(move: Move): string | undefined {
  // Checked for every kind of move of every seat after every event (availableMoves): no lists made.
  for (const key in move) {
    const list = (move as Record<string, unknown>)[key];
    if (!Array.isArray(list) || list.length < 2) continue;
    const seen = new Set<unknown>();
    for (const entry of list) {
      if (seen.has(entry)) return String(entry);
      seen.add(entry);
    }
  }
  return undefined;
}

/** Checks every move passes, whatever its kind. */
const commonChecks: Check[] = [
  { code: "GameOver", test: (state) => (state.phase === "ended" ? "The game is over." : null) },
  {
    code: "NotASeat",
    test: (state, seat) => (state.seats.includes(seat) ? null : `'${seat}' is not a seat at this table.`),
  },
  {
    code: "WalkedAway",
    test: (state, seat) => (state.walkedAway.includes(seat) ? "You have walked away from the table." : null),
  },
  {
    // A repeat would count its effect again: an anchor to the same seat eight times costs eight times the trust.
    code: "NamedTwice",
    test: (_state, _seat, move) => {
      const repeated = repeatedEntry(move);
      return repeated === undefined ? null : `'${repeated}' is named more than once; name each only once.`;
    },
  },
];

const alreadyActed: Check = {
  code: "AlreadyActed",
  test: (state, seat) =>
    state.acted.includes(seat)
      ? "You have already made your move this round. You can still chat and answer proposals while the others move."
      : null,
};

const preconditionChecks = new WeakMap<MoveRule, Check[]>();
const availabilityChecks = new WeakMap<MoveRule, Check[]>();

/** The move's own preconditions come before "already acted": who may ever make a move matters more. */
function preconditionsOf(rule: MoveRule, forAvailability = false): Check[] {
  // Rules are fixed: each list is made once (availableMoves asks for every rule after every event).
  const known = (forAvailability ? availabilityChecks : preconditionChecks).get(rule);
  if (known) return known;
  const checks = [
    ...commonChecks,
    ...(rule.preconditions ?? []),
    ...(forAvailability ? (rule.availability ?? []) : []),
    ...(rule.main ? [alreadyActed] : []),
  ];
  (forAvailability ? availabilityChecks : preconditionChecks).set(rule, checks);
  return checks;
}

export interface MoveAvailability {
  kind: MoveKind;
  approach: Approach;
  summary: string;
  main: boolean;
  available: boolean;
  /** Why the move is unavailable now, for the student. */
  reason?: string;
}

/**
 * Which moves a seat can make now, with the reason for each one it cannot. Arguments are
 * checked when the move is made; this only runs the argument-free preconditions.
 */
export function availableMoves(state: GameState, seat: SeatId): MoveAvailability[] {
  const out: MoveAvailability[] = [];
  for (const rule of Object.values(moveRules)) {
    if (!rule) continue;
    let reason: string | undefined;
    // Preconditions never read the move's arguments, so a bare move of the kind suffices.
    const bare = { kind: rule.kind } as Move;
    for (const c of preconditionsOf(rule, true)) {
      const message = c.test(state, seat, bare);
      if (message !== null) {
        reason = message;
        break;
      }
    }
    if (reason === undefined && rule.candidates) reason = noCandidate(rule as MoveRule, state, seat);
    out.push(availability(rule, reason));
  }
  return out;
}

/** Why none of the arguments a seat could choose now passes the move's checks, or undefined if one does. */
function noCandidate(rule: MoveRule, state: GameState, seat: SeatId): string | undefined {
  let first: string | undefined;
  for (const move of rule.candidates?.of(state, seat) ?? []) {
    let refusal: string | null = null;
    for (const c of rule.checks) {
      refusal = c.test(state, seat, move);
      if (refusal !== null) break;
    }
    if (refusal === null) return undefined;
    first ??= refusal;
  }
  return rule.candidates?.none ?? first ?? "There is nothing to choose for this move now.";
}

/**
 * A move's availability depends on its rule and the reason only: each is made once and
 * shared (frozen), so a seat's list after an event is mostly the same objects as before,
 * which views keep and send by identity. At most `maxReasons` per rule are kept.
 */
const availabilities = new WeakMap<object, Map<string, MoveAvailability>>();
const maxReasons = 200;
function availability(rule: (typeof moveRules)[MoveKind], reason: string | undefined): MoveAvailability {
  let known = availabilities.get(rule);
  if (!known) {
    known = new Map();
    availabilities.set(rule, known);
  }
  // No message is the string "\0" (a reason is a sentence for the student).
  const key = reason ?? "\0";
  let made = known.get(key);
  if (!made) {
    made = Object.freeze({
      kind: rule.kind,
      approach: rule.approach,
      summary: rule.summary,
      main: rule.main,
      available: reason === undefined,
      ...(reason === undefined ? {} : { reason }),
    });
    if (known.size >= maxReasons) known.clear();
    known.set(key, made);
  }
  return made;
}

/**
 * Decides whether `seat` may make `move` now. Returns the event to append, or a rejection
 * naming the rule that failed with a message for the student. Never changes the state.
 */
export function validate(state: GameState, seat: SeatId, move: Move): Validation {
  const rule = moveRules[move.kind];
  if (!rule) return reject("UnknownMove", `'${String(move.kind)}' is not a move of this game.`);
  const checks = [...preconditionsOf(rule), ...rule.checks];
  for (const c of checks) {
    const message = c.test(state, seat, move);
    if (message !== null) return reject(c.code, message);
  }
  const event: GameEvent = { seq: state.seq, by: seat, move };
  return { ok: true, event };
}

/** The reason a move is unavailable to a seat, or null when it passes every check. */
export function whyNot(state: GameState, seat: SeatId, move: Move): Rejection | null {
  const result = validate(state, seat, move);
  return result.ok ? null : result.rejection;
}

/** Validates a move of the table itself (timer, instructor). */
export function validateSystem(state: GameState, move: SystemMove): Validation {
  if (state.phase === "ended" && move.kind !== "setController" && move.kind !== "broadcast") {
    return reject("GameOver", "The game is over.");
  }
  switch (move.kind) {
    case "injectEvent":
      if (!state.scenario.events.some((e) => e.id === move.eventId)) {
        return reject("UnknownEvent", `'${move.eventId}' is not an event of this scenario.`);
      }
      if (state.families.firedEvents.includes(move.eventId)) {
        return reject("EventAlreadyFired", "This event has already happened at this table.");
      }
      break;
    case "setController":
      if (!state.seats.includes(move.seat)) return reject("NotASeat", `'${move.seat}' is not a seat at this table.`);
      break;
    case "broadcast":
      if (move.text.trim().length === 0) return reject("EmptyMessage", "Write something to send.");
      break;
    default:
      break;
  }
  return { ok: true, event: { seq: state.seq, by: "system", move } };
}
