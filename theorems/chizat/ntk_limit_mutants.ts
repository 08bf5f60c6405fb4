/**
 * Near misses of `chizat-ntk-limit`, for its whole-run mutation tests.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { ntkLimit } from "./ntk_limit.ts";

/**
 * The limit kernel 5% off: 1.05·Θ^L at every depth.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ntkLimitFivePercentOff } from "./ntk_limit_mutants.ts";
 * assert.equal(ntkLimitFivePercentOff().id, "chizat-ntk-limit");
 * ```
 */
export function ntkLimitFivePercentOff(): Claim {
  return ntkLimit({ scale: 1.05 });
}

/**
 * The depth-3 recursion without its Σ̇ factor: Θ³ = Θ² + Σ³ (depth 2 as derived).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ntkLimitWithoutSigmaDot } from "./ntk_limit_mutants.ts";
 * assert.equal(ntkLimitWithoutSigmaDot().id, "chizat-ntk-limit");
 * ```
 */
export function ntkLimitWithoutSigmaDot(): Claim {
  return ntkLimit({ dropDerivative: true });
}
