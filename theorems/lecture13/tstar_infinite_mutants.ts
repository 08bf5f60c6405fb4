/**
 * Deliberately wrong versions of `yang-tstar` that only a whole run can catch (its verdict is a fit over
 * widths); each export builds one with no arguments, so a worker can rebuild it.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { tstarInfinite } from "./tstar_infinite.ts";

/**
 * yang-tstar with a claimed movement O(N^(-5/4)), the exponent off by 1/4: the fitted exponent in N catches it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { yangTstarExponentFiveQuarters } from "./tstar_infinite_mutants.ts";
 * assert.equal(yangTstarExponentFiveQuarters().id, "yang-tstar");
 * ```
 */
export function yangTstarExponentFiveQuarters(): Claim {
  return tstarInfinite(() => -5 / 4);
}
