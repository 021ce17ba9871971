import { describe, expect, it } from "vitest";
import { TokenBucket } from "./rateLimit.ts";

describe("token bucket", () => {
  it("lets a burst through, refuses the flood after it, and refills with time", () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now = 499; // 0.998 of a token
    expect(bucket.take()).toBe(false);
    now = 1000; // one more token since the last refusal
    expect(bucket.take()).toBe(true);
    now = 60_000; // never more than the burst
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });

  it("charges a costly request more, and is full again (as good as new) once refilled", () => {
    let now = 0;
    const bucket = new TokenBucket(10, 1, () => now);
    expect(bucket.take(8)).toBe(true);
    expect(bucket.take(3)).toBe(false);
    expect(bucket.take(2)).toBe(true);
    expect(bucket.full()).toBe(false);
    now = 9_000;
    expect(bucket.full()).toBe(false);
    now = 10_000;
    expect(bucket.full()).toBe(true);
  });
});
