/** What `onStopSignal` needs from the process (a test gives its own). */
export interface StopDeps {
  close: () => Promise<void>;
  exit: (code: number) => void;
  log: (line: string) => void;
  error: (line: string, cause?: unknown) => void;
  now?: () => number;
  /** How long closing may take before the process exits anyway. */
  deadlineMs?: number;
  /**
   * A repeat of the signal within this time is the same request delivered twice: a signal to
   * a process group (Ctrl-C in a terminal, `systemctl stop`, `kill -TERM -PGID`) reaches npm
   * and the server alike, and npm passes its copy on to the server a moment later.
   */
  repeatWithinMs?: number;
}

/**
 * The handler for SIGTERM and SIGINT: the first closes the server cleanly (every move in
 * flight stored, then exit 0); the same signal again a moment later, as a process group's
 * copy passed on by npm, is ignored; a later one (a second Ctrl-C because closing hangs)
 * exits at once, as after a crash: tables resume from their logs.
 */
export function onStopSignal(deps: StopDeps): (signal: string) => void {
  const now = deps.now ?? Date.now;
  let first: number | undefined;
  return (signal) => {
    if (first !== undefined) {
      if (now() - first < (deps.repeatWithinMs ?? 1000)) return;
      deps.error(`${signal} again: exiting now`);
      deps.exit(1);
      return;
    }
    first = now();
    deps.log(`${signal}: closing Parley (moves in flight are stored; students reconnect when it is back)`);
    const deadline = setTimeout(() => {
      deps.error(
        `Parley did not close within ${(deps.deadlineMs ?? 10_000) / 1000} s; exiting anyway (tables resume from their logs)`,
      );
      deps.exit(1);
    }, deps.deadlineMs ?? 10_000);
    deadline.unref();
    deps.close().then(
      () => deps.exit(0),
      (error: unknown) => {
        deps.error("Parley could not close cleanly (tables resume from their logs)", error);
        deps.exit(1);
      },
    );
  };
}
