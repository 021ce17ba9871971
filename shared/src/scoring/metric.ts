/** A number, or the reason it cannot be computed: never a made-up value. */
export type Metric = { defined: true; value: number } | { defined: false; reason: string };

export const defined = (value: number): Metric => ({ defined: true, value });
export const undefinedMetric = (reason: string): Metric => ({ defined: false, reason });
