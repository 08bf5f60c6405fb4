/**
 * Deliberately wrong `lemma-11.19` claims, caught only by a whole run (testing/whole_run.ts). This module
 * must stay importable in a worker: it defines claims and calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { lecunKernel } from "../../models/ntk_kernels.ts";
import { tangentKernelEigenvalues } from "./tangent_kernel_eigenvalues.ts";

/**
 * lemma-11.19 with a band built from 2·K^LC (the limit kernel off by a factor 2, so the band's lower end
 * is nλ_min^LC itself, which λ_min(K̂ₙ) undershoots about as often as not): the frequency test rejects.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tangentKernelEigenvaluesTwofoldKernel } from "./tangent_kernel_eigenvalues_mutants.ts";
 * assert.equal(tangentKernelEigenvaluesTwofoldKernel().id, "lemma-11.19");
 * ```
 */
export function tangentKernelEigenvaluesTwofoldKernel(): Claim {
  return tangentKernelEigenvalues((x, z, s) => {
    const k = lecunKernel(x, z, s);
    return { value: 2 * k.value, error: 2 * k.error };
  });
}
