/**
 * Deliberately wrong versions of `chizat-global-convergence` that only a whole run can catch (the
 * aggregate's binomial test); each export builds one with no arguments, so a worker can rebuild it
 * (testing/whole_run.ts). Calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { withParams } from "../../engine/mutation.ts";
import { relu } from "../../models/activation.ts";
import { globalConvergence } from "./global_convergence.ts";

/**
 * chizat-global-convergence with a wrong gradient (ReLU with the derivative 1[z < 0]): no width gets
 * anywhere near 10⁻³·F₀, and the binomial test on the test budget's 20 runs (10 (under-parametrised, wide) pairs)
 * rejects. Horizon T = 100 instead of 300 to save time.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { chizatGlobalConvergenceWrongDerivative } from "./global_convergence_mutants.ts";
 * assert.equal(chizatGlobalConvergenceWrongDerivative().id, "chizat-global-convergence");
 * ```
 */
export function chizatGlobalConvergenceWrongDerivative(): Claim {
  const wrong = { ...relu, name: "ReLU, wrong σ′", df: (z: number) => (z < 0 ? 1 : 0) };
  return withParams(globalConvergence(wrong), { horizon: 100 });
}
