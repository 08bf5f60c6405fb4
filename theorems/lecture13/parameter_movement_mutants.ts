/**
 * Deliberately wrong versions of `yang-movement` that only a whole run can catch (one instance per test
 * run); each export builds one with no arguments, so a worker can rebuild it.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { parameterMovement, printedMovementRadius } from "./parameter_movement.ts";

/**
 * yang-movement with a radius q 100 times too small: its one test instance moves farther.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { yangMovementRadiusHundredfoldSmall } from "./parameter_movement_mutants.ts";
 * assert.equal(yangMovementRadiusHundredfoldSmall().id, "yang-movement");
 * ```
 */
export function yangMovementRadiusHundredfoldSmall(): Claim {
  return parameterMovement((d, n, r0, N, l, delta) => printedMovementRadius(d, n, r0, N, l, delta) / 100);
}

/**
 * yang-movement with the radius q's exponent in N off by 1/4, q·N^{-1/4}: at N = 12288 that is q/10.5, below the
 * movements of the flow.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { yangMovementExponentOffByQuarter } from "./parameter_movement_mutants.ts";
 * assert.equal(yangMovementExponentOffByQuarter().id, "yang-movement");
 * ```
 */
export function yangMovementExponentOffByQuarter(): Claim {
  return parameterMovement((d, n, r0, N, l, delta) => printedMovementRadius(d, n, r0, N, l, delta) * N ** -0.25);
}
