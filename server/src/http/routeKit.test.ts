import type { Request, Response } from "express";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { OPEN_LIMIT_ADDRESSES, openEndpointLimit } from "./routeKit.ts";

/** Calls a limit as Express would, for a request from `ip`: whether it went through. */
function caller(limit: ReturnType<typeof openEndpointLimit>) {
  return (ip: string, body: unknown = {}) => {
    let passed = false;
    const res = { status: () => ({ json: () => undefined }) } as unknown as Response;
    limit({ ip, body, path: "/sessions" } as unknown as Request, res, () => {
      passed = true;
    });
    return passed;
  };
}

describe("the limit on open endpoints", () => {
  it("charges a request its cost", () => {
    const call = caller(openEndpointLimit((req) => (req.body as { cost: number }).cost));
    expect(call("10.0.0.1", { cost: 200 })).toBe(true);
    expect(call("10.0.0.1", { cost: 200 })).toBe(false);
    expect(call("10.0.0.1", { cost: 100 })).toBe(true);
    expect(call("10.0.0.2", { cost: 200 })).toBe(true);
  });

  it("is not reset for an address by requests from many others", () => {
    // The clock stands still: on a busy machine the loop below took long enough for the
    // bucket to refill a token (10 a second), and the last request went through.
    vi.useFakeTimers({ toFake: ["Date"] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const call = caller(openEndpointLimit());
    let passed = 0;
    while (call("203.0.113.9")) passed++;
    expect(passed).toBe(300);
    for (let i = 0; i <= OPEN_LIMIT_ADDRESSES + 1; i++) call(`2001:db8::${i.toString(16)}`);
    expect(call("203.0.113.9")).toBe(false);
  });
});
