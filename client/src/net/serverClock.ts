import { useEffect, useState } from "react";

/**
 * Round deadlines are times on the server's clock. A browser whose clock runs fast or slow
 * would show a wrong countdown, so the client estimates how far the server's clock is
 * ahead of its own and counts down against the server's time.
 */

/** One round trip: this browser's clock when it asked and when it heard, and the server's answer. */
export interface ClockSample {
  sentAt: number;
  serverNow: number;
  receivedAt: number;
}

/**
 * How far the server's clock is ahead of this browser's (ms, negative when behind), from
 * the sample with the shortest round trip, assuming the answer was made halfway through it.
 */
export function clockOffset(samples: readonly ClockSample[]): number {
  let best: ClockSample | undefined;
  for (const s of samples) {
    if (s.receivedAt < s.sentAt || !Number.isFinite(s.serverNow)) continue;
    if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
  }
  return best ? Math.round(best.serverNow - (best.sentAt + best.receivedAt) / 2) : 0;
}

let offset = 0;

/** Now, by the server's clock as far as this browser knows it. */
export const serverNow = (): number => Date.now() + offset;

async function askServer(): Promise<ClockSample> {
  const sentAt = Date.now();
  const response = await fetch("/api/time", { cache: "no-store" });
  const { now } = (await response.json()) as { now: number };
  return { sentAt, serverNow: now, receivedAt: Date.now() };
}

/** Measures the offset from a few round trips; without an answer the browser's own clock stays in use. */
export async function syncServerClock(ask: () => Promise<ClockSample> = askServer, tries = 3): Promise<number> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < tries; i++) {
    try {
      samples.push(await ask());
    } catch {
      // A lost answer only means one sample fewer.
    }
  }
  if (samples.length > 0) offset = clockOffset(samples);
  return offset;
}

/** The server's time, ticking every second, for countdowns. */
export function useServerNow(): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
