/**
 * Float64 linear algebra on top of ml-matrix: sorted symmetric eigen-decomposition, SVD,
 * pseudo-inverse, norms, a PSD test with a stated tolerance, and projections onto the row space
 * and the kernel of a matrix.
 *
 * @module
 */
import {
  EigenvalueDecomposition,
  Matrix,
  pseudoInverse as mlPseudoInverse,
  QrDecomposition,
} from "npm:ml-matrix@6.15.1";
import { SingularValueDecomposition } from "npm:ml-matrix@6.15.1";
import type { Rng } from "./random.ts";

export { Matrix };

/** Unit roundoff of float64. */
export const EPS = Number.EPSILON;

/**
 * The symmetric part (A + Aᵀ)/2 (ml-matrix's `isSymmetric` is exact, so symmetrise first).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix, symmetrize } from "./linalg.ts";
 * assert.equal(symmetrize(new Matrix([[1, 2], [0, 1]])).get(0, 1), 1);
 * ```
 */
export function symmetrize(a: Matrix): Matrix {
  return a.clone().add(a.transpose()).mul(0.5);
}

/** Eigenvalues in decreasing order with their eigenvectors as the columns of `vectors`. */
export interface SymmetricEigen {
  /** λ₁ ≥ λ₂ ≥ … */
  values: Float64Array;
  /** Orthonormal eigenvectors, column i for values[i]. */
  vectors: Matrix;
}

/**
 * Eigen-decomposition of a symmetric matrix (symmetrised first), sorted by decreasing eigenvalue.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix, symmetricEigen } from "./linalg.ts";
 * const { values } = symmetricEigen(new Matrix([[2, 0], [0, 5]]));
 * assert.ok(values[0] === 5 && values[1] === 2);
 * ```
 */
export function symmetricEigen(a: Matrix): SymmetricEigen {
  const evd = new EigenvalueDecomposition(symmetrize(a), { assumeSymmetric: true });
  const raw = evd.realEigenvalues;
  const order = raw.map((_, i) => i).sort((i, j) => raw[j] - raw[i]);
  const v = evd.eigenvectorMatrix;
  const vectors = new Matrix(a.rows, a.rows);
  order.forEach((src, dst) => vectors.setColumn(dst, v.getColumn(src)));
  return { values: Float64Array.from(order.map((i) => raw[i])), vectors };
}

/**
 * The first pair of `symmetricEigen(a)` (its largest eigenvalue and that eigenvector), the same numbers, without
 * the copies `symmetricEigen` makes of the other pairs. When `a` is exactly symmetric with entries of magnitude below
 * 2¹⁰²², symmetrising it changes no entry ((x + x)·0.5 = x), so the decomposition runs on `a` itself; otherwise this is
 * `symmetricEigen(a)`'s first pair. For small matrices taken often (a Lanczos tridiagonal every few steps).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix, symmetricEigen, topSymmetricEigen } from "./linalg.ts";
 * const a = new Matrix([[2, 1, 0], [1, 3, 1], [0, 1, 1]]);
 * const top = topSymmetricEigen(a), all = symmetricEigen(a);
 * assert.equal(top.value, all.values[0]);
 * assert.deepEqual(top.vector, Float64Array.from(all.vectors.getColumn(0)));
 * ```
 */
export function topSymmetricEigen(a: Matrix): { value: number; vector: Float64Array } {
  const n = a.rows;
  let plain = a.columns === n && n > 0;
  for (let i = 0; plain && i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const x = a.get(i, j);
      if (!(Math.abs(x) < 2 ** 1022) || x !== a.get(j, i)) {
        plain = false;
        break;
      }
    }
  }
  if (!plain) {
    const all = symmetricEigen(a);
    return { value: all.values[0], vector: Float64Array.from(all.vectors.getColumn(0)) };
  }
  const evd = new EigenvalueDecomposition(a, { assumeSymmetric: true });
  const raw = evd.realEigenvalues;
  // The same order as symmetricEigen's (a stable sort, decreasing), of which only the first index is used.
  const first = raw.map((_, i) => i).sort((i, j) => raw[j] - raw[i])[0];
  const v = evd.eigenvectorMatrix, vector = new Float64Array(n);
  for (let i = 0; i < n; i++) vector[i] = v.get(i, first);
  return { value: raw[first], vector };
}

