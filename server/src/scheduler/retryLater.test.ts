import { describe, expect, it } from "vitest";
import { RetryLater } from "./retryLater.ts";

describe("RetryLater", () => {
  it("waits twice as long after each failure, logs a reason once, and starts over after a success", async () => {
    let now = 0;
    const logged: string[] = [];
    const retry = new RetryLater(
      1000,
      5000,
      () => now,
      (message) => logged.push(message),
    );
    let tries = 0;
    let fail = "room will not open";
    const work = async () => {
      tries++;
      if (fail) throw new Error(fail);
    };
    const sweepAt = async (ms: number) => {
      now = ms;
      await retry.attempt("t1", "Could not open t1", work);
    };
    // Tried at 0 (fails: next at 1000), 1000 (next at 3000), 3000 (next at 7000),
    // 7000 (the wait capped at 5000: next at 12000); the sweeps between are skipped.
    for (const ms of [0, 500, 1000, 2000, 3000, 6999, 7000, 11_999]) await sweepAt(ms);
    expect(tries).toBe(4);
    expect(logged).toEqual(["Could not open t1 (tried 1 time; next in 1 s)"]);
    fail = "another reason";
    await sweepAt(12_000);
    expect(logged).toEqual([
      "Could not open t1 (tried 1 time; next in 1 s)",
      "Could not open t1 (tried 5 times; next in 5 s)",
    ]);
    fail = "";
    await sweepAt(17_000);
    await sweepAt(17_001);
    expect(tries).toBe(7);
    fail = "room will not open";
    await sweepAt(17_002);
    expect(logged.at(-1)).toBe("Could not open t1 (tried 1 time; next in 1 s)");
  });

  it("keeps each key apart and forgets keys no longer current", async () => {
    let now = 0;
    const retry = new RetryLater(
      1000,
      5000,
      () => now,
      () => undefined,
    );
    const tried: string[] = [];
    const failing = (key: string) => async () => {
      tried.push(key);
      throw new Error("no");
    };
    await retry.attempt("a", "a", failing("a"));
    await retry.attempt("b", "b", failing("b"));
    now = 10;
    retry.keepOnly(["a"]);
    await retry.attempt("a", "a", failing("a"));
    await retry.attempt("b", "b", failing("b"));
    expect(tried).toEqual(["a", "b", "b"]);
  });
});
