import type { Indicators } from "@parley/shared";

/** Mean trust over every pair (50, the neutral value, when there is no pair). */
export function meanTrustOf(indicators: Indicators): number {
  const values = Object.values(indicators.trust);
  return values.length === 0 ? 50 : values.reduce((a, b) => a + b, 0) / values.length;
}
