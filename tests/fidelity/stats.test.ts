import { expect, it, describe as suite } from "vitest";
import { holm, normalCdf, studentTCdf, twoProportionTest, welchTest } from "./stats.ts";

suite("the fidelity statistics", () => {
  it("normal CDF matches the tables", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 5);
  });

  it("Student t CDF matches the tables", () => {
    // t(0.975, 10) = 2.228; t(0.95, 5) = 2.015; t(0.99, 30) = 2.457.
    expect(studentTCdf(2.228139, 10)).toBeCloseTo(0.975, 4);
    expect(studentTCdf(-2.015048, 5)).toBeCloseTo(0.05, 4);
    expect(studentTCdf(2.457262, 30)).toBeCloseTo(0.99, 4);
  });

  it("two-proportion z-test: 60/100 against 45/100 gives z = 2.12, one-sided p = 0.017", () => {
    // pooled 0.525; se = sqrt(0.525 × 0.475 × 0.02) = 0.07062; z = 0.15 / 0.07062 = 2.124.
    const result = twoProportionTest(60, 100, 45, 100, "greater");
    expect(result.statistic).toBeCloseTo(2.124, 3);
    expect(result.p).toBeCloseTo(0.0168, 3);
    expect(twoProportionTest(60, 100, 45, 100, "less").p).toBeCloseTo(0.9832, 3);
  });

  it("Welch test: two small samples by hand", () => {
    // a: mean 3, var 2.5 (n 5); b: mean 5, var 2.5 (n 5); se = 1; t = -2; df = 8.
    const result = welchTest([1, 2, 3, 4, 5], [3, 4, 5, 6, 7], "less");
    expect(result.statistic).toBeCloseTo(-2, 6);
    expect(result.p).toBeCloseTo(studentTCdf(-2, 8), 6);
    expect(result.p).toBeCloseTo(0.0403, 3);
  });

  it("Holm–Bonferroni rejects in order until a p-value exceeds its threshold", () => {
    // Thresholds for 4 tests at 0.05: 0.0125, 0.0167, 0.025, 0.05.
    expect(holm([0.01, 0.04, 0.015, 0.2], 0.05)).toEqual([true, false, true, false]);
    expect(holm([0.02, 0.001], 0.05)).toEqual([true, true]);
  });
});
