import { describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/parse.ts";
import { apply } from "./apply.ts";
import { initialState } from "./initialState.ts";
import type { GameState, Move, SeatId } from "./types.ts";
import { validate } from "./validate.ts";

/** A three-member council: two of three must accept, and `p5` holds a veto. */
const council = loadScenario(`
id: council
title: Council
dateContext: now
summary: A small council votes on one resolution.
recommended: { seats: 3, minutes: 10 }
rules: { roundLimit: 4, agreement: { rule: qualified, min: 2, vetoes: [p5] } }
parties:
  - { id: p5, name: Permanent, publicBrief: P., confidentialBrief: C., batna: 10, payoffs: { aid: { none: 20, full: 5 } } }
  - { id: e1, name: Elected One, publicBrief: P., confidentialBrief: C., batna: 10, payoffs: { aid: { none: 0, full: 30 } } }
  - { id: e2, name: Elected Two, publicBrief: P., confidentialBrief: C., batna: 10, payoffs: { aid: { none: 0, full: 30 } } }
issues:
  - id: aid
    name: Aid
    statusQuo: none
    options: [{ id: none, label: None }, { id: full, label: Full access }]
`);

function play(state: GameState, seat: SeatId, move: Move): GameState {
  const result = validate(state, seat, move);
  if (!result.ok) throw new Error(`${result.rejection.code}: ${result.rejection.message}`);
  return apply(state, result.event);
}

const full = { options: { aid: "full" } };

describe("council voting (qualified majority with vetoes)", () => {
  it("CouncilVotesAsAWhole: a proposal must go to every member, so no veto can be bypassed", () => {
    const result = validate(initialState(council, 1), "e1", { kind: "propose", to: ["e2"], package: full });
    expect(result.ok || result.rejection.code).toBe("CouncilVotesAsAWhole");
    if (!result.ok) expect(result.rejection.message).toContain("Permanent");
  });

  it("a majority without the veto holder's acceptance is not yet an agreement", () => {
    let s = play(initialState(council, 1), "e1", { kind: "propose", to: ["p5", "e2"], package: full });
    s = play(s, "e2", { kind: "accept", proposalId: "p0" });
    expect(s.phase).toBe("playing");
    s = play(s, "p5", { kind: "accept", proposalId: "p0" });
    expect(s.outcome?.kind).toBe("agreement");
    expect(s.outcome?.kind === "agreement" && [...s.outcome.parties].sort()).toEqual(["e1", "e2", "p5"]);
  });

  it("a veto holder's rejection defeats a resolution the others all accept", () => {
    let s = play(initialState(council, 1), "e1", { kind: "propose", to: ["p5", "e2"], package: full });
    s = play(s, "e2", { kind: "accept", proposalId: "p0" });
    s = play(s, "p5", { kind: "reject", proposalId: "p0" });
    expect(s.proposals[0]?.status).toBe("rejected");
    expect(s.phase).toBe("playing");
  });
});
