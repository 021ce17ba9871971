import { describe, expect, it } from "vitest";
import { initialState } from "../rules/initialState.ts";
import { riverScenario } from "../rules/testing/river.ts";
import { viewFor } from "./viewFor.ts";
import { applyViewPatch } from "./viewPatch.ts";

describe("applyViewPatch", () => {
  const view = viewFor(initialState(riverScenario(), 1), "a");

  it("applies changed fields, changed and appended items of lists and removed fields to the view it was made for", () => {
    const line = { ...view.log[0], seq: 1, text: "b passes." } as (typeof view.log)[number];
    const party = { ...view.parties[1], acted: true } as (typeof view.parties)[number];
    const next = applyViewPatch(view, {
      $base: view.seq,
      seq: 1,
      $items: {
        log: { length: view.log.length + 1, at: [view.log.length], items: [line] },
        parties: { length: view.parties.length, at: [1], items: [party] },
      },
      $unset: ["me"],
    });
    expect(next?.seq).toBe(1);
    expect(next?.log).toEqual([...view.log, line]);
    expect(next?.parties).toEqual([view.parties[0], party, ...view.parties.slice(2)]);
    expect(next && "me" in next).toBe(false);
    expect(view.seq).toBe(0); // the view it came from is unchanged
    expect(view.parties[1]?.acted).toBe(false);
  });

  it("shortens a list to the length given", () => {
    const next = applyViewPatch(view, { $base: view.seq, $items: { parties: { length: 1, at: [], items: [] } } });
    expect(next?.parties).toEqual(view.parties.slice(0, 1));
  });

  it("gives nothing for a list change that leaves a place empty or names a list the view does not have", () => {
    const gap = { length: view.log.length + 2, at: [view.log.length + 1], items: [view.log[0]] };
    expect(applyViewPatch(view, { $base: view.seq, $items: { log: gap } })).toBeUndefined();
    const notAList = { length: 1, at: [0], items: [1] };
    expect(applyViewPatch(view, { $base: view.seq, $items: { round: notAList } })).toBeUndefined();
  });

  it("gives nothing for a patch made for another view, or without a view: the client resyncs", () => {
    expect(applyViewPatch(view, { $base: view.seq + 1, seq: 2 })).toBeUndefined();
    expect(applyViewPatch(undefined, { $base: 0, seq: 1 })).toBeUndefined();
  });
});
