/**
 * Deliberately wrong versions of thm-11.30 that only a whole run can catch (its rate fit), for
 * `ntk_kernel_limit_test.ts` (testing/whole_run.ts). Importable in a worker: no `Deno.test` here.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { lecunKernel } from "../../models/ntk_kernels.ts";
import { ntkKernelLimit } from "./ntk_kernel_limit.ts";

/**
 * thm-11.30 with K^NTK without its σ′ term (the LeCun limit plus 1): the convergence test rejects.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ntkKernelLimitWithoutDerivativeTerm } from "./ntk_kernel_limit_mutants.ts";
 * assert.equal(ntkKernelLimitWithoutDerivativeTerm().id, "thm-11.30");
 * ```
 */
export function ntkKernelLimitWithoutDerivativeTerm(): Claim {
  return ntkKernelLimit((x, z, s) => lecunKernel(x, z, s).value + 1);
}
