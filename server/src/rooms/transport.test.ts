import { afterEach, describe, expect, it, vi } from "vitest";
import { SpreadPingTransport } from "./transport.ts";

/** A connection as the transport sees it: counts its pings, answers them or not. */
function connection(answers: boolean) {
  return {
    pingCount: 0,
    pings: 0,
    terminated: false,
    ping() {
      this.pings++;
      if (answers) this.pingCount = 0; // its pong, as Colyseus's heartbeat handler resets it
    },
    terminate() {
      this.terminated = true;
    },
  };
}

afterEach(() => vi.useRealTimers());

describe("SpreadPingTransport", () => {
  it("pings each connection once per interval, a slice of them at a time, and closes one that never answers", () => {
    vi.useFakeTimers();
    const transport = new SpreadPingTransport({ noServer: true });
    const connections = Array.from({ length: 40 }, (_, i) => connection(i !== 7));
    (transport as unknown as { wss: { clients: Set<unknown> } }).wss = { clients: new Set(connections) };
    transport.autoTerminateUnresponsiveClients(2000, 2);

    vi.advanceTimersByTime(100); // one slice of twenty
    expect(connections.filter((c) => c.pings > 0)).toHaveLength(2);
    vi.advanceTimersByTime(1900); // the whole interval
    expect(connections.map((c) => c.pings)).toEqual(connections.map(() => 1));

    vi.advanceTimersByTime(4000); // two more intervals: the silent one has missed two pongs
    expect(connections.filter((c) => c.terminated)).toEqual([connections[7]]);
    expect(connections.filter((_, i) => i !== 7).every((c) => c.pings === 3)).toBe(true);
    clearInterval((transport as unknown as { pingInterval: NodeJS.Timeout }).pingInterval);
  });
});
