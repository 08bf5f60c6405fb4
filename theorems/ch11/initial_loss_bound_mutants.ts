/**
 * Deliberately wrong `lemma-11.22` claims, caught only by a whole run (testing/whole_run.ts). This module
 * must stay importable in a worker: it defines claims and calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { initialLossBound } from "./initial_loss_bound.ts";

/**
 * lemma-11.22 with R₀ = mCδ: the frequency test rejects.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { initialLossBoundRadiusMCDelta } from "./initial_loss_bound_mutants.ts";
 * assert.equal(initialLossBoundRadiusMCDelta().id, "lemma-11.22");
 * ```
 */
export function initialLossBoundRadiusMCDelta(): Claim {
  return initialLossBound((m, C, delta) => m * C * delta);
}
