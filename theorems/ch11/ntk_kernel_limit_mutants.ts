/**
 * Deliberately wrong versions of thm-11.30 that only a whole run can catch (its rate fit), for
 * `ntk_kernel_limit_test.ts` (testing/whole_run.ts). Importable in a worker: no `Deno.test` here.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { derivativeKernel, lecunKernel, ntkKernel } from "../../models/ntk_kernels.ts";
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

/**
 * thm-11.30 with (1 + xᵀz) in place of (1 + xᵀz/d) in front of E[σ′σ′], the near miss: the LeCun proof's
 * factor (11.5.3) carried over to the NTK parametrisation, where the first layer's 1/√d puts xᵀz/d. The
 * convergence test must reject it at the test budget.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ntkKernelLimitWithoutOverD } from "./ntk_kernel_limit_mutants.ts";
 * assert.equal(ntkKernelLimitWithoutOverD().id, "thm-11.30");
 * ```
 */
export function ntkKernelLimitWithoutOverD(): Claim {
  return ntkKernelLimit((x, z, s) => {
    const d = x.length, xz = x.reduce((acc, v, j) => acc + v * z[j], 0);
    return ntkKernel(x, z, s).value + xz * (1 - 1 / d) * derivativeKernel(x, z, s).value;
  });
}
