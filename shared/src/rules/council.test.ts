import { describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/parse.ts";
import { outcomePoints } from "../scoring/score.ts";
import { apply } from "./apply.ts";
import { initialState } from "./initialState.ts";
import type { GameState, Move, SeatId } from "./types.ts";
import { validate, validateSystem } from "./validate.ts";

/** A council: two of three must accept (`min`), and `p5` holds a veto; `extra` members join it. */
function councilOf(min: number, extra = "") {
  return loadScenario(`
id: council
title: Council
dateContext: now
summary: A small council votes on one resolution.
recommended: { seats: 3, minutes: 10 }
rules: { roundLimit: 4, agreement: { rule: qualified, min: ${min}, vetoes: [p5] } }
parties:
  - { id: p5, name: Permanent, publicBrief: P., confidentialBrief: C., batna: 10, payoffs: { aid: { none: 20, full: 5 } } }
  - { id: e1, name: Elected One, publicBrief: P., confidentialBrief: C., batna: 10, payoffs: { aid: { none: 0, full: 30 } } }
  - { id: e2, name: Elected Two, publicBrief: P., confidentialBrief: C., batna: 10, payoffs: { aid: { none: 0, full: 30 } } }
${extra}issues:
  - id: aid
    name: Aid
    statusQuo: none
    options: [{ id: none, label: None }, { id: full, label: Full access }]
`);
}
const council = councilOf(2);
/** Four members, three of whom must accept: `e3` opposes aid. */
const larger = councilOf(
  3,
  "  - { id: e3, name: Elected Three, publicBrief: P., confidentialBrief: C., batna: 12, payoffs: { aid: { none: 25, full: 2 } } }\n",
);

function play(state: GameState, seat: SeatId, move: Move): GameState {
  const result = validate(state, seat, move);
  if (!result.ok) throw new Error(`${result.rejection.code}: ${result.rejection.message}`);
  return apply(state, result.event);
}

const full = { options: { aid: "full" } };

function advance(state: GameState): GameState {
  const result = validateSystem(state, { kind: "advanceRound" });
  if (!result.ok) throw new Error(result.rejection.message);
  return apply(state, result.event);
}

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

  it("at the end of a draft's life the council votes: a veto holder that has not answered abstains, and the resolution binds it", () => {
    let s = play(initialState(council, 1), "e1", { kind: "propose", to: ["p5", "e2"], package: full });
    s = play(s, "e2", { kind: "accept", proposalId: "p0" });
    s = advance(s); // round 1 ends: the draft (made in round 1) lives two rounds more
    s = advance(s);
    expect(s.phase).toBe("playing");
    expect(s.proposals[0]?.status).toBe("open");
    s = advance(s); // the end of round 3: its life is over, it is put to the vote
    expect(s.outcome?.kind).toBe("agreement");
    expect(s.outcome?.kind === "agreement" && [...s.outcome.parties].sort()).toEqual(["e1", "e2", "p5"]);
    const adopted = s.log.find((e) => e.kind === "agreement")?.text;
    expect(adopted).toContain(
      "Proposal p0 is adopted (in favour: Elected One and Elected Two; abstaining: Permanent), binding every member",
    );
    // Bound by it: the permanent member's points are the package's (5), below its BATNA (10).
    expect(outcomePoints(s, "p5")).toBe(5);
  });

  it("a resolution adopted over a member's objection binds that member too", () => {
    let s = play(initialState(larger, 1), "e1", { kind: "propose", to: ["p5", "e2", "e3"], package: full });
    s = play(s, "e2", { kind: "accept", proposalId: "p0" });
    s = play(s, "e3", { kind: "reject", proposalId: "p0" });
    expect(s.proposals[0]?.status).toBe("open");
    s = play(s, "p5", { kind: "accept", proposalId: "p0" });
    expect(s.outcome?.kind === "agreement" && [...s.outcome.parties].sort()).toEqual(["e1", "e2", "e3", "p5"]);
    expect(s.log.find((e) => e.kind === "agreement")?.text).toContain(
      "(in favour: Permanent, Elected One and Elected Two; against: Elected Three)",
    );
    expect(outcomePoints(s, "e3")).toBe(2);
  });

  it("a draft short of the votes it needs is not adopted at the vote, and says so", () => {
    let s = play(initialState(larger, 1), "e1", { kind: "propose", to: ["p5", "e2", "e3"], package: full });
    s = play(s, "e2", { kind: "accept", proposalId: "p0" });
    for (let round = 0; round < 3; round++) s = advance(s);
    expect(s.phase).toBe("playing");
    expect(s.proposals[0]?.status).toBe("expired");
    expect(s.log.map((e) => e.text)).toContain(
      "Proposal p0 by Elected One is put to the vote and not adopted: 2 in favour, 3 needed.",
    );
  });

  it("in the last round every open draft is put to the vote before the council rises", () => {
    let s = initialState(council, 1);
    for (let round = 0; round < 3; round++) s = advance(s);
    expect(s.round).toBe(4);
    s = play(s, "e1", { kind: "propose", to: ["p5", "e2"], package: full });
    s = play(s, "e2", { kind: "accept", proposalId: s.proposals[0]?.id ?? "" });
    s = advance(s);
    expect(s.outcome?.kind).toBe("agreement");
  });
});
