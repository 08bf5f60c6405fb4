/**
 * The constant R of Assumption 11.18 (a), (b): one bound on the activation's constants and on the data.
 *
 * @module
 */
import type { Activation } from "./activation.ts";

/**
 * The smallest R with |σ(0)|, Lip(σ), Lip(σ′) ≤ R (Assumption 11.18 (a)) and every given data bound
 * (‖xᵢ‖, |yᵢ|, Assumption 11.18 (b)) ≤ R: their maximum (Infinity when σ′ is not Lipschitz).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { smallestCommonBound } from "./common_bound.ts";
 * import { arctan, relu, softplus } from "./activation.ts";
 * assert.equal(smallestCommonBound(softplus), 1); // log 2, 1, 1/4
 * assert.equal(smallestCommonBound(arctan, 1.5, 0.8), 1.5);
 * assert.equal(smallestCommonBound(relu), Infinity);
 * ```
 */
export function smallestCommonBound(activation: Activation, ...dataBounds: number[]): number {
  return Math.max(activation.atZero, activation.lipschitz, activation.derivativeLipschitz, ...dataBounds);
}
