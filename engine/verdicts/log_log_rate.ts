/**
 * Rates in a width (or any scale) fitted on log–log axes: the slope of log y against log x with a
 * Student-t interval, and how the fit is printed in a report's rows.
 *
 * @module
 */
import { type LinearFit, linearFit } from "../../numerics/stats.ts";

/**
 * The least-squares fit of log y against log x, with a `confidence` interval on the slope (the exponent).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logLogFit } from "./log_log_rate.ts";
 * const fit = logLogFit([16, 64, 256], [0.25, 0.125, 0.0625], 0.99);
 * assert.ok(Math.abs(fit.slope + 0.5) < 1e-12);
 * ```
 */
export function logLogFit(x: readonly number[], y: readonly number[], confidence: number): LinearFit {
  return linearFit(x.map((v) => Math.log(v)), y.map((v) => Math.log(v)), confidence);
}

/**
 * A fitted exponent and its interval as "slope [lo, hi]", three decimals.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatExponent } from "./log_log_rate.ts";
 * assert.equal(formatExponent({ slope: -0.5, slopeInterval: { lo: -0.61, hi: -0.4 } }), "-0.500 [-0.610, -0.400]");
 * ```
 */
export function formatExponent(fit: Pick<LinearFit, "slope" | "slopeInterval">): string {
  const { lo, hi } = fit.slopeInterval;
  return `${fit.slope.toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}]`;
}
