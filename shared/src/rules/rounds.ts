import type { ScriptedEvent } from "../scenario/schema.ts";
import { addLog } from "./draft.ts";
import { addLegitimacy, addTension, addTrust } from "./indicators.ts";
import { roundEndHooks } from "./roundHooks.ts";
import type { GameState, Outcome, SeatId } from "./types.ts";

/** Seats still negotiating: not walked away. */
export function activeSeats(state: Pick<GameState, "seats" | "walkedAway">): SeatId[] {
  return state.seats.filter((s) => !state.walkedAway.includes(s));
}

/** True when every active seat has made its main move (or passed) this round. */
export function roundComplete(state: GameState): boolean {
  return activeSeats(state).every((s) => state.acted.includes(s));
}

/** Opens `round`: clears who has acted and fires the scenario's events scheduled for it. */
export function startRound(draft: GameState, round: number, seq: number): void {
  draft.round = round;
  draft.acted = [];
  addLog(draft, {
    seq,
    by: "system",
    kind: "roundStarted",
    approach: "universal",
    text: `Round ${round} of ${draft.scenario.rules.roundLimit} begins.`,
    visibleTo: "all",
  });
  for (const event of draft.scenario.events) {
    if (event.round === round && !draft.families.firedEvents.includes(event.id)) fireScriptedEvent(draft, event, seq);
  }
}

/** Applies a scripted event's effects (at its round, or when the instructor injects it). */
export function fireScriptedEvent(draft: GameState, event: ScriptedEvent, seq: number): void {
  draft.families.firedEvents.push(event.id);
  const { effects } = event;
  addTension(draft, effects.tension);
  if (effects.trust !== 0) {
    for (let i = 0; i < draft.seats.length; i++) {
      for (let j = i + 1; j < draft.seats.length; j++) {
        addTrust(draft, draft.seats[i] as SeatId, draft.seats[j] as SeatId, effects.trust);
      }
    }
  }
  for (const [seat, delta] of Object.entries(effects.batna)) {
    if (seat in draft.batna) draft.batna[seat] = (draft.batna[seat] ?? 0) + delta;
  }
  for (const [seat, delta] of Object.entries(effects.legitimacy)) {
    if (draft.seats.includes(seat)) addLegitimacy(draft, seat, delta);
  }
  addLog(draft, {
    seq,
    by: "system",
    kind: "scriptedEvent",
    approach: "universal",
    text: `${event.title}: ${event.text}`,
    visibleTo: "all",
  });
}

/**
 * Closes the current round: the round-end consequences of every move family (expiry,
 * rulings, awards, erosion), a snapshot for the trajectories, then the next round or, past
 * the round limit, the end of the game.
 */
export function endRound(draft: GameState, seq: number): void {
  for (const hook of roundEndHooks) {
    if (draft.phase === "ended") return;
    hook(draft, seq);
  }
  if (draft.phase === "ended") return;
  snapshot(draft);
  if (draft.round >= draft.scenario.rules.roundLimit) {
    endGame(draft, { kind: "noAgreement", reason: "roundLimit", round: draft.round }, seq);
    return;
  }
  startRound(draft, draft.round + 1, seq);
}

export function snapshot(draft: GameState): void {
  const last = draft.history[draft.history.length - 1];
  const entry = {
    round: draft.round,
    indicators: {
      trust: { ...draft.indicators.trust },
      tension: draft.indicators.tension,
      legitimacy: { ...draft.indicators.legitimacy },
    },
    batna: { ...draft.batna },
  };
  if (last && last.round === draft.round) draft.history[draft.history.length - 1] = entry;
  else draft.history.push(entry);
}

export function endGame(draft: GameState, outcome: Outcome, seq: number): void {
  draft.outcome = outcome;
  draft.phase = "ended";
  for (const proposal of draft.proposals) {
    if (proposal.status === "open") proposal.status = "expired";
  }
  snapshot(draft);
  const text =
    outcome.kind === "agreement"
      ? `Agreement reached in round ${outcome.round}. The game is over.`
      : outcome.reason === "walkout"
        ? "Too few parties remain at the table: the talks have collapsed without agreement."
        : outcome.reason === "roundLimit"
          ? "The round limit is reached without agreement: every party falls back on its alternative."
          : "The game was ended without agreement.";
  addLog(draft, { seq, by: "system", kind: "gameEnded", approach: "universal", text, visibleTo: "all" });
}
