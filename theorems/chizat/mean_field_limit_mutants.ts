/**
 * Deliberately wrong versions of `chizat-mean-field` that only a whole run can catch (the aggregate's
 * rate fit); each export builds one with no arguments, so a worker can rebuild it
 * (testing/whole_run.ts). Calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { meanFieldLimit } from "./mean_field_limit.ts";

/**
 * chizat-mean-field under the NTK scaling (f = Σφ/√m, dw/dt = −∇F), at the claim's own budget. Its curves do
 * converge as m grows (from quasi-random particles, to the kernel regime's), so the m-vs-2m gap cannot see it; but its
 * particles move m^{-1/2} times slower than the Wasserstein gradient flow of F asks, so μ_{t,m} → μ₀, not μ_t: the
 * energy identity F(μ_t) = F(μ₀) − ∫₀ᵗ∫‖∇F′_{μ_s}‖²dμ_s ds misses by a factor 1 − m^{-1/2} on every instance.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { chizatMeanFieldNtkScaling } from "./mean_field_limit_mutants.ts";
 * assert.equal(chizatMeanFieldNtkScaling().instances.test, 14);
 * ```
 */
export function chizatMeanFieldNtkScaling(): Claim {
  const ntk = { outputScale: (m: number) => 1 / Math.sqrt(m), velocityExponent: 0 };
  return meanFieldLimit(ntk);
}
