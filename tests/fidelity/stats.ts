/**
 * The significance tests the fidelity lessons use. One-sided where the lesson is
 * directional. Numbers checked against textbook values in stats.test.ts.
 */

export type Alternative = "greater" | "less";

/** Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26 via erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

function logGamma(x: number): number {
  const c = [
    76.18009172947146, -86.50532032941678, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2,
    -0.5395239384953e-5,
  ];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let ser = 1.000000000190015;
  for (const coefficient of c) ser += coefficient / ++y;
  return -tmp + Math.log((2.5066282746310007 * ser) / x);
}

/** Continued fraction of the incomplete beta function (Numerical Recipes' betacf). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-30;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 3e-14) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** Student's t cumulative distribution with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

export interface TestResult {
  /** The test statistic (z or t). */
  statistic: number;
  /** One-sided p-value for the stated alternative. */
  p: number;
}

/**
 * Two-proportion z-test (pooled): is the first rate greater (or less) than the second?
 * `x` successes out of `n`.
 */
export function twoProportionTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  alternative: Alternative,
): TestResult {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) {
    // Both samples all-or-nothing alike: no evidence either way, unless they differ.
    const differs = alternative === "greater" ? p1 > p2 : p1 < p2;
    return { statistic: differs ? Number.POSITIVE_INFINITY : 0, p: differs ? 0 : 1 };
  }
  const z = (p1 - p2) / se;
  return { statistic: z, p: alternative === "greater" ? 1 - normalCdf(z) : normalCdf(z) };
}

export interface Sample {
  n: number;
  mean: number;
  sd: number;
}

export function sampleOf(values: readonly number[]): Sample {
  const n = values.length;
  const mean = n === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / n;
  const sd = n < 2 ? 0 : Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { n, mean, sd };
}

/** Welch's t-test: is the first mean greater (or less) than the second? */
export function welchTest(a: readonly number[], b: readonly number[], alternative: Alternative): TestResult {
  const x = sampleOf(a);
  const y = sampleOf(b);
  const va = (x.sd * x.sd) / x.n;
  const vb = (y.sd * y.sd) / y.n;
  const se = Math.sqrt(va + vb);
  if (se === 0 || x.n < 2 || y.n < 2) {
    const differs = alternative === "greater" ? x.mean > y.mean : x.mean < y.mean;
    return { statistic: differs ? Number.POSITIVE_INFINITY : 0, p: differs ? 0 : 1 };
  }
  const t = (x.mean - y.mean) / se;
  const df = (va + vb) ** 2 / (va ** 2 / (x.n - 1) + vb ** 2 / (y.n - 1));
  const lower = studentTCdf(t, df);
  return { statistic: t, p: alternative === "greater" ? 1 - lower : lower };
}

/**
 * Holm–Bonferroni: which of a family of p-values are significant at family-wise level
 * `alpha`. Returns, in input order, whether each is rejected.
 */
export function holm(ps: readonly number[], alpha: number): boolean[] {
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const out = ps.map(() => false);
  for (let k = 0; k < order.length; k++) {
    const entry = order[k];
    if (!entry || entry.p > alpha / (order.length - k)) break;
    out[entry.i] = true;
  }
  return out;
}
