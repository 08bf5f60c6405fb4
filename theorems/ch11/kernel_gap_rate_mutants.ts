/**
 * Deliberately wrong versions of `prop-11.25` that only a whole run can catch (testing/whole_run.ts):
 * each export builds one, with no arguments, so a worker can rebuild it. No `Deno.test` here.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { kernelGapRate } from "./kernel_gap_rate.ts";

/**
 * prop-11.25 with a linearised model built on 1.05·∇Φ(X, w₀): the kernel gap stops decaying with the
 * width, which the fitted exponent catches.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kernelGapRatePerturbedJacobian } from "./kernel_gap_rate_mutants.ts";
 * assert.equal(kernelGapRatePerturbedJacobian().id, "prop-11.25");
 * ```
 */
export function kernelGapRatePerturbedJacobian(): Claim {
  return kernelGapRate((rows) => rows.map((r) => r.map((v) => 1.05 * v)));
}
