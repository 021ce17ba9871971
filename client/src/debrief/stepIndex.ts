import type { LogEntry } from "@parley/shared";

/*
 * A replay's log against its steps: entry `seq` is what event `seq` wrote, so it happened at
 * step `seq + 1` (step 0 is the opening position). A viewer's log is in `seq` order and may
 * skip steps (moves that viewer did not see) or hold several entries for one step.
 */

/** How many entries had happened by `step`; the last of them is the line of that step or before it. */
export function entriesBefore(entries: Pick<LogEntry, "seq">[], step: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((entries[mid]?.seq ?? 0) < step) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** What each step's event said in this log, its entries joined; steps this viewer did not see are absent. */
export function textByStep(entries: Pick<LogEntry, "seq" | "text">[]): Map<number, string> {
  const texts = new Map<number, string>();
  for (const e of entries) {
    const before = texts.get(e.seq + 1);
    texts.set(e.seq + 1, before === undefined ? e.text : `${before} ${e.text}`);
  }
  return texts;
}
