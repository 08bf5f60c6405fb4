/**
 * Higham's rounding budget γₖ (Accuracy and Stability of Numerical Algorithms, §3.1): k rounded
 * binary64 operations in a row have relative error at most γₖ = ku/(1 − ku), u = 2⁻⁵³.
 *
 * @module
 */

/**
 * Unit roundoff u = 2⁻⁵³ of binary64 (round to nearest).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { UNIT_ROUNDOFF } from "./higham_gamma.ts";
 * assert.equal(1 + UNIT_ROUNDOFF, 1); // a tie, rounded to even
 * ```
 */
export const UNIT_ROUNDOFF = 2 ** -53;

/**
 * Higham's γₖ = ku/(1 − ku), the relative error bound of k rounded operations (Higham, Lemma 3.1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { highamGamma, UNIT_ROUNDOFF } from "./higham_gamma.ts";
 * assert.equal(highamGamma(0), 0);
 * assert.ok(highamGamma(3) > 3 * UNIT_ROUNDOFF);
 * ```
 */
export function highamGamma(k: number): number {
  return (k * UNIT_ROUNDOFF) / (1 - k * UNIT_ROUNDOFF);
}
