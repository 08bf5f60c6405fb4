/**
 * Rounding budget of a float64 dot product (Higham, Accuracy and Stability, §3.1):
 * |fl(xᵀy) − xᵀy| ≤ γₙ Σ|xᵢyᵢ| with γₙ = nu/(1 − nu), u = ε/2; for nu ≤ 0.01, γₙ ≤ 1.01·n·u.
 *
 * @module
 */

/** The unit roundoff u = ε/2 of float64. */
export const UNIT_ROUNDOFF = Number.EPSILON / 2;

/**
 * 1.01·n·u, an upper bound on γₙ for n·u ≤ 0.01: times Σ|xᵢyᵢ| it bounds the rounding error of an
 * n-term dot product.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { dotProductFactor, UNIT_ROUNDOFF } from "./dot_product_rounding.ts";
 * const gamma10 = (10 * UNIT_ROUNDOFF) / (1 - 10 * UNIT_ROUNDOFF);
 * assert.ok(dotProductFactor(10) >= gamma10);
 * assert.equal(dotProductFactor(3), 1.01 * 3 * UNIT_ROUNDOFF);
 * ```
 */
export function dotProductFactor(n: number): number {
  return 1.01 * n * UNIT_ROUNDOFF;
}