/** A thin SVD A = U diag(s) Vᵀ with s sorted decreasingly. */
export interface Svd {
  /** Left singular vectors (columns). */
  u: Matrix;
  /** Singular values, decreasing. */
  s: Float64Array;
  /** Right singular vectors (columns). */
  v: Matrix;
}

/**
 * Singular value decomposition (ml-matrix, thin, decreasing singular values).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix, svd } from "./linalg.ts";
 * assert.ok(Math.abs(svd(new Matrix([[3, 0], [0, 4]])).s[0] - 4) < 1e-12);
 * ```
 */
export function svd(a: Matrix): Svd {
  const d = new SingularValueDecomposition(a, { autoTranspose: true });
  return {
    u: d.leftSingularVectors,
    s: Float64Array.from(d.diagonal),
    v: d.rightSingularVectors,
  };
}

/**
 * Moore–Penrose pseudo-inverse A⁺ (ml-matrix, via SVD).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix, pseudoInverse } from "./linalg.ts";
 * assert.ok(Math.abs(pseudoInverse(new Matrix([[2]])).get(0, 0) - 0.5) < 1e-15);
 * ```
 */
export function pseudoInverse(a: Matrix): Matrix {
  return mlPseudoInverse(a);
}

/**
 * Spectral norm ‖A‖₂ (largest singular value).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix, spectralNorm } from "./linalg.ts";
 * assert.ok(Math.abs(spectralNorm(new Matrix([[3, 0], [0, -4]])) - 4) < 1e-12);
 * ```
 */
export function spectralNorm(a: Matrix): number {
  return svd(a).s[0] ?? 0;
}

/**
 * Frobenius norm ‖A‖_F.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { frobeniusNorm, Matrix } from "./linalg.ts";
 * assert.equal(frobeniusNorm(new Matrix([[3, 4]])), 5);
 * ```
 */
export function frobeniusNorm(a: Matrix): number {
  return a.norm("frobenius");
}

/**
 * Numerical rank: singular values above max(m, n)·ε·s_max (the LAPACK/numpy convention).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix, numericalRank } from "./linalg.ts";
 * assert.equal(numericalRank(new Matrix([[1, 2], [2, 4]])), 1);
 * ```
 */
export function numericalRank(a: Matrix): number {
  const { s } = svd(a);
  const tol = Math.max(a.rows, a.columns) * EPS * (s[0] ?? 0);
  return s.filter((x) => x > tol).length;
}

/** The outcome of a PSD test: the smallest eigenvalue against the tolerance used. */
export interface PsdTest {
  /** λ_min ≥ −tolerance. */
  psd: boolean;
  /** Smallest eigenvalue of the symmetrised matrix. */
  minEigenvalue: number;
  /** The tolerance: n·ε·‖A‖₂·safety, the backward error of a symmetric eigensolver. */
  tolerance: number;
}

/**
 * PSD test with a stated tolerance: the symmetric eigensolver's backward error is about
 * n·ε·‖A‖₂, so λ_min ≥ −safety·n·ε·‖A‖₂ is accepted (safety defaults to 10).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isPsd, Matrix } from "./linalg.ts";
 * assert.ok(isPsd(new Matrix([[1, 1], [1, 1]])).psd);
 * assert.ok(!isPsd(new Matrix([[0, 1], [1, 0]])).psd);
 * ```
 */
export function isPsd(a: Matrix, safety = 10): PsdTest {
  const { values } = symmetricEigen(a);
  const top = Math.max(Math.abs(values[0]), Math.abs(values[values.length - 1]));
  const tolerance = safety * a.rows * EPS * top;
  const minEigenvalue = values[values.length - 1];
  return { psd: Number.isFinite(minEigenvalue) && minEigenvalue >= -tolerance, minEigenvalue, tolerance };
}

/**
 * Orthogonal projector onto the row space of A (span of its rows), VᵣVᵣᵀ from the SVD.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix, rowSpaceProjector } from "./linalg.ts";
 * const p = rowSpaceProjector(new Matrix([[1, 0, 0]]));
 * assert.ok(Math.abs(p.get(0, 0) - 1) < 1e-15 && Math.abs(p.get(1, 1)) < 1e-15);
 * ```
 */
export function rowSpaceProjector(a: Matrix): Matrix {
  const r = numericalRank(a);
  const { v } = svd(a);
  const vr = v.subMatrix(0, v.rows - 1, 0, Math.max(r, 1) - 1);
  return r === 0 ? Matrix.zeros(a.columns, a.columns) : vr.mmul(vr.transpose());
}

