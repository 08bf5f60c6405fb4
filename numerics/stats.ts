/**
 * Statistics for verdicts: exact (Clopper–Pearson) binomial bounds, least-squares fits of
 * exponents with confidence intervals, and Holm's step-down correction. Special functions come
 * from @stdlib.
 *
 * @module
 */
import betaQuantile from "npm:@stdlib/stats-base-dists-beta-quantile@0.2.3";
import tQuantile from "npm:@stdlib/stats-base-dists-t-quantile@0.2.3";
import type { Interval } from "./interval.ts";

/**
 * Exact Clopper–Pearson interval for a binomial proportion after k successes in n trials, at the
 * given confidence (default 0.95): P(p ∉ interval) ≤ 1 − confidence for every p.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { clopperPearson } from "./stats.ts";
 * const { hi } = clopperPearson(0, 1000, 0.95);
 * assert.ok(Math.abs(hi - 0.003682) < 1e-5); // the "rule of three" ≈ 3/n
 * ```
 */
export function clopperPearson(k: number, n: number, confidence = 0.95): Interval {
  if (!(Number.isInteger(k) && Number.isInteger(n) && 0 <= k && k <= n && n > 0)) {
    throw new RangeError(`clopperPearson needs integers 0 ≤ k ≤ n, n > 0 (got ${k}, ${n})`);
  }
  const a = 1 - confidence;
  const lo = k === 0 ? 0 : betaQuantile(a / 2, k, n - k + 1);
  const hi = k === n ? 1 : betaQuantile(1 - a / 2, k + 1, n - k);
  return { lo, hi };
}

/**
 * One-sided exact upper bound on a failure probability after k failures in n trials:
 * P(p > bound) ≤ 1 − confidence.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { binomialUpperBound } from "./stats.ts";
 * assert.ok(binomialUpperBound(0, 100, 0.99) < 0.05);
 * ```
 */
export function binomialUpperBound(k: number, n: number, confidence = 0.95): number {
  if (!(Number.isInteger(k) && Number.isInteger(n) && 0 <= k && k <= n && n > 0)) {
    throw new RangeError(`binomialUpperBound needs integers 0 ≤ k ≤ n, n > 0 (got ${k}, ${n})`);
  }
  return k === n ? 1 : betaQuantile(confidence, k + 1, n - k);
}

/** A least-squares line y ≈ intercept + slope·x with a confidence interval on the slope. */
export interface LinearFit {
  /** Fitted slope. */
  slope: number;
  /** Fitted intercept. */
  intercept: number;
  /** Standard error of the slope. */
  slopeStdErr: number;
  /** Confidence interval of the slope (Student t with n − 2 degrees of freedom). */
  slopeInterval: Interval;
  /** Number of points. */
  n: number;
}

/**
 * Ordinary least squares fit with a t-based confidence interval on the slope (default 95%).
 * Used on log–log data to fit rate exponents.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linearFit } from "./stats.ts";
 * const f = linearFit([1, 2, 3, 4], [2.1, 3.9, 6.1, 7.9]);
 * assert.ok(Math.abs(f.slope - 1.96) < 1e-9 && f.slopeInterval.lo < 2);
 * ```
 */
export function linearFit(x: ArrayLike<number>, y: ArrayLike<number>, confidence = 0.95): LinearFit {
  const n = x.length;
  if (n !== y.length || n < 3) throw new RangeError("linearFit needs ≥ 3 paired points");
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  const slope = sxy / sxx, intercept = my - slope * mx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (y[i] - intercept - slope * x[i]) ** 2;
  const slopeStdErr = Math.sqrt(rss / (n - 2) / sxx);
  const q = tQuantile(1 - (1 - confidence) / 2, n - 2);
  return {
    slope,
    intercept,
    slopeStdErr,
    slopeInterval: { lo: slope - q * slopeStdErr, hi: slope + q * slopeStdErr },
    n,
  };
}

/**
 * Holm's step-down procedure: which of the hypotheses with these p-values are rejected at
 * family-wise error rate `alpha`. A NaN p-value counts as 0 (rejected): a broken statistic must
 * fail its check, never pass it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { holm } from "./stats.ts";
 * assert.equal(JSON.stringify(holm([0.001, 0.04, 0.03], 0.05)), "[true,false,false]");
 * ```
 */
export function holm(pValues: number[], alpha: number): boolean[] {
  const order = pValues.map((p, i) => [Number.isNaN(p) ? 0 : p, i] as const).sort((a, b) => a[0] - b[0]);
  const rejected = pValues.map(() => false);
  for (let r = 0; r < order.length; r++) {
    const [p, i] = order[r];
    if (!(p <= alpha / (order.length - r))) break;
    rejected[i] = true;
  }
  return rejected;
}

