import { describe, expect, it } from "vitest";
import { type ClockSample, clockOffset, serverNow, syncServerClock } from "../../client/src/net/serverClock.ts";

describe("the client's estimate of the server's clock", () => {
  it("takes the server's answer as made halfway through the shortest round trip", () => {
    const samples: ClockSample[] = [
      // A slow answer (800 ms round trip) would put the server 400 ms off.
      { sentAt: 1_000, serverNow: 3_601_000, receivedAt: 1_800 },
      // The quick one (40 ms): the server is one hour ahead.
      { sentAt: 5_000, serverNow: 3_605_020, receivedAt: 5_040 },
    ];
    expect(clockOffset(samples)).toBe(3_600_000);
    expect(clockOffset([{ sentAt: 10_000, serverNow: 7_000, receivedAt: 10_020 }])).toBe(-3_010);
  });

  it("ignores impossible samples, and without one keeps the browser's clock", () => {
    expect(clockOffset([])).toBe(0);
    expect(clockOffset([{ sentAt: 2_000, serverNow: 9_999, receivedAt: 1_000 }])).toBe(0);
    expect(clockOffset([{ sentAt: 0, serverNow: Number.NaN, receivedAt: 10 }])).toBe(0);
  });

  it("counts down by the server's time once synchronised, and survives lost answers", async () => {
    const behind = -90 * 60_000;
    let calls = 0;
    const ask = async (): Promise<ClockSample> => {
      calls++;
      if (calls === 2) throw new Error("network");
      const sentAt = Date.now();
      return { sentAt, serverNow: sentAt + behind + 5, receivedAt: sentAt + 10 };
    };
    expect(await syncServerClock(ask, 3)).toBe(behind);
    expect(calls).toBe(3);
    expect(Math.abs(serverNow() - (Date.now() + behind))).toBeLessThan(50);
    // All answers lost: the estimate it had stays.
    expect(
      await syncServerClock(async () => {
        throw new Error("offline");
      }),
    ).toBe(behind);
  });
});
