import { addLog } from "./draft.ts";
import { magnitude } from "./magnitudes.ts";
import { issueName, seatName } from "./names.ts";
import type { FactFinding, GameState, SeatId } from "./types.ts";

/** The last round in which an offer of joint fact-finding can be taken up. */
export function offerOpenUntil(state: GameState, offer: FactFinding): number {
  return offer.round + magnitude(state, "jointFactFinding").rounds - 1;
}

/** An open offer of joint fact-finding on `issueId` from `from` to `to`. */
export function openOffer(state: GameState, from: SeatId, to: SeatId, issueId: string): FactFinding | undefined {
  return state.families.factFindings.find(
    (f) =>
      !f.agreed &&
      f.issueId === issueId &&
      f.parties[0] === from &&
      f.parties[1] === to &&
      offerOpenUntil(state, f) >= state.round,
  );
}

/** Joint fact-finding on `issueId` that `a` and `b` have completed together. */
export function doneTogether(state: GameState, a: SeatId, b: SeatId, issueId: string): FactFinding | undefined {
  return state.families.factFindings.find(
    (f) => f.agreed && f.issueId === issueId && f.parties.includes(a) && f.parties.includes(b),
  );
}

/** Round-end hook: offers nobody took up in time lapse. */
export function expireFactFindings(draft: GameState, seq: number): void {
  const lapsed = draft.families.factFindings.filter((f) => !f.agreed && offerOpenUntil(draft, f) <= draft.round);
  if (lapsed.length === 0) return;
  draft.families.factFindings = draft.families.factFindings.filter((f) => !lapsed.includes(f));
  for (const offer of lapsed) {
    addLog(draft, {
      seq,
      by: "system",
      kind: "offerLapsed",
      approach: "mutualGains",
      text: `${seatName(draft, offer.parties[0])}'s offer of joint fact-finding on ${issueName(draft, offer.issueId)} to ${seatName(draft, offer.parties[1])} has lapsed.`,
      visibleTo: [...offer.parties],
    });
  }
}
