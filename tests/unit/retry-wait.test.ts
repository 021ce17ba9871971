import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type DeviceNetwork, waitToRetry } from "../../client/src/net/retryWait.ts";

/** A device whose network the test switches off and on, as a classroom's Wi-Fi does. */
function device(online: boolean): DeviceNetwork & { set(online: boolean): void; listeners(): number } {
  const events = new EventTarget();
  let count = 0;
  return {
    get onLine() {
      return online;
    },
    addEventListener: (type, listener) => {
      count++;
      events.addEventListener(type, listener);
    },
    removeEventListener: (type, listener) => {
      count--;
      events.removeEventListener(type, listener);
    },
    set(now: boolean) {
      online = now;
      if (now) events.dispatchEvent(new Event("online"));
    },
    listeners: () => count,
  };
}

describe("the wait before a dropped page tries to reach the server again", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("online, waits the back-off's delay", async () => {
    const net = device(true);
    let result: boolean | undefined;
    void waitToRetry(30_000, net).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toBe(false);
    expect(net.listeners()).toBe(0);
  });

  it("offline, waits for the network however long it takes, then ends at once", async () => {
    const net = device(false);
    let result: boolean | undefined;
    void waitToRetry(250, net).then((r) => (result = r));
    // Three minutes without Wi-Fi: no attempt is spent on a network that is not there.
    await vi.advanceTimersByTimeAsync(180_000);
    expect(result).toBeUndefined();
    net.set(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(result).toBe(true);
    expect(net.listeners()).toBe(0);
  });

  it("ends a long back-off step as soon as the device is back online", async () => {
    const net = device(true);
    let result: boolean | undefined;
    void waitToRetry(30_000, net).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(2_000);
    net.set(false);
    await vi.advanceTimersByTimeAsync(1_000);
    net.set(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(result).toBe(true);
  });
});
