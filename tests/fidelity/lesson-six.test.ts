import { describe, expect, it } from "vitest";
import { shippedScenarios } from "../property/fixtures.ts";
import { expectLessonHolds } from "./assertLessons.ts";
import { roundRobin } from "./experiments.ts";
import { quickSizes, sizesFor } from "./fidelity.ts";
import { lessonSix, type Sizes } from "./lessons.ts";

/** A smaller round robin than lessons 1 and 3 use: lesson 6 pools every seat-game of a persona. */
const sizes: Sizes = { ...quickSizes, roundRobin: 16 };

describe("lesson 6: no persona wins under both lenses in every scenario", () => {
  it("every persona is significantly outscored somewhere, under one lens or the other", () => {
    const robins = shippedScenarios().map((s) => roundRobin(s, sizesFor(s, sizes).roundRobin, sizes.seed));
    const checks = lessonSix(robins);
    expect(checks).toHaveLength(6);
    expectLessonHolds(checks, 6);
  }, 180_000);
});
