/** Runs `work` once to warm up, then repeatedly for at least `minMs`; the mean milliseconds per run. */
export function timeIt(work: () => void, minMs = 300): number {
  work();
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    work();
    runs++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return elapsed / runs;
}

/** A figure for a table: whole numbers with thousands separators from 100 up, else 3 digits. */
export const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en-GB") : n.toPrecision(3));
