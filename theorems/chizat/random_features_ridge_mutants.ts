/**
 * Deliberately wrong versions of `chizat-random-features` that only a whole run can catch (the
 * aggregate's rate fit); each export builds one with no arguments, so a worker can rebuild it
 * (testing/whole_run.ts). Calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { randomFeaturesRidge } from "./random_features_ridge.ts";

/**
 * chizat-random-features with a wrong limiting kernel (the arc-cosine kernel without the bias
 * coordinate): the error stops decaying with the number of features.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { chizatRandomFeaturesNoBias } from "./random_features_ridge_mutants.ts";
 * assert.equal(chizatRandomFeaturesNoBias().id, "chizat-random-features");
 * ```
 */
export function chizatRandomFeaturesNoBias(): Claim {
  const noBias = (x: ArrayLike<number>, z: ArrayLike<number>) => {
    let xx = 0, zz = 0, xz = 0;
    for (let k = 0; k < x.length; k++) {
      xx += x[k] * x[k];
      zz += z[k] * z[k];
      xz += x[k] * z[k];
    }
    const nx = Math.sqrt(xx), nz = Math.sqrt(zz), c = Math.min(1, Math.max(-1, xz / (nx * nz)));
    const t = Math.acos(c);
    return ((nx * nz) / (2 * Math.PI)) * (Math.sin(t) + (Math.PI - t) * c);
  };
  return randomFeaturesRidge(noBias);
}
