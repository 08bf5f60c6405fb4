/**
 * The Gaussian process of the linearised network after k gradient-descent steps (Chapter 11, §11.5.5,
 * after Proposition 11.28, via Remark 11.24), in the book's conventions: loss f(w) = Σᵢ(Φ(xᵢ, w) − yᵢ)²
 * (11.0.1b), steps w_{k+1} = w_k − h∇f(w_k), LeCun network (11.5.1) with (11.5.3).
 *
 * Derivation. By (11.5.9) the linearised residual r_j = Φ^lin(X, p_j) − y obeys r_{j+1} = B̂r_j with
 * Â = 2h∇Φ(X, w₀)∇Φ(X, w₀)ᵀ = 2hK̂ₙ(X, X), B̂ = I − Â, so p_k − p₀ = −2h∇Φ(X, w₀)ᵀΣ_{j<k}B̂ʲr₀ and at any x
 * Φ^lin(x, p_k) = Φ(x, w₀) + 2hK̂ₙ(x, X)Σ_{j<k}B̂ʲ(y − Φ(X, w₀)). With h = η/n and (1/n)K̂ₙ → K^LC
 * (Theorem 11.16), the infinite-width map is f_k(x) = f₀(x) + K(x, X)M_k(y − f₀(X)) with
 * M_k = 2ηΣ_{j<k}(I − 2ηK)ʲ (= K⁻¹(I − (I − 2ηK)ᵏ) when K = K^LC(X, X) is regular). f₀ is the limit
 * N(0, c) of Proposition 11.28 (c = E[σ(uᵀx)σ(uᵀz)], which for (11.5.3) is K^LC itself), so f_k is the
 * Gaussian process with mean μ_k(x) = K(x, X)M_k y and covariance
 * Σ_k(x, z) = c(x, z) − K(x, X)M_k c(X, z) − c(x, X)M_kᵀK(X, z) + K(x, X)M_k c(X, X)M_kᵀK(X, z).
 *
 * @module
 */

/** The kernels the derived process depends on, at test points T and training points X. */
export interface TrainedGpKernels {
  /** K(T, X): the NTK limit K^LC between test and training points (|T|×m). */
  kTX: number[][];
  /** K(X, X) (m×m). */
  kXX: number[][];
  /** c(T, T): the covariance of f₀ at the test points (|T|×|T|). */
  cTT: number[][];
  /** c(T, X) (|T|×m). */
  cTX: number[][];
  /** c(X, X) (m×m). */
  cXX: number[][];
}

/** The derived process at the test points after k steps. */
export interface TrainedGp {
  /** M_k = 2ηΣ_{j<k}(I − 2ηK(X, X))ʲ. */
  M: number[][];
  /** The rows of the linear map f₀ ↦ f_k − μ_k at T: L = [I | −K(T, X)M_k] on (f₀(T), f₀(X)). */
  gain: number[][];
  /** μ_k(T) = K(T, X)M_k y. */
  mean: number[];
  /** Σ_k(T, T). */
  covariance: number[][];
}

function matMul(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, r) => s + v * b[r][j], 0)));
}

function transpose(a: number[][]): number[][] {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

/**
 * M_k = 2ηΣ_{j<k}(I − 2ηK)ʲ, η = hn, by the sum of Remark 11.24 (no inverse: K need not be regular).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { stepGain } from "./trained_gp.ts";
 * // m = 1, K = 1, η = 1/4: B = 1/2, M_2 = (1/2)(1 + 1/2) = 3/4 = K⁻¹(1 − B²).
 * assert.equal(stepGain([[1]], 0.25, 2)[0][0], 0.75);
 * ```
 */
export function stepGain(kXX: number[][], eta: number, k: number): number[][] {
  const m = kXX.length;
  const b = kXX.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - 2 * eta * v));
  let power: number[][] = kXX.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
  const sum = kXX.map((row) => row.map(() => 0));
  for (let j = 0; j < k; j++) {
    for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) sum[r][c] += power[r][c];
    power = matMul(power, b);
  }
  return sum.map((row) => row.map((v) => 2 * eta * v));
}

/**
 * The derived mean μ_k and covariance Σ_k at the test points after k GD steps with h = η/n (module doc).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainedGp } from "./trained_gp.ts";
 * // m = 1, |T| = 1 with the test point equal to the training point, K = c = 1, η = 1/4, k = 1:
 * // f_1 = f₀ + (1/2)(y − f₀) = (1/2)f₀ + y/2: mean y/2, variance 1/4.
 * const one = [[1]];
 * const gp = trainedGp({ kTX: one, kXX: one, cTT: one, cTX: one, cXX: one }, [2], 0.25, 1);
 * assert.deepEqual([gp.mean[0], gp.covariance[0][0]], [1, 0.25]);
 * ```
 */
export function trainedGp(kernels: TrainedGpKernels, y: readonly number[], eta: number, k: number): TrainedGp {
  const { kTX, kXX, cTT, cTX, cXX } = kernels;
  const M = stepGain(kXX, eta, k);
  const KM = matMul(kTX, M); // K(T, X)M_k
  const mean = KM.map((row) => row.reduce((s, v, j) => s + v * y[j], 0));
  const KMc = matMul(KM, transpose(cTX)); // K(T, X)M_k c(X, T)
  const KMcMK = matMul(matMul(KM, cXX), transpose(KM));
  const covariance = cTT.map((row, a) => row.map((v, b) => v - KMc[a][b] - KMc[b][a] + KMcMK[a][b]));
  const gain = KM.map((row, a) => [...cTT.map((_, b) => (a === b ? 1 : 0)), ...row.map((v) => -v)]);
  return { M, gain, mean, covariance };
}
