/**
 * Linear least squares L(w) = c·‖y − Xw‖² in the two conventions of the sources: c = ½ in
 * Chapter 10 (10.3) and c = 1 in Chapter 11 (11.1.2).
 *
 * @module
 */
import { columnSpaceProjector, kernelProjector, type Matrix, matVec, pseudoInverse } from "../numerics/linalg.ts";
import { spectralNorm, symmetricEigen, transposeMatVec } from "../numerics/linalg.ts";

/** Least squares L(w) = scale·‖y − Xw‖² with data X (N×d) and targets y. */
export class LeastSquares {
  /** Data matrix, one example per row. */
  readonly x: Matrix;
  /** Targets. */
  readonly y: Float64Array;
  /** ½ for (10.3), 1 for (11.1.2). */
  readonly scale: number;

  /**
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { LeastSquares } from "./least_squares.ts";
   * import { Matrix } from "../numerics/linalg.ts";
   * const ls = new LeastSquares(new Matrix([[1, 0], [0, 2]]), [1, 1], 0.5);
   * assert.equal(ls.loss([1, 0.5]), 0);
   * ```
   */
  constructor(x: Matrix, y: ArrayLike<number>, scale: number) {
    if (x.rows !== y.length) throw new RangeError(`X has ${x.rows} rows, y has ${y.length} entries`);
    this.x = x;
    this.y = Float64Array.from(y);
    this.scale = scale;
  }

  /** Residual y − Xw (the error vector of (10.9)). */
  residual(w: ArrayLike<number>): Float64Array {
    const xw = matVec(this.x, w);
    return this.y.map((v, i) => v - xw[i]);
  }

  /** L(w) = scale·‖y − Xw‖². */
  loss(w: ArrayLike<number>): number {
    let s = 0;
    for (const r of this.residual(w)) s += r * r;
    return this.scale * s;
  }

  /** ∇L(w) = 2·scale·Xᵀ(Xw − y): (10.58) for scale ½, the gradient of Theorem 11.3 for scale 1. */
  gradient(w: ArrayLike<number>): Float64Array {
    return transposeMatVec(this.x, this.residual(w)).map((v) => -2 * this.scale * v);
  }

  /** ∇²L = 2·scale·XᵀX ((10.59) for scale ½). */
  hessian(): Matrix {
    return this.x.transpose().mmul(this.x).mul(2 * this.scale);
  }

  /** Smoothness constant β = 2·scale·s_max(X)² (the top eigenvalue of (10.59)). */
  smoothness(): number {
    return 2 * this.scale * spectralNorm(this.x) ** 2;
  }

  /** One gradient step w − η∇L(w) ((10.6), (11.1.5)). */
  gdStep(w: ArrayLike<number>, eta: number): Float64Array {
    const g = this.gradient(w);
    return Float64Array.from(w, (v, i) => v - eta * g[i]);
  }

  /** The global minimum scale·‖(I − P)y‖², P the projector onto the column space of X. */
  optimalLoss(): number {
    const py = matVec(columnSpaceProjector(this.x), this.y);
    let s = 0;
    for (let i = 0; i < py.length; i++) s += (this.y[i] - py[i]) ** 2;
    return this.scale * s;
  }

  /** The minimum-norm minimiser X⁺y (Proposition 11.2). */
  minNormSolution(): Float64Array {
    return matVec(pseudoInverse(this.x), this.y);
  }

  /** Projection of w onto ker X = span{rows}^⊥ (the ŵ of Theorem 11.3). */
  kernelComponent(w: ArrayLike<number>): Float64Array {
    return matVec(kernelProjector(this.x), w);
  }

  /**
   * The closed form (10.21) of the error under gradient flow dw/dt = −∇L with scale ½:
   * u(t) = Qᵀ exp(−Λt) Q u(0), where QXXᵀQᵀ = Λ (10.11–10.20). Returns u(t) for each t.
   */
  errorFlowClosedForm(u0: ArrayLike<number>, times: number[]): Float64Array[] {
    const { values, vectors } = symmetricEigen(this.x.mmul(this.x.transpose()));
    const rate = 2 * this.scale;
    // Rows of Q are eigenvectors: u′ = Q u = Vᵀ u.
    const u0p = transposeMatVec(vectors, u0);
    return times.map((t) => {
      const ut = u0p.map((v, i) => Math.exp(-rate * Math.max(values[i], 0) * t) * v);
      return matVec(vectors, ut);
    });
  }
}
