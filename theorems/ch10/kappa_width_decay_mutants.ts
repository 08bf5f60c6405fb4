/**
 * Deliberately wrong versions of eq-10.47 (theorems/ch10/kappa_width_decay.ts) that only a whole run can
 * catch: each export builds one, with no arguments, so a worker can rebuild it. This module must stay
 * importable in a worker: it defines claims and calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { kappaWidthDecay, printedKappaExponent } from "./kappa_width_decay.ts";

/**
 * eq-10.47's near miss: every bound exponent 1/4 too small (κ ≲ d_hid^{-3/4} for α = 1/√d_hid): the ReLU fits
 * (and the tanh corrected tests) catch it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kappaWidthDecayExponentQuarterLow } from "./kappa_width_decay_mutants.ts";
 * assert.equal(kappaWidthDecayExponentQuarterLow().id, "eq-10.47");
 * ```
 */
export function kappaWidthDecayExponentQuarterLow(): Claim {
  return kappaWidthDecay((beta) => printedKappaExponent(beta) - 0.25);
}