/**
 * Median of a list of numbers (NaN if empty or if any entry is NaN).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { median } from "./stats.ts";
 * assert.equal(median([3, 1, 2]), 2);
 * ```
 */
export function median(values: number[]): number {
  if (values.length === 0 || values.some(Number.isNaN)) return NaN;
  const s = [...values].sort((a, b) => a - b), h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/**
 * P(X ≤ k) for X ~ Binomial(n, p), summed exactly (terms in log space, so no underflow for any n).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { binomialLowerTail } from "./stats.ts";
 * assert.ok(Math.abs(binomialLowerTail(0, 4, 0.9) - 1e-4) < 1e-15); // all four fail
 * assert.equal(binomialLowerTail(4, 4, 0.9), 1);
 * ```
 */
export function binomialLowerTail(k: number, n: number, p: number): number {
  if (!(Number.isInteger(k) && Number.isInteger(n) && n >= 0 && 0 <= p && p <= 1)) {
    throw new RangeError(`binomialLowerTail needs integers k, n ≥ 0 and p ∈ [0, 1] (got ${k}, ${n}, ${p})`);
  }
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p === 0) return 1;
  if (p === 1) return 0;
  // log pmf(j) = log C(n, j) + j log p + (n − j) log(1 − p), built up from j = 0.
  const lp = Math.log(p), lq = Math.log1p(-p);
  let logC = 0, sum = 0;
  for (let j = 0; j <= k; j++) {
    if (j > 0) logC += Math.log((n - j + 1) / j);
    sum += Math.exp(logC + j * lp + (n - j) * lq);
  }
  return Math.min(1, sum);
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p), summed in log space from j = k up (the mirror of
 * {@link binomialLowerTail}): the exact p-value of "failure probability ≤ p" after k failures in n draws.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { binomialUpperTail } from "./stats.ts";
 * assert.ok(Math.abs(binomialUpperTail(6, 6, 0.1) - 1e-6) < 1e-18); // all six fail
 * assert.equal(binomialUpperTail(0, 6, 0.1), 1);
 * assert.equal(binomialUpperTail(7, 6, 0.1), 0);
 * ```
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n || !(p > 0)) return 0;
  if (p >= 1) return 1;
  let logC = 0; // log C(n, 0)
  for (let j = 1; j < k; j++) logC += Math.log((n - j + 1) / j);
  let sum = 0;
  for (let j = k; j <= n; j++) {
    logC += Math.log((n - j + 1) / j);
    sum += Math.exp(logC + j * Math.log(p) + (n - j) * Math.log1p(-p));
  }
  return Math.min(1, sum);
}

/** The outcome of an exact one-sided binomial test of "success probability ≥ p0". */
export interface SuccessRateTest {
  /** P(Bin(n, p0) ≤ k): the p-value (the largest over all success probabilities ≥ p0). */
  pValue: number;
  /** pValue ≤ alpha: the data contradict "success probability ≥ p0" at level alpha. */
  reject: boolean;
  /** One-sided Clopper–Pearson upper confidence bound on the success probability at 1 − alpha (< p0 iff rejected). */
  upper: number;
  /** The smallest p-value n trials can give, (1 − p0)ⁿ: when it exceeds alpha the test cannot reject. */
  minPValue: number;
}

/**
 * Exact one-sided binomial test of H0: every trial succeeds independently with probability ≥ p0,
 * after k successes in n trials. Under H0 the number of successes is stochastically at least
 * Bin(n, p0), so rejecting when P(Bin(n, p0) ≤ k) ≤ alpha has false-alarm probability ≤ alpha.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { successRateTest } from "./stats.ts";
 * assert.ok(successRateTest(1, 6, 0.9, 2e-4).reject); // p = 5.5e-5
 * assert.ok(!successRateTest(2, 6, 0.9, 2e-4).reject); // p = 1.3e-3
 * assert.ok(!successRateTest(0, 3, 0.9, 2e-4).reject); // three trials cannot reach 2e-4
 * ```
 */
export function successRateTest(k: number, n: number, p0: number, alpha: number): SuccessRateTest {
  if (!(Number.isInteger(k) && Number.isInteger(n) && 0 <= k && k <= n && n > 0)) {
    throw new RangeError(`successRateTest needs integers 0 ≤ k ≤ n, n > 0 (got ${k}, ${n})`);
  }
  const pValue = binomialLowerTail(k, n, p0);
  return {
    pValue,
    reject: pValue <= alpha,
    upper: binomialUpperBound(k, n, 1 - alpha),
    minPValue: binomialLowerTail(0, n, p0),
  };
}
