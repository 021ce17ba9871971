/**
 * A sweep's work on one table (opening its room for a deadline, or to resume it) that failed
 * is tried again only after a wait that doubles with each failure, from one sweep's interval
 * up to `maxMs`, and its error is logged when it first fails and again only when the reason
 * changes. A table that cannot open (its log folds no further under these rules, say) would
 * otherwise be tried, and logged, at every sweep for as long as the server runs.
 */
export class RetryLater {
  private readonly failing = new Map<string, { failures: number; nextAt: number; reason: string }>();

  constructor(
    private readonly baseMs: number,
    private readonly maxMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
    private readonly log: (message: string, error: unknown) => void = console.error,
  ) {}

  /** Runs `work` for `key` unless its last failure is too recent; `what` names it in the log. */
  async attempt(key: string, what: string, work: () => Promise<unknown>): Promise<void> {
    const before = this.failing.get(key);
    if (before && this.now() < before.nextAt) return;
    try {
      await work();
      this.failing.delete(key);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const failures = (before?.failures ?? 0) + 1;
      const waitMs = Math.min(this.maxMs, this.baseMs * 2 ** (failures - 1));
      this.failing.set(key, { failures, nextAt: this.now() + waitMs, reason });
      if (before?.reason !== reason)
        this.log(
          `${what} (tried ${failures} time${failures === 1 ? "" : "s"}; next in ${waitMs < 1000 ? `${waitMs} ms` : `${Math.round(waitMs / 1000)} s`})`,
          error,
        );
    }
  }

  /** Forgets every key not in `current` (a table that ended, or whose deadline passed). */
  keepOnly(current: Iterable<string>): void {
    const keep = new Set(current);
    for (const key of this.failing.keys()) if (!keep.has(key)) this.failing.delete(key);
  }
}
