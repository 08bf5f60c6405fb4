/**
 * The spectral norm of a tall matrix stored row-major (a flat n×d array with n ≫ d), through its small
 * d×d Gram matrix: ‖W‖ = √λ_max(WᵀW).
 *
 * @module
 */
import { Matrix, symmetricEigen } from "./linalg.ts";

/**
 * ‖W‖ (largest singular value) of the `rows`×`cols` matrix W with W[i][j] = `entries[i * cols + j]`,
 * as √λ_max(WᵀW). Forming WᵀW costs a relative rounding of about `rows`·ε in λ_max (Higham, §3.1), so
 * about half that in ‖W‖: fine against thresholds with a wider gap, not for near-ties.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gramSpectralNorm } from "./gram_spectral_norm.ts";
 * assert.ok(Math.abs(gramSpectralNorm([3, 0, 0, 4, 0, 0], 3, 2) - 4) < 1e-12); // rows (3, 0), (0, 4), (0, 0)
 * assert.ok(Math.abs(gramSpectralNorm([1, 1, 1, 1], 4, 1) - 2) < 1e-12); // one column: its Euclidean norm
 * ```
 */
export function gramSpectralNorm(entries: ArrayLike<number>, rows: number, cols: number): number {
  const gram = new Matrix(cols, cols);
  for (let a = 0; a < cols; a++) {
    for (let b = 0; b < cols; b++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s += entries[i * cols + a] * entries[i * cols + b];
      gram.set(a, b, s);
    }
  }
  return Math.sqrt(Math.max(0, symmetricEigen(gram).values[0]));
}
