/**
 * Goodness of fit: the normal and χ² distribution functions (from @stdlib special functions) and
 * the one-sample Kolmogorov–Smirnov test with its asymptotic p-value.
 *
 * @module
 */
import erfc from "@stdlib/math-base-special-erfc";
import gammainc from "@stdlib/math-base-special-gammainc";

/**
 * Φ(x), the standard normal distribution function.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { normalCdf } from "./goodness_of_fit.ts";
 * assert.equal(normalCdf(0), 0.5);
 * ```
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * The χ²_k distribution function P(Q ≤ q) = P(k/2, q/2) (regularised lower incomplete gamma).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { chiSquareCdf } from "./goodness_of_fit.ts";
 * assert.ok(Math.abs(chiSquareCdf(2, 2) - (1 - Math.exp(-1))) < 1e-14);
 * ```
 */
export function chiSquareCdf(q: number, k: number): number {
  return q <= 0 ? 0 : gammainc(q / 2, k / 2);
}

/** A one-sample Kolmogorov–Smirnov test. */
export interface KsTest {
  /** D = sup |F_N − F|. */
  statistic: number;
  /** Asymptotic p-value (Kolmogorov's series with Stephens' finite-N correction). */
  pValue: number;
  /** Sample size. */
  n: number;
}

/**
 * Kolmogorov–Smirnov test of a sample against a continuous distribution function `cdf`. The
 * p-value is Kolmogorov's limit law at λ = (√N + 0.12 + 0.11/√N)·D (Stephens 1970), accurate to a
 * few percent for N ≥ 35.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kolmogorovSmirnov, normalCdf } from "./goodness_of_fit.ts";
 * const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
 * // Uniform quantiles against the uniform distribution function: a near-perfect fit.
 * assert.ok(kolmogorovSmirnov(grid, (x) => Math.min(1, Math.max(0, x))).pValue > 0.99);
 * assert.ok(kolmogorovSmirnov(grid, normalCdf).pValue < 1e-6);
 * ```
 */
export function kolmogorovSmirnov(sample: ArrayLike<number>, cdf: (x: number) => number): KsTest {
  // A typed array's native numeric sort: the order of Array.sort((a, b) => a − b) (−0 before 0, which the CDF cannot
  // tell apart), several times faster on the thousands of draws a KS test gets.
  const xs = Float64Array.from(sample).sort(), n = xs.length;
  if (n === 0 || xs.some(Number.isNaN)) return { statistic: NaN, pValue: NaN, n };
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  const sq = Math.sqrt(n), lambda = (sq + 0.12 + 0.11 / sq) * d;
  return { statistic: d, pValue: kolmogorovTail(lambda), n };
}

/** P(K > λ) = 2Σ_{k≥1}(−1)^{k−1}e^{−2k²λ²} for Kolmogorov's K (1 for small λ). */
function kolmogorovTail(lambda: number): number {
  if (lambda < 0.2) return 1;
  let s = 0;
  for (let k = 1; k <= 100; k++) {
    const t = Math.exp(-2 * k * k * lambda * lambda);
    s += (k % 2 ? 2 : -2) * t;
    if (t < 1e-17) break;
  }
  return Math.min(1, Math.max(0, s));
}

/**
 * The χ² sum: S = Σ yᵀC⁻¹y over N draws against χ²_{kN}, its law when the draws are N(0, C) (the limit law; its
 * mean kN is exact whenever E yyᵀ = C, whatever the law), two-sided: p = 2·min(F(S), 1 − F(S)). Against N(0, f·C) it is the
 * likelihood-ratio statistic for f, far more powerful than the KS tests for a scale change.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { chiSquareSum } from "./goodness_of_fit.ts";
 * const near = chiSquareSum([3, 3, 3], 3).pValue; // S = 9 against χ²₉: F(9) ≈ 0.56
 * assert.ok(near > 0.8 && near < 0.95);
 * assert.ok(chiSquareSum(new Array(100).fill(6), 3).pValue < 1e-12); // twice the mean
 * ```
 */
export function chiSquareSum(q: readonly number[], k: number): { pValue: number; text: string } {
  const s = q.reduce((a, t) => a + t, 0), df = k * q.length, F = chiSquareCdf(s, df);
  const pValue = Math.min(1, 2 * Math.min(F, 1 - F));
  return {
    pValue,
    text: `Σ yᵀC⁻¹y = ${s.toFixed(1)} over ${q.length} draws against χ²_${df} (mean ${df}; ratio ${
      (s / df).toFixed(4)
    }, p = ${pValue.toExponential(2)})`,
  };
}

/** The q-quantile of χ²_df, by bisection on its CDF within ±12 standard deviations of the mean. */
function chiSquareQuantile(q: number, df: number): number {
  let lo = Math.max(0, df - 12 * Math.sqrt(2 * df)), hi = df + 12 * Math.sqrt(2 * df);
  for (let it = 0; it < 200 && hi - lo > 1e-9 * df; it++) {
    const mid = (lo + hi) / 2;
    if (chiSquareCdf(mid, df) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Exact power of the two-sided χ² sum test at `level` (df = kN) when the draws are N(0, f·C): S/f ~ χ²_df, so
 * P(S below the lower critical value or above the upper one).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { chiSquareSumPower } from "./goodness_of_fit.ts";
 * assert.ok(Math.abs(chiSquareSumPower(300, 1, 0.01) - 0.01) < 1e-6); // the level under the null
 * assert.ok(chiSquareSumPower(30000, 1.05, 1e-5) > chiSquareSumPower(3000, 1.05, 1e-5));
 * ```
 */
export function chiSquareSumPower(df: number, f: number, level: number): number {
  const lo = chiSquareQuantile(level / 2, df), hi = chiSquareQuantile(1 - level / 2, df);
  return chiSquareCdf(lo / f, df) + 1 - chiSquareCdf(hi / f, df);
}
