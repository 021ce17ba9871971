import type { Metric } from "@parley/shared";

/** A metric as text: its value rounded, or "undefined" (the reason goes in a title). */
export const metricText = (m: Metric | undefined, digits = 0): string =>
  m?.defined ? m.value.toFixed(digits) : "undefined";
