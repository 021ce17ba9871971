import { describe, expect, it } from "vitest";
import { onStopSignal } from "./stopSignals.ts";

function harness() {
  let clock = 0;
  let finishClose: () => void = () => {};
  const calls = { close: 0, exits: [] as number[], lines: [] as string[] };
  const stop = onStopSignal({
    close: () => {
      calls.close++;
      return new Promise<void>((resolve) => {
        finishClose = resolve;
      });
    },
    exit: (code) => calls.exits.push(code),
    log: (line) => calls.lines.push(line),
    error: (line) => calls.lines.push(line),
    now: () => clock,
  });
  return { stop, calls, later: (ms: number) => (clock += ms), finishClose: () => finishClose() };
}

describe("stop signals", () => {
  it("closes once on the first signal, and exits 0 when closed", async () => {
    const { stop, calls, finishClose } = harness();
    stop("SIGTERM");
    expect(calls.close).toBe(1);
    expect(calls.exits).toEqual([]);
    finishClose();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls.exits).toEqual([0]);
  });

  it("ignores the same request delivered twice (a process group's signal, passed on by npm)", async () => {
    const { stop, calls, later, finishClose } = harness();
    stop("SIGINT");
    later(40);
    stop("SIGINT");
    expect(calls.close).toBe(1);
    expect(calls.exits).toEqual([]);
    expect(calls.lines.join("\n")).not.toContain("again");
    finishClose();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls.exits).toEqual([0]);
  });

  it("exits at once on a second signal sent later (closing hangs and the operator insists)", () => {
    const { stop, calls, later } = harness();
    stop("SIGINT");
    later(3000);
    stop("SIGINT");
    expect(calls.exits).toEqual([1]);
    expect(calls.lines).toContain("SIGINT again: exiting now");
  });
});
