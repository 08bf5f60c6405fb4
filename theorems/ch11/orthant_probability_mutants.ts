/**
 * Deliberately wrong versions of ex-11.36 (theorems/ch11/orthant_probability.ts) run whole by the tests (the
 * reported test record): each export builds one, with no arguments, so a worker can rebuild it. This module must
 * stay importable in a worker: it defines claims and calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { reluDerivativeKernelClosedForm } from "../../models/ntk_kernels.ts";
import { orthantProbability } from "./orthant_probability.ts";

/**
 * ex-11.36 with the orthant probability 5% too large, 1.05·(π − θ)/(2π): the power's alternative.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { orthantProbabilityFivePercentLarge } from "./orthant_probability_mutants.ts";
 * assert.equal(orthantProbabilityFivePercentLarge().id, "ex-11.36");
 * ```
 */
export function orthantProbabilityFivePercentLarge(): Claim {
  return orthantProbability((x, z) => 1.05 * reluDerivativeKernelClosedForm(x, z));
}
