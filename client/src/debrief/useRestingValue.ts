import { startTransition, useEffect, useState } from "react";

/**
 * A value that follows `value` once it has stopped changing for `restMs`, in a transition.
 * The debrief's charts follow the step this way: a chart redraw costs several frames
 * (Recharts measures and re-renders after each commit), so while a scrub moves on every
 * frame the charts wait, and they redraw as soon as the scrub pauses.
 */
export function useRestingValue<T>(value: T, restMs: number): T {
  const [resting, setResting] = useState(value);
  useEffect(() => {
    if (Object.is(value, resting)) return;
    const timer = setTimeout(() => startTransition(() => setResting(value)), restMs);
    return () => clearTimeout(timer);
  }, [value, resting, restMs]);
  return resting;
}
