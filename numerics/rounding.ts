/**
 * Rounding budgets of float64 arithmetic (Higham, Accuracy and Stability of Numerical Algorithms, §3.1):
 * k rounded binary64 operations in a row have relative error at most γₖ = ku/(1 − ku), u = 2⁻⁵³; a
 * dot product |fl(xᵀy) − xᵀy| ≤ γₙ Σ|xᵢyᵢ|, and γₙ ≤ 1.01·n·u for nu ≤ 0.01; a Gram entry computed
 * two ways from rounded factors.
 *
 * @module
 */
import { EPS } from "./linalg.ts";

/**
 * Unit roundoff u = 2⁻⁵³ of binary64 (round to nearest).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { UNIT_ROUNDOFF } from "./rounding.ts";
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
 * import { highamGamma, UNIT_ROUNDOFF } from "./rounding.ts";
 * assert.equal(highamGamma(0), 0);
 * assert.ok(highamGamma(3) > 3 * UNIT_ROUNDOFF);
 * ```
 */
export function highamGamma(k: number): number {
  return (k * UNIT_ROUNDOFF) / (1 - k * UNIT_ROUNDOFF);
}

/**
 * 1.01·n·u, an upper bound on γₙ for n·u ≤ 0.01: times Σ|xᵢyᵢ| it bounds the rounding error of an
 * n-term dot product.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { dotProductFactor, UNIT_ROUNDOFF } from "./rounding.ts";
 * const gamma10 = (10 * UNIT_ROUNDOFF) / (1 - 10 * UNIT_ROUNDOFF);
 * assert.ok(dotProductFactor(10) >= gamma10);
 * assert.equal(dotProductFactor(3), 1.01 * 3 * UNIT_ROUNDOFF);
 * ```
 */
export function dotProductFactor(n: number): number {
  return 1.01 * n * UNIT_ROUNDOFF;
}

/**
 * 2(P + 8)ε(Σₖ|JₐₖJ_bₖ| + 1): both sides are float sums of P products of factors each rounded about
 * d + 4 times, so each is within (P + 8)ε·(Σ|products| + 1) of the exact value (a γ bound, to first order).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gramEntryRoundingBound } from "./rounding.ts";
 * assert.equal(gramEntryRoundingBound(2, 1), 2 * 10 * Number.EPSILON * 2);
 * ```
 */
export function gramEntryRoundingBound(parameterCount: number, absoluteSum: number): number {
  return 2 * (parameterCount + 8) * EPS * (absoluteSum + 1);
}
