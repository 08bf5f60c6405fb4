/**
 * Deliberately wrong versions of `prop-11.26` that only a whole run can catch (testing/whole_run.ts):
 * each export builds one, with no arguments, so a worker can rebuild it. No `Deno.test` here.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { linearisedTrainingGap } from "./linearised_training_gap.ts";

/**
 * prop-11.26 with a linearised model built on 1.05·∇Φ(·, w₀): caught by the fitted exponent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linearisedTrainingGapPerturbedJacobian } from "./linearised_training_gap_mutants.ts";
 * assert.equal(linearisedTrainingGapPerturbedJacobian().id, "prop-11.26");
 * ```
 */
export function linearisedTrainingGapPerturbedJacobian(): Claim {
  return linearisedTrainingGap((rows) => rows.map((r) => r.map((v) => 1.05 * v)));
}
