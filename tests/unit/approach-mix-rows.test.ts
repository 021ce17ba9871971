import { apply, bestPackageFor, initialState, validate } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { countedApproaches, mixRows } from "../../client/src/debrief/series.ts";
import { shippedScenarios } from "../property/fixtures.ts";

describe("the approach mix's rows", () => {
  it("give a party who only proposed a bar: basic moves count, after the approaches", () => {
    const scenario = shippedScenarios().find((s) => s.id === "us-china-tariffs");
    if (!scenario) throw new Error("no scenario");
    let state = initialState(scenario, 1);
    const [seat, ...others] = state.seats;
    if (!seat) throw new Error("no seat");
    const pkg = bestPackageFor(scenario, seat);
    const decision = validate(state, seat, { kind: "propose", to: others, package: pkg, framing: "plain" });
    if (!decision.ok) throw new Error(decision.rejection.message);
    state = apply(state, decision.event);

    const row = mixRows(state).find((r) => r.seat === seat);
    const drawn = countedApproaches.reduce((sum, a) => sum + (row?.counts[a] ?? 0), 0);
    expect(drawn).toBe(1);
    expect(row?.counts.universal).toBe(1);
    expect(countedApproaches.at(-1)).toBe("universal");
  });
});
