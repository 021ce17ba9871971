import { apply, awaitsYourVeto, type GameState, initialState, type Move, validate, viewFor } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { shippedScenarios } from "../property/fixtures.ts";

const found = shippedScenarios().find((s) => s.id === "unsc-r2p");
if (!found) throw new Error("fixture: unsc-r2p");
const scenario = found;
const rule = scenario.rules.agreement;
if (rule.rule !== "qualified") throw new Error("fixture: unsc-r2p decides by a qualified majority");
const vetoes = rule.vetoes;
const seats = scenario.parties.map((p) => p.id);
const elected = seats.find((s) => !vetoes.includes(s)) as string;
const [china, russia] = ["china", "russia"];

function step(state: GameState, seat: string, move: Move): GameState {
  const result = validate(state, seat, move);
  if (!result.ok) throw new Error(result.rejection.message);
  return apply(state, result.event);
}

describe("a council draft's line on the viewer's veto", () => {
  const statusQuo = Object.fromEntries(scenario.issues.map((i) => [i.id, i.statusQuo]));
  const others = seats.filter((s) => s !== china);
  const drafted = step(initialState(scenario, 1), china, {
    kind: "propose",
    to: others,
    package: { options: statusQuo, creative: [] },
  });
  const draftOf = (state: GameState, seat: string) => {
    const draft = viewFor(state, seat).proposals.find((p) => p.by === china);
    if (!draft) throw new Error("fixture: China's draft");
    return draft;
  };

  it("tells a permanent member to whom the draft is put that its rejection vetoes it", () => {
    expect(vetoes).toContain(russia);
    expect(awaitsYourVeto(draftOf(drafted, russia), vetoes, russia)).toBe(true);
  });

  it("says nothing of a veto on the viewer's own draft (it had), nor to an elected member", () => {
    expect(awaitsYourVeto(draftOf(drafted, china), vetoes, china)).toBe(false);
    expect(awaitsYourVeto(draftOf(drafted, elected), vetoes, elected)).toBe(false);
  });

  it("says nothing once the permanent member has answered", () => {
    const accepted = step(drafted, russia, { kind: "accept", proposalId: draftOf(drafted, russia).id });
    expect(awaitsYourVeto(draftOf(accepted, russia), vetoes, russia)).toBe(false);
  });
});
