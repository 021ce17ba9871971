import { apply, type GameState, initialState, type Move, validate, viewFor } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { concessionChoices } from "../../client/src/table/concessions.ts";
import { shippedScenarios } from "../property/fixtures.ts";

const found = shippedScenarios().find((s) => s.id === "india-us-trade-2025");
if (!found) throw new Error("fixture: india-us-trade-2025");
const scenario = found;

function step(state: GameState, seat: string, move: Move): GameState {
  const result = validate(state, seat, move);
  if (!result.ok) throw new Error(result.rejection.message);
  return apply(state, result.event);
}

describe("what the concession form offers on a proposal", () => {
  // India's points (scenario file): us-tariffs full 0 · reduced 15 · removed 26; indian-tariffs
  // current 14 · select-cuts 9 · broad-cuts 0; energy current 4 · increase 8 · large-increase 3;
  // defence-tech none 0 · co-development 15 · transfer 26; market-access status-quo 0 ·
  // targeted 8 · broad 14; timeline no-target 0 · late-2025 10 · open-talks 4.
  const offer = {
    "us-tariffs": "removed",
    "indian-tariffs": "current",
    energy: "increase",
    "defence-tech": "none",
    "market-access": "targeted",
    timeline: "open-talks",
  };
  const state = step(initialState(scenario, 1), "india", {
    kind: "propose",
    to: ["usa"],
    package: { options: offer, creative: [] },
  });
  const view = viewFor(state, "india");
  const proposal = view.proposals.find((p) => p.by === "india");
  if (!proposal) throw new Error("fixture: India's proposal");
  const choices = concessionChoices(view, proposal);

  it("lists, on each issue, only the options worth less than the one offered, the smallest step first", () => {
    const energy = choices.find((c) => c.issueId === "energy");
    expect(energy?.current).toEqual({ id: "increase", label: "A moderate increase", points: 8 });
    expect(energy?.options).toEqual([
      { id: "current", label: "No new commitment", points: 4 },
      { id: "large-increase", label: "A large increase", points: 3 },
    ]);
    expect(choices.find((c) => c.issueId === "us-tariffs")?.options.map((o) => [o.id, o.points])).toEqual([
      ["reduced", 15],
      ["full", 0],
    ]);
  });

  it("leaves out an issue where the proposal already offers the option worth least", () => {
    // Defence technology: "none" (0) is the least India can give there.
    expect(choices.map((c) => c.issueId)).toEqual([
      "us-tariffs",
      "indian-tariffs",
      "energy",
      "market-access",
      "timeline",
    ]);
  });

  it("offers only what the rules take as a concession", () => {
    for (const c of choices) {
      for (const o of c.options) {
        const move: Move = { kind: "concede", proposalId: proposal.id, issueId: c.issueId, optionId: o.id };
        const passed = step(state, "usa", { kind: "pass" });
        expect(validate(passed, "india", move).ok).toBe(true);
      }
    }
  });

  it("leaves out only what the rules refuse", () => {
    const passed = step(state, "usa", { kind: "pass" });
    for (const issue of scenario.issues) {
      const offered = choices.find((c) => c.issueId === issue.id)?.options.map((o) => o.id) ?? [];
      for (const option of issue.options.filter((o) => !offered.includes(o.id))) {
        const move: Move = { kind: "concede", proposalId: proposal.id, issueId: issue.id, optionId: option.id };
        expect(validate(passed, "india", move).ok, `${issue.id}: ${option.id}`).toBe(false);
      }
    }
  });
});
