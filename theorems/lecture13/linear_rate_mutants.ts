/**
 * Deliberately wrong versions of `yang-linear-rate` that only a whole run can catch (one instance per
 * test run); each export builds one with no arguments, so a worker can rebuild it.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { linearRate } from "./linear_rate.ts";

/**
 * yang-linear-rate with the rate claimed twice as fast, exp(−2Nλ_S t/n) (the factor 1/2 of λ_min ≥ λ_S/2 dropped):
 * the flow attains about 2Nλ_min(K̂^(a))/n, so it fails on the draws with λ_min(K̂^(a)(θ⁰)) < λ_S, about half.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { yangLinearRateTwiceFaster } from "./linear_rate_mutants.ts";
 * assert.equal(yangLinearRateTwiceFaster().id, "yang-linear-rate");
 * ```
 */
export function yangLinearRateTwiceFaster(): Claim {
  return linearRate(() => 2);
}
