/**
 * Deliberately wrong versions of `yang-linear-rate` that only a whole run can catch (one instance per
 * test run); each export builds one with no arguments, so a worker can rebuild it.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { linearRate } from "./linear_rate.ts";

/**
 * yang-linear-rate with a rate claimed 4 times faster, exp(−4Nλ_S t/n): its one test instance fails.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { yangLinearRateFourTimesFaster } from "./linear_rate_mutants.ts";
 * assert.equal(yangLinearRateFourTimesFaster().id, "yang-linear-rate");
 * ```
 */
export function yangLinearRateFourTimesFaster(): Claim {
  return linearRate(() => 4);
}
