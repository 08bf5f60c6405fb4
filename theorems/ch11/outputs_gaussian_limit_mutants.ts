/**
 * Deliberately wrong `prop-11.28` claims, caught only by a whole run (testing/whole_run.ts). This module
 * must stay importable in a worker: it defines claims and calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { lecunKernel } from "../../models/ntk_kernels.ts";
import { outputsGaussianLimit } from "./outputs_gaussian_limit.ts";

/**
 * prop-11.28 with a covariance 15% too large: the goodness-of-fit test rejects.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { outputsGaussianLimitCovarianceTooLarge } from "./outputs_gaussian_limit_mutants.ts";
 * assert.equal(outputsGaussianLimitCovarianceTooLarge().id, "prop-11.28");
 * ```
 */
export function outputsGaussianLimitCovarianceTooLarge(): Claim {
  return outputsGaussianLimit((x, z, s) => 1.15 * lecunKernel(x, z, s).value);
}
