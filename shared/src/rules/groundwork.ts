import type { GameState } from "./types.ts";

/** Counts a move that can open creative options (see a creative option's `unlock.after`). */
export function countGroundwork(draft: GameState, kind: string): void {
  draft.families.groundwork[kind] = (draft.families.groundwork[kind] ?? 0) + 1;
}
