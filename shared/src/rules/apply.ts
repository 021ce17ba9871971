import { reconcile } from "../data/reconcile.ts";
import { checkCrisis } from "./crisis.ts";
import { addLog, draftOf } from "./draft.ts";
import { approachOf, moveRules } from "./moveRules.ts";
import { seatName } from "./names.ts";
import { endGame, endRound, fireScriptedEvent, roundComplete } from "./rounds.ts";
import {
  type GameEvent,
  type GameState,
  isSystemEvent,
  type Move,
  type SeatEvent,
  type SeatId,
  type SystemMove,
} from "./types.ts";

/**
 * Folds one accepted event into the state and returns the new state; the input is not
 * changed. Deterministic: randomness comes from `state.rng`. Events must come from
 * `validate`/`validateSystem` (or a stored log of them).
 *
 * Every part the event left as it was is the input's own object in the new state (the
 * draft's copies are dropped again). So whoever reads states can tell by identity what an
 * event changed (a chat line usually changes the log alone: `sameButLog`), and a live
 * table keeps only what changed (its states live about a second each, long enough for the
 * collector to move every copy into the old generation).
 */
export function apply(state: GameState, event: GameEvent): GameState {
  if (event.seq !== state.seq) throw new Error(`Event ${event.seq} applied out of order (expected ${state.seq})`);
  const draft = draftOf(state);
  draft.seq = state.seq + 1;
  if (isSystemEvent(event)) applySystem(draft, event.move, event.seq);
  else {
    const firstLine = draft.log.length;
    applyMove(draft, event.by, (event as SeatEvent).move, event.seq);
    attachRationale(draft, event as SeatEvent, firstLine);
  }
  return reconcile(state, draft);
}

/** Parts of a state that no rule reads: the rest decides every move's legality and every view but the instructor's. */
const unreadByRules = new Set<string>(["seq", "log", "valueChanges"]);

/**
 * Whether `b` differs from `a` at most in its log, its seq and its value changes (every
 * other part is the same object or value): what a chat line, for one, changes. Parts that
 * merely look alike do not count; `apply` keeps unchanged parts as the same objects.
 */
export function sameButLog(a: GameState, b: GameState): boolean {
  if (a === b) return true;
  const before = a as unknown as Record<string, unknown>;
  const after = b as unknown as Record<string, unknown>;
  let keys = 0;
  for (const key in after) {
    keys++;
    if (after[key] !== before[key] && !unreadByRules.has(key)) return false;
  }
  return keys === Object.keys(before).length;
}

/**
 * A bot's reason goes on the first log line its move wrote (a new object: past entries are
 * shared). Only a bot's moves carry one: botMovesOf counts them by it.
 */
function attachRationale(draft: GameState, event: SeatEvent, firstLine: number): void {
  if (event.rationale === undefined) return;
  const index = draft.log.findIndex((entry, i) => i >= firstLine && entry.by === event.by && entry.seq === event.seq);
  const entry = draft.log[index];
  if (entry) draft.log[index] = { ...entry, rationale: event.rationale };
}

function applyMove(draft: GameState, seat: SeatId, move: Move, seq: number): void {
  const rule = moveRules[move.kind];
  if (!rule) throw new Error(`No rule for move '${move.kind}'`);
  const counts = draft.approachCounts[seat];
  if (counts && move.kind !== "chat" && move.kind !== "pass") counts[approachOf(move)] += 1;
  rule.apply(draft, seat, move, seq);
  checkCrisis(draft, seq);
  if (draft.phase === "ended") return;
  if (rule.main && !draft.acted.includes(seat)) draft.acted.push(seat);
  if (roundComplete(draft)) endRound(draft, seq);
}

function applySystem(draft: GameState, move: SystemMove, seq: number): void {
  switch (move.kind) {
    case "advanceRound":
      endRound(draft, seq);
      return;
    case "injectEvent": {
      const event = draft.scenario.events.find((e) => e.id === move.eventId);
      if (event) fireScriptedEvent(draft, event, seq);
      checkCrisis(draft, seq);
      return;
    }
    case "broadcast":
      addLog(draft, { seq, by: "system", kind: "broadcast", approach: "universal", text: move.text, visibleTo: "all" });
      return;
    case "endGame":
      endGame(draft, { kind: "noAgreement", reason: "ended", round: draft.round }, seq);
      return;
    case "setController": {
      draft.controllers[move.seat] = move.controller;
      // A new record and list: the state's own are shared with the input (see draftOf).
      draft.stints = {
        ...draft.stints,
        [move.seat]: [...(draft.stints[move.seat] ?? []), { controller: move.controller, since: seq }],
      };
      const who = move.controller.type === "bot" ? "A bot" : move.controller.name || "A player";
      addLog(draft, {
        seq,
        by: "system",
        kind: "setController",
        approach: "universal",
        text: `${who} now plays ${seatName(draft, move.seat)}.`,
        visibleTo: "all",
      });
      return;
    }
  }
}

/** Folds a whole event log from the initial state: a replay is the same fold as live play. */
export function replay(initial: GameState, events: readonly GameEvent[]): GameState {
  let state = initial;
  for (const event of events) state = apply(state, event);
  return state;
}

/**
 * Folds a stored log as far as these rules can: the state after the last event they could
 * apply, and the first one they could not (an event accepted under other rules, see
 * RULES_VERSION), if any; `onStep` sees the state after each event applied, with its place
 * in `events`. Every fold of a stored log goes through here (replays, the debrief,
 * summaries, a table resuming), so each says the same about a log it cannot fold to its end.
 */
export function foldStored(
  initial: GameState,
  events: readonly GameEvent[],
  onStep?: (state: GameState, index: number) => void,
): { state: GameState; unfoldable?: { seq: number; error: unknown } } {
  let state = initial;
  for (const [index, event] of events.entries()) {
    try {
      state = apply(state, event);
    } catch (error) {
      return { state, unfoldable: { seq: event.seq, error } };
    }
    onStep?.(state, index);
  }
  return { state };
}
