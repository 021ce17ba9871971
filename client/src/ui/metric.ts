import type { Metric } from "@parley/shared";

/**
 * A metric as text: its value rounded, or a dash where it cannot be computed (a third party
 * has no 0–100 scale, say); `metricReason` gives the reason, for a title beside it.
 */
export const metricText = (m: Metric | undefined, digits = 0): string => (m?.defined ? m.value.toFixed(digits) : "—");

/** Why a metric cannot be computed (for a title attribute), or undefined when it can. */
export const metricReason = (m: Metric | undefined): string | undefined =>
  m === undefined ? undefined : m.defined ? undefined : m.reason;

/** Points as shown: a third party's can have a tenth (0.6 a point of tension). */
export const pointsText = (n: number): string => String(Math.round(n * 10) / 10);
