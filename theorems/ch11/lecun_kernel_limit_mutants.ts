/**
 * Deliberately wrong versions of thm-11.16 that only a whole run can catch (its rate fit), for
 * `lecun_kernel_limit_test.ts` (testing/whole_run.ts). Importable in a worker: no `Deno.test` here.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { lecunKernel } from "../../models/ntk_kernels.ts";
import { lecunKernelLimit } from "./lecun_kernel_limit.ts";

/**
 * thm-11.16 with a limit kernel 5% off (1.05·K^LC), the near miss (issue 19's default alternative of a
 * Monte Carlo comparison): the empirical kernels' convergence test must reject it at the test budget. It
 * does on seed 1 (the test's), but not on every seed: measured, falsified on 18 of master seeds 1–30 at the
 * test budget (power ≈ 0.6) and on 5 of 5 (seeds 1–5) at the report budget.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lecunKernelLimitFivePercentOff } from "./lecun_kernel_limit_mutants.ts";
 * assert.equal(lecunKernelLimitFivePercentOff().id, "thm-11.16");
 * ```
 */
export function lecunKernelLimitFivePercentOff(): Claim {
  return lecunKernelLimit((x, z, s) => 1.05 * lecunKernel(x, z, s).value);
}
