/**
 * The near miss of `chizat-lazy-generalisation`, for its whole-run test: the theory that the lazy (kernel) regime
 * generalises at least as well as the active one.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { lazyGeneralisation } from "./lazy_generalisation.ts";

/**
 * The claim counting "the lazy test loss is at most the active one" on each draw.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lazyNotWorse } from "./lazy_generalisation_mutants.ts";
 * assert.equal(lazyNotWorse().id, "chizat-lazy-generalisation");
 * ```
 */
export function lazyNotWorse(): Claim {
  return lazyGeneralisation((lazy, active) => lazy <= active);
}
