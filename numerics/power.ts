/**
 * Power of the suite's statistical tests against a stated alternative: the exact binomial tests
 * (a success rate "≥ p₀", a failure frequency "≤ δ") and Student-t tests (a fitted exponent against
 * a stated rate), the last through the noncentral t distribution.
 *
 * @module
 */
import gammainc from "npm:@stdlib/math-base-special-gammainc@0.3.1";
import tQuantile from "npm:@stdlib/stats-base-dists-t-quantile@0.2.3";
import { gaussianExpectation } from "./quadrature.ts";
import { binomialLowerTail, binomialUpperTail } from "./stats.ts";

/**
 * Power of the exact test of "each of n trials succeeds with probability ≥ p0", rejecting when
 * P(Bin(n, p0) ≤ k) ≤ alpha, if each trial in fact succeeds with probability `pAlt`: P(Bin(n, pAlt) ≤ k*)
 * with k* the largest rejected count (0 when no count can be rejected).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { successRatePower } from "./power.ts";
 * // 4 trials, p0 = 0.9, level 2e-4: only k = 0 is rejected (P = 1e-4), so the power at 0.45 is 0.55⁴.
 * assert.ok(Math.abs(successRatePower(4, 0.9, 2e-4, 0.45) - 0.55 ** 4) < 1e-15);
 * assert.equal(successRatePower(3, 0.9, 2e-4, 0.45), 0); // (0.1)³ > 2e-4: nothing can be rejected
 * ```
 */
export function successRatePower(n: number, p0: number, alpha: number, pAlt: number): number {
  let critical = -1;
  while (critical + 1 <= n && binomialLowerTail(critical + 1, n, p0) <= alpha) critical++;
  return critical < 0 ? 0 : binomialLowerTail(critical, n, pAlt);
}

/**
 * Power of the exact test of "the event fails with probability ≤ δ" over n draws, rejecting when
 * P(Bin(n, δ) ≥ k) < alpha (the lower end of the two-sided Clopper–Pearson interval at confidence
 * 1 − 2·alpha exceeds δ), if it in fact fails with probability `deltaAlt`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { failureFrequencyPower } from "./power.ts";
 * // 5 draws, δ = 0.1, level 1e-4: only k = 5 is rejected (P = 1e-5); at δ' = 0.2 the power is 0.2⁵.
 * assert.ok(Math.abs(failureFrequencyPower(5, 0.1, 1e-4, 0.2) - 0.2 ** 5) < 1e-18);
 * assert.ok(failureFrequencyPower(2000, 0.1, 1e-4, 0.2) > 0.999);
 * ```
 */
export function failureFrequencyPower(n: number, delta: number, alpha: number, deltaAlt: number): number {
  // The smallest rejected count, by bisection (the tail falls as k grows): a linear scan from n down cost O(n²), 1.8 s
  // at n = 4000 and δ = 0.01. Invariant: lo is not rejected (or is −1), hi is (or is n + 1).
  let lo = -1, hi = n + 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (binomialUpperTail(mid, n, delta) < alpha) hi = mid;
    else lo = mid;
  }
  return hi > n ? 0 : binomialUpperTail(hi, n, deltaAlt);
}

/** A quadrature's probability clamped to [0, 1] (its error can take it a few ulps outside). */
function probability(p: number): number {
  return Math.min(1, Math.max(0, p));
}

/** Which side of a t test rejects: both, only large statistics, or only small ones. */
export type TestSides = "two-sided" | "upper" | "lower";

/**
 * P(T′ > c) for T′ = (Z + shift)/√(V/df), Z ~ N(0, 1), V ~ χ²(df) independent (noncentral t), by
 * conditioning on Z: E[1{Z + shift > 0} F_χ²(df·(Z + shift)²/c²)] for c > 0.
 */
function noncentralTUpperTail(c: number, df: number, shift: number): number {
  const chi2Cdf = (q: number) => (q <= 0 ? 0 : gammainc(q / 2, df / 2));
  return gaussianExpectation((z) => (z + shift > 0 ? chi2Cdf(df * (z + shift) ** 2 / (c * c)) : 0), [-shift]).value;
}

/**
 * Power of a Student-t test at level `alpha` with `df` degrees of freedom when the true effect is
 * `shift` standard errors (the noncentrality, signed: a "lower" test has power against shift < 0):
 * P(reject) under the noncentral t distribution.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tTestPower } from "./power.ts";
 * assert.ok(Math.abs(tTestPower(7, 0, 0.01, "two-sided") - 0.01) < 1e-9); // no effect: the level
 * assert.ok(Math.abs(tTestPower(7, 0, 0.05, "upper") - 0.05) < 1e-9);
 * // df → ∞: the normal test's power Φ(shift − z_{1−α}) = Φ(3 − 1.645) ≈ 0.912.
 * assert.ok(Math.abs(tTestPower(1e6, 3, 0.05, "upper") - 0.9123) < 1e-3);
 * ```
 */
export function tTestPower(df: number, shift: number, alpha: number, sides: TestSides): number {
  if (!(df > 0) || !Number.isFinite(shift) || !(alpha > 0 && alpha < 1)) return NaN;
  if (sides === "two-sided") {
    const c = tQuantile(1 - alpha / 2, df);
    return probability(noncentralTUpperTail(c, df, shift) + noncentralTUpperTail(c, df, -shift));
  }
  const c = tQuantile(1 - alpha, df);
  return probability(noncentralTUpperTail(c, df, sides === "upper" ? shift : -shift));
}
