/**
 * Linear separation in feature space (Example 11.5, Exercise 11.33): the predictor
 * sign⟨w, φ(x)⟩ (11.2.5), hyperplanes fitted by least squares, and certified separation (each
 * margin exceeds the rounding-error bound of its evaluation, so the exact sign is the label).
 *
 * @module
 */
import type { FeatureMap } from "./kernels.ts";
import { featureMatrix } from "./kernels.ts";
import { truncatedMinNorm } from "./kernel_least_squares.ts";

const U = Number.EPSILON / 2;

/** The outcome of a separation certificate. */
export interface SeparationCertificate {
  /** Every labelled point has yᵢ⟨w, φ(xᵢ)⟩ > (its rounding bound): the exact signs match. */
  separated: boolean;
  /** Points whose certified sign is wrong or undetermined. */
  failures: number;
  /** min over i of yᵢ⟨w, φ(xᵢ)⟩ / (rounding bound): > 1 everywhere means certified. */
  worstRatio: number;
}

/**
 * Certifies that sign⟨w, φ(xᵢ)⟩ = yᵢ for all i, for the exact φ: the computed value differs from
 * the exact one by at most Σₖ|wₖ|eₖ(xᵢ) + γₙΣₖ|wₖφₖ(xᵢ)| (eₖ the feature's rounding bound).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { certifySeparation } from "./separation.ts";
 * import { affineFeatures } from "./kernels.ts";
 * const c = certifySeparation(affineFeatures(1), [0, 1], [[-1], [2]], [-1, 1]);
 * assert.ok(c.separated && c.failures === 0);
 * ```
 */
export function certifySeparation(
  phi: FeatureMap,
  w: ArrayLike<number>,
  points: ArrayLike<number>[],
  labels: ArrayLike<number>,
): SeparationCertificate {
  const n = phi.dim, gamma = (n * U) / (1 - n * U);
  let failures = 0, worstRatio = Infinity;
  points.forEach((x, i) => {
    const f = phi.map(x), e = phi.error(x);
    let s = 0, abs = 0, fe = 0;
    for (let k = 0; k < n; k++) {
      s += w[k] * f[k];
      abs += Math.abs(w[k] * f[k]);
      fe += Math.abs(w[k]) * e[k];
    }
    const bound = 1.01 * (fe + gamma * abs) + Number.MIN_VALUE;
    const ratio = (labels[i] * s) / bound;
    if (!(ratio > 1)) failures++;
    if (!(ratio >= worstRatio)) worstRatio = ratio;
  });
  return { separated: failures === 0, failures, worstRatio };
}

/**
 * The minimum-norm w with ⟨w, φ(xᵢ)⟩ ≈ tᵢ in least squares (truncated SVD of the feature matrix).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitHyperplane } from "./separation.ts";
 * import { affineFeatures } from "./kernels.ts";
 * const w = fitHyperplane(affineFeatures(1), [[0], [1]], [1, 3]);
 * assert.ok(Math.abs(w[0] - 1) < 1e-12 && Math.abs(w[1] - 2) < 1e-12);
 * ```
 */
export function fitHyperplane(phi: FeatureMap, points: ArrayLike<number>[], targets: ArrayLike<number>): Float64Array {
  return truncatedMinNorm(featureMatrix(phi, points), targets, 1e-12).x;
}
