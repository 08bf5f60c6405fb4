/**
 * Deliberately wrong versions of eos-10.3 (theorems/ch10/edge_of_stability.ts) that only a whole run can
 * catch: each export builds one, with no arguments, so a worker can rebuild it. This module must stay
 * importable in a worker: it defines claims and calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { withParams } from "../../engine/mutation.ts";
import { edgeOfStability } from "./edge_of_stability.ts";

/**
 * eos-10.3 with a wrong Hessian-vector product (half the true one): the measured sharpness is half the
 * true one at every step, and the binomial test rejects on the test budget's 40 runs (it needs ≥ 10
 * meeting the hypothesis), of 1000 steps instead of 2000 to save time.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { edgeOfStabilityHalfHessian } from "./edge_of_stability_mutants.ts";
 * assert.equal(edgeOfStabilityHalfHessian().id, "eos-10.3");
 * ```
 */
export function edgeOfStabilityHalfHessian(): Claim {
  const wrong = edgeOfStability((net, theta, data, delta, out) => {
    net.hessianVector(theta, data, delta, out);
    for (let q = 0; q < out.length; q++) out[q] *= 0.5;
  });
  return withParams(wrong, { steps: 1000 });
}

/**
 * The near miss of eos-10.3: a theory in which the sharpness rises to 1/η and settles there (the constant of the
 * edge off by 2), with the true Hessian: from the same stable start (sharpness(θ₀) < 2/η, the hypothesis), the reach
 * and the band are read against 1/η. Runs of 1000 steps instead of 2000 to save time (the edge, 2/η,
 * is reached within ~150 steps at η = 2 and the band [0.9, 1.1]/η is left for good once the sharpness passes 1.1/η).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { edgeOfStabilityEdgeOneOverEta } from "./edge_of_stability_mutants.ts";
 * assert.equal(edgeOfStabilityEdgeOneOverEta().id, "eos-10.3");
 * ```
 */
export function edgeOfStabilityEdgeOneOverEta(): Claim {
  return withParams(edgeOfStability(undefined, 1), { steps: 1000 });
}
