/**
 * The logistic function and softplus, evaluated without overflow.
 *
 * @module
 */

/**
 * Softplus log(1 + eˣ) without overflow (x + log1p(e⁻ˣ) for x > 0).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { softplus } from "./logistic.ts";
 * assert.equal(softplus(0), Math.LN2);
 * assert.equal(softplus(1000), 1000);
 * ```
 */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * The logistic function 1/(1 + e⁻ˣ) without overflow (the derivative of softplus).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logistic } from "./logistic.ts";
 * assert.equal(logistic(0), 0.5);
 * assert.equal(logistic(-1000), 0);
 * assert.ok(Math.abs(logistic(3) + logistic(-3) - 1) < 1e-15);
 * ```
 */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
