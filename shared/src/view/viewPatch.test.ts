import { describe, expect, it } from "vitest";
import { initialState } from "../rules/initialState.ts";
import { riverScenario } from "../rules/testing/river.ts";
import { viewFor } from "./viewFor.ts";
import { applyViewPatch } from "./viewPatch.ts";

describe("applyViewPatch", () => {
  const view = viewFor(initialState(riverScenario(), 1), "a");

  it("applies changed fields, appended log lines and removed fields to the view it was made for", () => {
    const line = { ...view.log[0], seq: 1, text: "b passes." } as (typeof view.log)[number];
    const next = applyViewPatch(view, {
      $base: view.seq,
      seq: 1,
      $log: [line],
      $logFrom: view.log.length,
      $unset: ["me"],
    });
    expect(next?.seq).toBe(1);
    expect(next?.log).toEqual([...view.log, line]);
    expect(next && "me" in next).toBe(false);
    expect(view.seq).toBe(0); // the view it came from is unchanged
  });

  it("gives nothing for a patch made for another view, or without a view: the client resyncs", () => {
    expect(applyViewPatch(view, { $base: view.seq + 1, seq: 2 })).toBeUndefined();
    expect(applyViewPatch(undefined, { $base: 0, seq: 1 })).toBeUndefined();
  });
});
