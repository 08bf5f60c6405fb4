/**
 * Smooth losses with a certified smoothness constant β (Definition 10.1: ∇L is β-Lipschitz),
 * for Lemma 10.2.
 *
 * @module
 */
import { EPS, type Matrix, matVec, spectralNorm, symmetricEigen, transposeMatVec } from "../numerics/linalg.ts";
import { logistic, softplus } from "../numerics/logistic.ts";
import { gramEigenEnclosure, matrixRows, symmetricEigenEnclosure } from "../numerics/eigen_enclosure.ts";
import { LeastSquares } from "./least_squares.ts";

/** A differentiable loss with a certified upper bound on its smoothness constant. */
export interface SmoothLoss {
  /** Family name, for reports. */
  readonly family: string;
  /** Dimension of w. */
  readonly dim: number;
  /** L(w). */
  loss(w: ArrayLike<number>): number;
  /** ∇L(w). */
  gradient(w: ArrayLike<number>): Float64Array;
  /** A certified β: ∇L is β-Lipschitz. */
  readonly beta: number;
  /** How β was obtained. */
  readonly betaMethod: string;
  /** Scale of the terms summed in L(w), for a rounding-error bound n·ε·Σ|terms|. */
  magnitude(w: ArrayLike<number>): number;
}

/**
 * Inflates a float64 eigenvalue or squared singular value of a matrix of size n so that it bounds
 * the exact one: backward-stable solvers err by at most a small multiple of n·ε·‖A‖.
 */
/**
 * value·(1 + 64nε), raised if need be to `rigorous` (a certified upper bound from numerics/eigen_enclosure.ts),
 * so that the result bounds the largest eigenvalue whatever the solver's backward error.
 */
function certifiedUpper(value: number, n: number, rigorous: number): number {
  return Math.max(value * (1 + 64 * n * EPS), rigorous);
}

const RIGOROUS = ", at least a rigorous enclosure's upper end (Weyl with the residual of the computed eigenpairs)";

/**
 * L(w) = ½wᵀAw with A symmetric PSD: ∇²L = A, so β = λ_max(A) exactly (inflated by the
 * eigensolver's backward error bound).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { quadraticLoss } from "./smooth_losses.ts";
 * import { Matrix } from "../numerics/linalg.ts";
 * const q = quadraticLoss(new Matrix([[2, 0], [0, 1]]));
 * assert.ok(q.loss([1, 0]) === 1 && Math.abs(q.beta - 2) < 1e-12);
 * ```
 */
export function quadraticLoss(a: Matrix): SmoothLoss & { top: Float64Array } {
  const { values, vectors } = symmetricEigen(a);
  return {
    family: "quadratic",
    dim: a.rows,
    loss: (w) => 0.5 * dotSym(a, w),
    gradient: (w) => matVec(a, w),
    beta: certifiedUpper(Math.max(values[0], 0), a.rows, symmetricEigenEnclosure(a).max),
    betaMethod: "λ_max(A) from a symmetric eigensolver, inflated by 64·n·ε relative" + RIGOROUS,
    magnitude: (w) => 0.5 * absQuadForm(a, w),
    top: Float64Array.from(vectors.getColumn(0)),
  };
}

/**
 * Linear regression (10.56): L = ½‖y − Xw‖², β = λ_max(XᵀX) by (10.59).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linearRegressionLoss } from "./smooth_losses.ts";
 * import { Matrix } from "../numerics/linalg.ts";
 * const l = linearRegressionLoss(new Matrix([[1, 0], [0, 3]]), [0, 0]);
 * assert.ok(Math.abs(l.beta - 9) < 1e-12);
 * ```
 */
export function linearRegressionLoss(x: Matrix, y: ArrayLike<number>): SmoothLoss {
  const ls = new LeastSquares(x, y, 0.5);
  return {
    family: "linear regression",
    dim: x.columns,
    loss: (w) => ls.loss(w),
    gradient: (w) => ls.gradient(w),
    beta: certifiedUpper(spectralNorm(x) ** 2, Math.max(x.rows, x.columns), gramEigenEnclosure(matrixRows(x)).max),
    betaMethod: "λ_max(XᵀX) = s_max(X)² (10.59) from an SVD, inflated by 64·n·ε relative" + RIGOROUS,
    magnitude: (w) => {
      const r = ls.residual(w);
      let s = 0;
      for (let i = 0; i < r.length; i++) s += r[i] * r[i] + Math.abs(ls.y[i]) ** 2;
      return s + absQuadForm(x.transpose().mmul(x), w);
    },
  };
}

/**
 * Logistic regression L(w) = Σᵢ log(1 + exp(−yᵢ xᵢᵀw)), yᵢ ∈ {−1, 1}. Its Hessian is
 * Xᵀ diag(pᵢ(1 − pᵢ)) X ⪯ ¼XᵀX, so β = ¼‖X‖₂² is a rigorous bound (not attained): a
 * non-quadratic smooth family.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logisticLoss } from "./smooth_losses.ts";
 * import { Matrix } from "../numerics/linalg.ts";
 * const l = logisticLoss(new Matrix([[2, 0]]), [1]);
 * assert.ok(Math.abs(l.loss([0, 0]) - Math.log(2)) < 1e-15 && Math.abs(l.beta - 1) < 1e-12);
 * ```
 */
export function logisticLoss(x: Matrix, y: ArrayLike<number>): SmoothLoss {
  const labels = Float64Array.from(y);
  const margins = (w: ArrayLike<number>) => matVec(x, w).map((z, i) => labels[i] * z);
  return {
    family: "logistic regression",
    dim: x.columns,
    loss: (w) => margins(w).reduce((s, m) => s + softplus(-m), 0),
    gradient: (w) => {
      // dL/dw = Σᵢ −yᵢ σ(−mᵢ) xᵢ
      const coef = margins(w).map((m, i) => -labels[i] * logistic(-m));
      return transposeMatVec(x, coef);
    },
    beta: certifiedUpper(spectralNorm(x) ** 2, Math.max(x.rows, x.columns), gramEigenEnclosure(matrixRows(x)).max) / 4,
    betaMethod: "¼·s_max(X)² (Hessian ⪯ ¼XᵀX since σ′ ≤ ¼), SVD inflated by 64·n·ε relative" + RIGOROUS,
    magnitude: (w) => margins(w).reduce((s, m) => s + Math.abs(m) + Math.LN2, 0),
  };
}

function dotSym(a: Matrix, w: ArrayLike<number>): number {
  const aw = matVec(a, w);
  let s = 0;
  for (let i = 0; i < aw.length; i++) s += w[i] * aw[i];
  return s;
}

function absQuadForm(a: Matrix, w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.columns; j++) s += Math.abs(a.get(i, j) * w[i] * w[j]);
  return s;
}
