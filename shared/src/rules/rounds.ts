import type { ScriptedEvent } from "../scenario/schema.ts";
import { packagePoints } from "../scoring/points.ts";
import { checkCrisis } from "./crisis.ts";
import { addLog } from "./draft.ts";
import { addLegitimacy, addTension, addTrustAmong } from "./indicators.ts";
import { roundEndHooks } from "./roundHooks.ts";
import { activeSeats } from "./seats.ts";
import type { Approach, GameState, Outcome } from "./types.ts";
import { changeBatna, recordValueChange } from "./value.ts";

export { activeSeats } from "./seats.ts";

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
  addTrustAmong(draft, draft.seats, effects.trust);
  for (const [seat, delta] of Object.entries(effects.batna)) {
    changeBatna(draft, seat, delta, "scriptedEvent", "system", seq);
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
  checkCrisis(draft, seq);
  snapshot(draft);
  if (draft.round >= draft.scenario.rules.roundLimit) {
    endGame(draft, { kind: "noAgreement", reason: "roundLimit", round: draft.round }, seq);
    return;
  }
  startRound(draft, draft.round + 1, seq);
  // The new round's scripted events can take tension over the threshold too.
  checkCrisis(draft, seq);
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
  if (outcome.kind === "agreement") recordAgreementValue(draft, outcome, seq);
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

/**
 * The agreement replaces each bound party's no-deal value by the package's points. The jump
 * is credited to the approach of the move that put the package on the table, except the
 * creative options' bonuses, which mutual gains earned.
 */
function recordAgreementValue(draft: GameState, outcome: Extract<Outcome, { kind: "agreement" }>, seq: number): void {
  const proposal = draft.proposals.find((p) => p.id === outcome.proposalId);
  const approach: Approach = proposal?.approach ?? "universal";
  const by = proposal?.by ?? "system";
  for (const seat of outcome.parties) {
    const total = packagePoints(draft.scenario, seat, outcome.package);
    const creative = packagePoints(draft.scenario, seat, { options: {}, creative: outcome.package.creative ?? [] });
    recordValueChange(draft, seat, total - creative - (draft.batna[seat] ?? 0), approach, by, seq);
    recordValueChange(draft, seat, creative, "mutualGains", by, seq);
  }
}
