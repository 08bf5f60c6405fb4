/**
 * Deliberately wrong versions of `chizat-implicit-bias` that only a whole run can catch (the
 * aggregate's binomial test); each export builds one with no arguments, so a worker can rebuild it
 * (testing/whole_run.ts). Calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { implicitBias } from "./implicit_bias.ts";

/**
 * chizat-implicit-bias with a wrong reference direction (the centroid classifier Σyᵢxᵢ scaled to margin
 * 1): the binomial test on the limit and the 1/log t law rejects.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { chizatImplicitBiasCentroid } from "./implicit_bias_mutants.ts";
 * assert.equal(chizatImplicitBiasCentroid().id, "chizat-implicit-bias");
 * ```
 */
export function chizatImplicitBiasCentroid(): Claim {
  return implicitBias((data) => {
    const w = new Float64Array(data.d);
    data.y.forEach((yi, i) => {
      for (let k = 0; k < data.d; k++) w[k] += yi * data.x[i * data.d + k];
    });
    // Scale to margin 1, as the max-margin vector ŵ is.
    let min = Infinity;
    data.y.forEach((yi, i) => {
      let m = 0;
      for (let k = 0; k < data.d; k++) m += w[k] * data.x[i * data.d + k];
      min = Math.min(min, yi * m);
    });
    return { w: w.map((v) => v / min), angleBound: 0 };
  });
}
