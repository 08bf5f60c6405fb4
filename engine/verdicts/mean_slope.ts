/**
 * Rate fits over instances that differ by their intercepts: one log–log slope per instance, then the mean of
 * the slopes with its t interval (a pooled fit would count the intercepts' spread as noise). The decay
 * decision on such a mean is `decayTest` (./decay_decision.ts).
 *
 * @module
 */
import tQuantile from "npm:@stdlib/stats-base-dists-t-quantile@0.2.3";
import type { StatisticalTest } from "../claim.ts";
import { linearFit } from "../../numerics/stats.ts";
import { decayTest } from "./decay_decision.ts";

/** The mean of per-instance slopes, its standard error and degrees of freedom, and its t interval. */
export interface MeanSlope {
  /** Mean of the slopes. */
  mean: number;
  /** Standard error of the mean (sample standard deviation over √k). */
  se: number;
  /** Degrees of freedom, k − 1. */
  df: number;
  /** Lower end of the two-sided interval. */
  lo: number;
  /** Upper end of the two-sided interval. */
  hi: number;
}

/**
 * The least-squares slope of log y against log x.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logLogSlope } from "./mean_slope.ts";
 * assert.ok(Math.abs(logLogSlope([1, 2, 4], [1, 0.5, 0.25]) + 1) < 1e-12);
 * ```
 */
export function logLogSlope(x: number[], y: number[]): number {
  return linearFit(x.map(Math.log), y.map(Math.log)).slope;
}

/**
 * The mean of `slopes` with the t interval at two-sided level 1 − gamma (k − 1 degrees of freedom).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanSlope } from "./mean_slope.ts";
 * const s = meanSlope([-1, -0.5, -0.75], 0.05);
 * assert.equal(s.mean, -0.75);
 * assert.equal(s.df, 2);
 * assert.ok(Math.abs(s.se - 0.25 / Math.sqrt(3)) < 1e-15);
 * assert.ok(s.lo < -0.75 && -0.75 < s.hi && Math.abs(s.hi + s.lo + 1.5) < 1e-12);
 * ```
 */
export function meanSlope(slopes: number[], gamma: number): MeanSlope {
  const k = slopes.length, mean = slopes.reduce((a, b) => a + b, 0) / k;
  const sd = Math.sqrt(slopes.reduce((a, b) => a + (b - mean) ** 2, 0) / (k - 1));
  const se = sd / Math.sqrt(k), q = tQuantile(1 - gamma / 2, k - 1) * se;
  return { mean, se, df: k - 1, lo: mean - q, hi: mean + q };
}

/**
 * The decay decision "the (1 − gamma) interval of the mean slope lies below 0" as a test record (`decayTest`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { meanSlope, meanSlopeDecayTest } from "./mean_slope.ts";
 * const test = meanSlopeDecayTest("gap", meanSlope([-1, -0.9, -1.1, -1.05], 1e-3), 1e-3);
 * assert.ok(test.pValue > test.alpha); // clearly below 0: no rejection
 * ```
 */
export function meanSlopeDecayTest(name: string, s: MeanSlope, gamma: number): StatisticalTest {
  return decayTest({ name, slope: s.mean, se: s.se, df: s.df, gamma });
}

/**
 * `mean [lo, hi]` with `digits` decimals.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatMeanSlope } from "./mean_slope.ts";
 * assert.equal(formatMeanSlope({ mean: -1, se: 0.1, df: 4, lo: -1.25, hi: -0.75 }, 2), "-1.00 [-1.25, -0.75]");
 * ```
 */
export function formatMeanSlope(s: MeanSlope, digits: number): string {
  return `${s.mean.toFixed(digits)} [${s.lo.toFixed(digits)}, ${s.hi.toFixed(digits)}]`;
}
