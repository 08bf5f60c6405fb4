/**
 * Deliberately wrong versions of `yang-gram` that only a whole run can catch (its verdict is a rate fit
 * over widths); each export builds one with no arguments, so a worker can rebuild it.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { kernelA } from "../../models/lecture_network.ts";
import { gramMatrices } from "./gram_matrices.ts";

/**
 * yang-gram with a limit kernel off by a factor 1.2: the error stops decaying with the width.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { yangGramKernelOff } from "./gram_matrices_mutants.ts";
 * assert.equal(yangGramKernelOff().id, "yang-gram");
 * ```
 */
export function yangGramKernelOff(): Claim {
  return gramMatrices((x, y) => 1.2 * kernelA(x, y));
}
