/**
 * Deliberately wrong versions of ex-11.37 (theorems/ch11/ntk_with_biases.ts) run whole by the tests (the
 * reported test record): each export builds one, with no arguments, so a worker can rebuild it. This module must
 * stay importable in a worker: it defines claims and calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { limitKernel } from "../../models/ntk_kernels.ts";
import { ntkWithBiases } from "./ntk_with_biases.ts";

/**
 * ex-11.37 with the derived limit 5% too large: the power's alternative.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ntkWithBiasesFivePercentLarge } from "./ntk_with_biases_mutants.ts";
 * assert.equal(ntkWithBiasesFivePercentLarge().id, "ex-11.37");
 * ```
 */
export function ntkWithBiasesFivePercentLarge(): Claim {
  return ntkWithBiases((x, z, spec) => 1.05 * limitKernel(x, z, spec).value);
}
