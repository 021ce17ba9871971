import { apply, initialState, type Move, validate, viewFor } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { toldPointsFor, toldTotals } from "../../client/src/table/toldPoints.ts";
import { shippedScenarios } from "../property/fixtures.ts";

const found = shippedScenarios().find((s) => s.id === "russia-ukraine-mediation");
if (!found) throw new Error("fixture: russia-ukraine-mediation");
const scenario = found;
const payoffs = (seat: string) => scenario.parties.find((p) => p.id === seat)?.payoffs ?? {};
const mediator = scenario.parties.find((p) => p.kind === "mediator")?.id as string;
const [russia, ukraine] = scenario.parties.filter((p) => p.kind === "state").map((p) => p.id) as [string, string];

function play(moves: [string, Move][]) {
  let state = initialState(scenario, 1);
  for (const [seat, move] of moves) {
    const result = validate(state, seat, move);
    if (!result.ok) throw new Error(result.rejection.message);
    state = apply(state, result.event);
  }
  return state;
}

describe("the points the parties told a mediator, beside its proposal's options", () => {
  const [territory, talks] = scenario.issues as [(typeof scenario.issues)[0], (typeof scenario.issues)[0]];
  // Russia tells the mediator about one issue and Ukraine about every issue; Ukraine tells Russia nothing.
  const state = play([
    [russia, { kind: "shareInterests", to: [mediator], issueIds: [territory.id] }],
    [ukraine, { kind: "shareInterests", to: [mediator], issueIds: scenario.issues.map((i) => i.id) }],
  ]);

  it("shows each party's points for an option, as it told them, in seat order", () => {
    const option = territory.options[1]?.id as string;
    expect(toldPointsFor(viewFor(state, mediator), territory.id, option)).toEqual([
      { seat: russia, name: expect.any(String), points: payoffs(russia)[territory.id]?.[option] },
      { seat: ukraine, name: expect.any(String), points: payoffs(ukraine)[territory.id]?.[option] },
    ]);
    // Russia told nothing about the other issues: only Ukraine's points show there.
    const other = talks.options[0]?.id as string;
    expect(toldPointsFor(viewFor(state, mediator), talks.id, other).map((p) => p.seat)).toEqual([ukraine]);
  });

  it("totals a package for each party on the issues it told, with the most it could get there", () => {
    const pkg = { options: Object.fromEntries(scenario.issues.map((i) => [i.id, i.options[0]?.id as string])) };
    const sum = (seat: string, pick: (table: Record<string, number>, issue: (typeof scenario.issues)[0]) => number) =>
      scenario.issues.reduce((s, i) => s + pick(payoffs(seat)[i.id] ?? {}, i), 0);
    const totals = toldTotals(viewFor(state, mediator), pkg);
    expect(totals.map((t) => [t.seat, t.issues])).toEqual([
      [russia, 1],
      [ukraine, scenario.issues.length],
    ]);
    expect(totals[0]?.points).toBe(payoffs(russia)[territory.id]?.[territory.options[0]?.id as string]);
    expect(totals[0]?.best).toBe(Math.max(...Object.values(payoffs(russia)[territory.id] ?? {})));
    expect(totals[1]?.points).toBe(sum(ukraine, (t, i) => t[pkg.options[i.id] as string] ?? 0));
    expect(totals[1]?.best).toBe(sum(ukraine, (t) => Math.max(...Object.values(t))));
  });

  it("shows a seat nothing a party did not tell it", () => {
    // Russia never learned Ukraine's points, and the mediator never learns the U.S.'s.
    const option = territory.options[0]?.id as string;
    expect(toldPointsFor(viewFor(state, russia), territory.id, option)).toEqual([]);
    const pkg = { options: { [territory.id]: option } };
    expect(toldTotals(viewFor(state, russia), pkg)).toEqual([]);
    expect(toldTotals(viewFor(initialState(scenario, 1), mediator), pkg)).toEqual([]);
  });
});
