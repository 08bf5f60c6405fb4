/**
 * Deliberately wrong claims that only a whole run can catch (a fitted exponent, a binomial or frequency
 * test, an aggregate p-value, or a one-instance claim): each export builds one, with no arguments, so a
 * worker can rebuild it (`engine/parallel_run.ts` `importClaim`) and `testing/mutants_test.ts` can run
 * them all at once on a pool. Each doc line says what is wrong and what should catch it. This module
 * must stay importable in a worker: it defines claims and calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../engine/claim.ts";
import { withParams } from "../engine/mutation.ts";

import { relu } from "../models/mean_field.ts";

import { chizatImplicitBias } from "../theorems/chizat_implicit_bias.ts";
import { chizatGlobalConvergence, chizatMeanField } from "../theorems/chizat_mean_field.ts";
import { chizatRandomFeatures } from "../theorems/chizat_random_features.ts";

/**
 * chizat-mean-field under the NTK scaling (f = Σφ/√m, dw/dt = −∇F), which has no m-independent limit:
 * the gap between widths stops shrinking. One instance per width (7) is enough to see it.
 *
 * @example
 * ```ts
 * import { chizatMeanFieldNtkScaling } from "./mutants.ts";
 * console.assert(chizatMeanFieldNtkScaling().instances.test === 7);
 * ```
 */
export function chizatMeanFieldNtkScaling(): Claim {
  const ntk = { outputScale: (m: number) => 1 / Math.sqrt(m), velocityExponent: 0 };
  return { ...chizatMeanField(ntk), instances: { test: 7, report: 7 } };
}

/**
 * chizat-global-convergence with a wrong gradient (ReLU with the derivative 1[z < 0]): no width gets
 * anywhere, and the binomial test on the test budget's 8 runs (4 (under-parametrised, wide) pairs, the
 * fewest it can reject with) rejects. Horizon T = 100 instead of 600 to save time.
 *
 * @example
 * ```ts
 * import { chizatGlobalConvergenceWrongDerivative } from "./mutants.ts";
 * console.assert(chizatGlobalConvergenceWrongDerivative().id === "chizat-global-convergence");
 * ```
 */
export function chizatGlobalConvergenceWrongDerivative(): Claim {
  const wrong = { name: "ReLU, wrong σ′", value: relu.value, derivative: (z: number) => (z < 0 ? 1 : 0) };
  return withParams(chizatGlobalConvergence(wrong), { horizon: 100 });
}

/**
 * chizat-random-features with a wrong limiting kernel (the arc-cosine kernel without the bias
 * coordinate): the error stops decaying with the number of features.
 *
 * @example
 * ```ts
 * import { chizatRandomFeaturesNoBias } from "./mutants.ts";
 * console.assert(chizatRandomFeaturesNoBias().id === "chizat-random-features");
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
  return chizatRandomFeatures(noBias);
}

/**
 * chizat-implicit-bias with a wrong reference direction (the centroid classifier Σyᵢxᵢ scaled to margin
 * 1): the binomial test on the limit and the 1/log t law rejects.
 *
 * @example
 * ```ts
 * import { chizatImplicitBiasCentroid } from "./mutants.ts";
 * console.assert(chizatImplicitBiasCentroid().id === "chizat-implicit-bias");
 * ```
 */
export function chizatImplicitBiasCentroid(): Claim {
  return chizatImplicitBias((data) => {
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
