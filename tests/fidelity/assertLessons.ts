import { expect } from "vitest";
import { required } from "./fidelity.ts";
import type { Check } from "./lessons.ts";

/** Asserts every required check of a lesson, naming the one that fails with its numbers. */
export function expectLessonHolds(checks: readonly Check[], lesson: number): void {
  const mine = checks.filter((c) => c.lesson === lesson && required(c));
  for (const c of mine) {
    const detail = `${c.scenarioId}: ${c.claim} — ${c.a.label} ${c.a.value.toFixed(3)} (n ${c.a.n}) vs ${c.b.label} ${c.b.value.toFixed(3)} (n ${c.b.n}), ${c.test} ${c.alternative}, p = ${c.p.toPrecision(3)}`;
    expect(c.holds, detail).toBe(true);
  }
}
