/**
 * Rounding budget of one entry of a Gram matrix JJᵀ computed two ways (a float dot product of two rows
 * of P entries, against another float evaluation of the same sum), when each factor is itself rounded a
 * few times (Higham, Accuracy and Stability, §3.1: |fl(xᵀy) − xᵀy| ≤ γ_P Σ|xₖyₖ|).
 *
 * @module
 */
import { EPS } from "./linalg.ts";

/**
 * 2(P + 8)ε(Σₖ|JₐₖJ_bₖ| + 1): both sides are float sums of P products of factors each rounded about
 * d + 4 times, so each is within (P + 8)ε·(Σ|products| + 1) of the exact value (a γ bound, to first order).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gramEntryRoundingBound } from "./gram_rounding.ts";
 * assert.equal(gramEntryRoundingBound(2, 1), 2 * 10 * Number.EPSILON * 2);
 * ```
 */
export function gramEntryRoundingBound(parameterCount: number, absoluteSum: number): number {
  return 2 * (parameterCount + 8) * EPS * (absoluteSum + 1);
}
