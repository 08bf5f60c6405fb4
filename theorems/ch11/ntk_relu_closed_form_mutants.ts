/**
 * Deliberately wrong versions of ex-11.31 (theorems/ch11/ntk_relu_closed_form.ts) run whole by the tests (the
 * reported test record): each export builds one, with no arguments, so a worker can rebuild it. This module must
 * stay importable in a worker: it defines claims and calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { reluDerivativeKernelClosedForm, reluNtkKernelClosedForm } from "../../models/ntk_kernels.ts";
import { ntkReluClosedForm } from "./ntk_relu_closed_form.ts";

/**
 * ex-11.31 with K^NTK 5% too large: the power's alternative (the quadrature check (a) catches it too).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ntkReluClosedFormFivePercentLarge } from "./ntk_relu_closed_form_mutants.ts";
 * assert.equal(ntkReluClosedFormFivePercentLarge().id, "ex-11.31");
 * ```
 */
export function ntkReluClosedFormFivePercentLarge(): Claim {
  return ntkReluClosedForm({
    derivative: reluDerivativeKernelClosedForm,
    ntk: (x, z) => 1.05 * reluNtkKernelClosedForm(x, z),
  });
}
