import { describe, expect, it } from "vitest";
import { reconcile } from "./reconcile.ts";

describe("reconcile", () => {
  const previous = {
    seq: 1,
    parties: [
      { id: "a", acted: false },
      { id: "b", acted: false },
    ],
    scenario: { title: "River", issues: [{ id: "water", options: ["x", "y"] }] },
  };

  it("gives the previous value itself when the next one equals it throughout", () => {
    const next = structuredClone(previous);
    expect(reconcile(previous, next)).toBe(previous);
  });

  it("keeps every unchanged part of a changed value, and the changed parts new", () => {
    const next = structuredClone(previous);
    next.seq = 2;
    (next.parties[1] as { acted: boolean }).acted = true;
    const kept = reconcile(previous, next);
    expect(kept).not.toBe(previous);
    expect(kept).toEqual(next);
    expect(kept.scenario).toBe(previous.scenario);
    expect(kept.parties[0]).toBe(previous.parties[0]);
    expect(kept.parties[1]).not.toBe(previous.parties[1]);
    expect(previous.parties[1]?.acted).toBe(false); // the previous value is never changed
  });

  it("counts keys, their order, missing fields and lengths as differences (the encodings differ)", () => {
    expect(reconcile({ a: 1, b: 2 }, { b: 2, a: 1 })).toEqual({ b: 2, a: 1 });
    const reordered = { b: 2, a: 1 };
    expect(reconcile({ a: 1, b: 2 }, reordered)).toBe(reordered);
    const withUndefined = { a: 1, b: undefined };
    expect(reconcile<object>({ a: 1 }, withUndefined)).toBe(withUndefined);
    const longer = [1, 2, 3];
    expect(reconcile([1, 2], longer)).toBe(longer);
    const list = [{ id: 1 }];
    expect(reconcile<unknown>({ id: 1 }, list)).toBe(list);
  });

  it("takes the next value when there was none", () => {
    const next = { a: [1] };
    expect(reconcile(undefined, next)).toBe(next);
  });
});
