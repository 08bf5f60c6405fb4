/**
 * Deliberately wrong versions of `yang-tstar` that only a whole run can catch (its verdict is a fit over
 * widths); each export builds one with no arguments, so a worker can rebuild it.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { tstarInfinite } from "./tstar_infinite.ts";

/**
 * yang-tstar with a claimed movement O(N^-2): the fitted exponent in N catches it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { yangTstarExponentTwo } from "./tstar_infinite_mutants.ts";
 * assert.equal(yangTstarExponentTwo().id, "yang-tstar");
 * ```
 */
export function yangTstarExponentTwo(): Claim {
  return tstarInfinite(() => -2);
}
