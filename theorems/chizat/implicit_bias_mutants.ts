/**
 * Deliberately wrong versions of `chizat-implicit-bias` that only a whole run can catch (the
 * aggregate's binomial test); each export builds one with no arguments, so a worker can rebuild it
 * (testing/whole_run.ts). Calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { truncatedMinNorm } from "../../models/kernel_least_squares.ts";
import { Matrix } from "../../numerics/linalg.ts";
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
    return { w: toMarginOne(w, data), angleBound: 0 };
  });
}

/**
 * chizat-implicit-bias with the near miss as reference: the least-squares classifier X⁺y (the implicit
 * bias of GD on the squared loss, Theorem 11.3's min-norm solution) in place of the max-margin vector,
 * scaled to margin 1 as ŵ is. The binomial test on the limit and the 1/log t law must reject it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { chizatImplicitBiasLeastSquares } from "./implicit_bias_mutants.ts";
 * assert.equal(chizatImplicitBiasLeastSquares().id, "chizat-implicit-bias");
 * ```
 */
export function chizatImplicitBiasLeastSquares(): Claim {
  return implicitBias((data) => {
    const n = data.y.length, x = new Matrix(n, data.d);
    for (let i = 0; i < n; i++) for (let k = 0; k < data.d; k++) x.set(i, k, data.x[i * data.d + k]);
    const w = Float64Array.from(truncatedMinNorm(x, data.y, 1e-12).x);
    return { w: toMarginOne(w, data), angleBound: 0 };
  });
}

/**
 * chizat-implicit-bias with the 1/log t law's constant off by 2: the predicted slope of cot θ against log t is
 * 2‖ŵ‖/‖w̃⊥‖ in place of ‖ŵ‖/‖w̃⊥‖ (w̃ still predicted from the data alone). The binomial test must reject it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { chizatImplicitBiasConstantTwice } from "./implicit_bias_mutants.ts";
 * assert.equal(chizatImplicitBiasConstantTwice().id, "chizat-implicit-bias");
 * ```
 */
export function chizatImplicitBiasConstantTwice(): Claim {
  return implicitBias(undefined, 2);
}

/** w scaled to margin minᵢ yᵢ w·xᵢ = 1, as the max-margin vector ŵ is. */
function toMarginOne(w: Float64Array, data: { x: ArrayLike<number>; y: ArrayLike<number>; d: number }): Float64Array {
  let min = Infinity;
  for (let i = 0; i < data.y.length; i++) {
    let m = 0;
    for (let k = 0; k < data.d; k++) m += w[k] * data.x[i * data.d + k];
    min = Math.min(min, data.y[i] * m);
  }
  return w.map((v) => v / min);
}
