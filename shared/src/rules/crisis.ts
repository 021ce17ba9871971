import { addLog } from "./draft.ts";
import { addTrustAmong } from "./indicators.ts";
import { magnitude } from "./magnitudes.ts";
import { isDealParty } from "./names.ts";
import type { GameState } from "./types.ts";
import { changeBatna } from "./value.ts";

/** True when tension is above the scenario's crisis threshold. */
export function aboveCrisisThreshold(state: Pick<GameState, "scenario" | "indicators">): boolean {
  return state.indicators.tension > state.scenario.rules.crisisThreshold;
}

/**
 * Run after every event: when tension crosses above the threshold, a crisis breaks out once
 * (every state's BATNA and every pair's trust fall); it can break out again only after
 * tension has come back down to the threshold.
 */
export function checkCrisis(draft: GameState, seq: number): void {
  const above = aboveCrisisThreshold(draft);
  if (!above) {
    draft.families.inCrisis = false;
    return;
  }
  if (draft.families.inCrisis || draft.phase === "ended") return;
  draft.families.inCrisis = true;
  draft.families.crises += 1;
  const effect = magnitude(draft, "crisis");
  for (const seat of draft.seats) {
    if (isDealParty(draft, seat)) changeBatna(draft, seat, effect.batna, "crisis", "system", seq);
  }
  addTrustAmong(draft, draft.seats, effect.trust);
  addLog(draft, {
    seq,
    by: "system",
    kind: "crisis",
    approach: "universal",
    text: `Crisis: tension has passed ${draft.scenario.rules.crisisThreshold}. Markets and publics react; every party's alternative to a deal worsens and trust falls.`,
    visibleTo: "all",
  });
}
