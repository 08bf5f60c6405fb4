/**
 * A deliberately wrong version of `yang-pde-rate`, for `pde_rate_test.ts`; an export of no arguments, so a worker
 * can rebuild it (testing/whole_run.ts). Calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { pdeRate } from "./pde_rate.ts";

/**
 * yang-pde-rate with the rate exp(−2.5Nλ_S t/n), the near miss: beyond the 2Nλ_S/n that λ_min(K̂^(a)(θ⁰)) ≥ λ_S
 * gives to first order, so the certificate along t ≥ 0 fails on every draw.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { yangPdeRateTwoAndAHalfFaster } from "./pde_rate_mutants.ts";
 * assert.equal(yangPdeRateTwoAndAHalfFaster().id, "yang-pde-rate");
 * ```
 */
export function yangPdeRateTwoAndAHalfFaster(): Claim {
  return pdeRate(() => 2.5);
}