/**
 * Orthogonal projector onto ker A = (row space)^⊥, I − VᵣVᵣᵀ.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kernelProjector, Matrix } from "./linalg.ts";
 * const p = kernelProjector(new Matrix([[1, 0]]));
 * assert.ok(Math.abs(p.get(1, 1) - 1) < 1e-15);
 * ```
 */
export function kernelProjector(a: Matrix): Matrix {
  return Matrix.eye(a.columns).sub(rowSpaceProjector(a));
}

/**
 * Orthogonal projector onto the column space of A.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { columnSpaceProjector, Matrix } from "./linalg.ts";
 * assert.ok(Math.abs(columnSpaceProjector(new Matrix([[1], [0]])).get(0, 0) - 1) < 1e-15);
 * ```
 */
export function columnSpaceProjector(a: Matrix): Matrix {
  return rowSpaceProjector(a.transpose());
}

/**
 * A Haar-random orthogonal n×n matrix (QR of a Gaussian matrix with the sign fix of Mezzadri 2007).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "./random.ts";
 * import { Matrix, randomOrthogonal } from "./linalg.ts";
 * const q = randomOrthogonal(createRng(1), 3);
 * assert.ok(q.transpose().mmul(q).sub(Matrix.eye(3)).norm() < 1e-12);
 * ```
 */
export function randomOrthogonal(rng: Rng, n: number): Matrix {
  const g = gaussianMatrix(rng, n, n);
  const qr = new QrDecomposition(g);
  const q = qr.orthogonalMatrix;
  const r = qr.upperTriangularMatrix;
  for (let j = 0; j < n; j++) if (r.get(j, j) < 0) q.setColumn(j, q.getColumn(j).map((x) => -x));
  return q;
}

/**
 * An m×n matrix with iid standard Gaussian entries.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "./random.ts";
 * import { gaussianMatrix } from "./linalg.ts";
 * assert.equal(gaussianMatrix(createRng(1), 2, 3).columns, 3);
 * ```
 */
export function gaussianMatrix(rng: Rng, m: number, n: number): Matrix {
  const a = new Matrix(m, n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) a.set(i, j, rng.normal());
  return a;
}

/**
 * An m×n matrix U·diag(s)·Vᵀ with Haar-random U, V and the given singular values
 * (zeros allowed: that is how rank-deficient instances are made).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "./random.ts";
 * import { matrixWithSingularValues, numericalRank } from "./linalg.ts";
 * assert.equal(numericalRank(matrixWithSingularValues(createRng(1), 4, 3, [2, 1, 0])), 2);
 * ```
 */
export function matrixWithSingularValues(rng: Rng, m: number, n: number, s: number[]): Matrix {
  if (s.length > Math.min(m, n)) throw new RangeError("more singular values than min(m, n)");
  const u = randomOrthogonal(rng, m), v = randomOrthogonal(rng, n);
  const sigma = new Matrix(m, n);
  s.forEach((x, i) => sigma.set(i, i, x));
  return u.mmul(sigma).mmul(v.transpose());
}

/**
 * Column vector from an array.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { columnVector } from "./linalg.ts";
 * assert.equal(columnVector([1, 2]).rows, 2);
 * ```
 */
export function columnVector(x: ArrayLike<number>): Matrix {
  return Matrix.columnVector(Array.from(x));
}

/**
 * A·x as a Float64Array.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matVec, Matrix } from "./linalg.ts";
 * assert.equal(matVec(new Matrix([[1, 2]]), [3, 4])[0], 11);
 * ```
 */
export function matVec(a: Matrix, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    for (let j = 0; j < a.columns; j++) s += a.get(i, j) * x[j];
    out[i] = s;
  }
  return out;
}

/**
 * Aᵀ·x as a Float64Array.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix, transposeMatVec } from "./linalg.ts";
 * assert.equal(transposeMatVec(new Matrix([[1, 2]]), [3])[1], 6);
 * ```
 */
export function transposeMatVec(a: Matrix, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.columns);
  for (let i = 0; i < a.rows; i++) {
    const xi = x[i];
    for (let j = 0; j < a.columns; j++) out[j] += a.get(i, j) * xi;
  }
  return out;
}

/**
 * Dot product.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { dot } from "./linalg.ts";
 * assert.equal(dot([1, 2], [3, 4]), 11);
 * ```
 */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
