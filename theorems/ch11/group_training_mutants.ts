/**
 * The near-miss mutant of `sec-11.6-training` for whole runs (testing/whole_run.ts): the statement read for
 * any parametrisation, run on the NTK one (11.6.1) with its width-free step.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { groupTraining } from "./group_training.ts";

/**
 * The claim for any parametrisation (instances: NTK (11.6.1), h = 0.5/λ_max(K̂₀)).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { anyParametrisation } from "./group_training_mutants.ts";
 * assert.equal(anyParametrisation().id, "sec-11.6-training");
 * ```
 */
export const anyParametrisation = (): Claim => groupTraining(true);
