import { addLog } from "./draft.ts";
import { seatName } from "./names.ts";
import type { GameState, SeatId, Withholding } from "./types.ts";

/** The withholding by `by` from `from` in force now, if any. */
export function withholding(state: GameState, by: SeatId, from: SeatId): Withholding | undefined {
  return state.families.withheld.find((w) => w.by === by && w.from === from && w.untilRound >= state.round);
}

/** Round-end hook: withholdings whose last round this was end. */
export function expireWithholdings(draft: GameState, seq: number): void {
  const ending = draft.families.withheld.filter((w) => w.untilRound <= draft.round);
  if (ending.length === 0) return;
  draft.families.withheld = draft.families.withheld.filter((w) => w.untilRound > draft.round);
  for (const w of ending) {
    addLog(draft, {
      seq,
      by: "system",
      kind: "withhold",
      approach: "competitive",
      text: `${seatName(draft, w.by)} no longer withholds information from ${seatName(draft, w.from)}.`,
      visibleTo: [w.by, w.from],
    });
  }
}
