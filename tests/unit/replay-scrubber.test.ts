import { describe, expect, it } from "vitest";
import {
  keyStep,
  pageJump,
  playFrom,
  playNext,
  playSpeeds,
  roundStartsOf,
  roundStepFrom,
} from "../../client/src/debrief/scrub.ts";

/**
 * The replay's step controls, which a student's replay now shares with the full debrief (it
 * had a bare slider counting from 1, no buttons). Page Up and Page Down on the slider had
 * moved one step, as the arrows do: a slider's page keys make a larger jump.
 */
describe("the replay's step slider", () => {
  it("jumps a tenth of the replay with Page Up and Page Down, at least one step, within its ends", () => {
    expect(pageJump(200)).toBe(20);
    expect(pageJump(45)).toBe(5);
    expect(pageJump(3)).toBe(1);
    expect(keyStep("PageUp", 10, 200)).toBe(30);
    expect(keyStep("PageDown", 10, 200)).toBe(0);
    expect(keyStep("PageUp", 195, 200)).toBe(200);
  });

  it("leaves the arrows, Home and End to the slider itself", () => {
    for (const key of ["ArrowLeft", "ArrowRight", "Home", "End", "a"]) expect(keyStep(key, 5, 50)).toBeUndefined();
  });
});

describe("stepping by round", () => {
  // Steps 0–2 are round 1, 3–5 round 2, 6–7 round 3.
  const starts = roundStartsOf([1, 1, 1, 2, 2, 2, 3, 3]);

  it("finds where each round starts", () => {
    expect(starts).toEqual([
      { round: 1, step: 0 },
      { round: 2, step: 3 },
      { round: 3, step: 6 },
    ]);
  });

  it("goes to the next round's start, or the end from the last round", () => {
    expect(roundStepFrom(starts, 1, 7, 1)).toBe(3);
    expect(roundStepFrom(starts, 6, 7, 1)).toBe(7);
  });

  it("goes back to this round's start, or the round before from its start", () => {
    expect(roundStepFrom(starts, 4, 7, -1)).toBe(3);
    expect(roundStepFrom(starts, 3, 7, -1)).toBe(0);
    expect(roundStepFrom(starts, 0, 7, -1)).toBe(0);
  });
});

/**
 * An instructor projecting a replay had to press "Move ▶" for every step while talking to the
 * class: Play moves on by itself, a step at a time, and stops at the end.
 */
describe("playing a replay through", () => {
  it("starts where the replay is, or from the start when it is at its end", () => {
    expect(playFrom(4, 20)).toBe(4);
    expect(playFrom(0, 20)).toBe(0);
    expect(playFrom(20, 20)).toBe(0);
  });

  it("moves one step at a time and stops on the last", () => {
    expect(playNext(4, 20)).toEqual({ step: 5, done: false });
    expect(playNext(19, 20)).toEqual({ step: 20, done: true });
    expect(playNext(20, 20)).toEqual({ step: 20, done: true });
  });

  it("offers speeds from slow to fast", () => {
    const pauses = playSpeeds.map((s) => s.ms);
    expect(pauses).toEqual([...pauses].sort((a, b) => b - a));
    expect(playSpeeds.map((s) => s.id)).toContain("normal");
  });
});
