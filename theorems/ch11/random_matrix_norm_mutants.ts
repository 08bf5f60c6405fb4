/**
 * Deliberately wrong `lemma-11.20` claims, caught only by a whole run (testing/whole_run.ts). This module
 * must stay importable in a worker: it defines claims and calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { randomMatrixNorm } from "./random_matrix_norm.ts";

/**
 * lemma-11.20 with a failure bound 100 times too small: the frequency test rejects.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { randomMatrixNormHundredfoldSmallBound } from "./random_matrix_norm_mutants.ts";
 * assert.equal(randomMatrixNormHundredfoldSmallBound().id, "lemma-11.20");
 * ```
 */
export function randomMatrixNormHundredfoldSmallBound(): Claim {
  return randomMatrixNorm((n, d, mu4) => d * mu4 / n / 100);
}
