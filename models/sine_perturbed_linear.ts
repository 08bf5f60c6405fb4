/**
 * A smooth nonconvex model for which every constant of Assumption 11.12 (Chapter 11) is known
 * rigorously: Φ(x, w) = xᵀw + β·sin(xᵀCw), a linear model bent by a bounded nonlinearity.
 * ∇_wΦ(x, w) = x + β·cos(xᵀCw)·Cᵀx, so for all w, v:
 *   ‖∇_wΦ(x, w)‖ ≤ ‖x‖ + β‖Cᵀx‖                      (a U valid on every ball),
 *   ‖∇_wΦ(x, w) − ∇_wΦ(x, v)‖ ≤ β‖Cᵀx‖²·‖w − v‖        (|cos a − cos b| ≤ |a − b|).
 *
 * @module
 */
import type { Matrix } from "../numerics/linalg.ts";

/** Φ(x, w) = xᵀw + β·sin(xᵀCw) on data points xᵢ ∈ ℝⁿ (rows), with C ∈ ℝ^{n×n}. */
export class SinePerturbedLinear {
  /** Data points xᵢ ∈ ℝⁿ. */
  readonly xs: Float64Array[];
  /** Cᵀxᵢ for each data point. */
  readonly cxs: Float64Array[];
  /** β ≥ 0. */
  readonly beta: number;

  /**
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { SinePerturbedLinear } from "./sine_perturbed_linear.ts";
   * import { Matrix } from "../numerics/linalg.ts";
   * const m = new SinePerturbedLinear([Float64Array.of(1, 0)], Matrix.eye(2), 0.1);
   * assert.equal(m.outputs([0, 0])[0], 0);
   * ```
   */
  constructor(xs: ArrayLike<number>[], c: Matrix, beta: number) {
    this.xs = xs.map((x) => Float64Array.from(x));
    // Cᵀx: component k is Σ_j C_jk x_j.
    this.cxs = this.xs.map((x) =>
      Float64Array.from({ length: c.columns }, (_, k) => {
        let s = 0;
        for (let j = 0; j < x.length; j++) s += c.get(j, k) * x[j];
        return s;
      })
    );
    this.beta = beta;
  }

  /** Number of parameters n. */
  get paramCount(): number {
    return this.xs[0].length;
  }

  /** Φ(X, w) ∈ ℝᵐ. */
  outputs(w: ArrayLike<number>): Float64Array {
    return Float64Array.from(this.xs, (x, i) => dotp(x, w) + this.beta * Math.sin(dotp(this.cxs[i], w)));
  }

  /** ∇_wΦ(X, w) ∈ ℝ^{m×n}, one row per data point. */
  jacobian(w: ArrayLike<number>): Float64Array[] {
    return this.xs.map((x, i) => {
      const c = this.beta * Math.cos(dotp(this.cxs[i], w));
      return Float64Array.from(x, (v, k) => v + c * this.cxs[i][k]);
    });
  }

  /**
   * Componentwise bounds on |fl(∇_wΦ(xᵢ, w))ₖ − ∇_wΦ(xᵢ, w)ₖ| for the model as evaluated (with Cᵀxᵢ as stored):
   * the argument tᵢ = (Cᵀxᵢ)ᵀw is rounded by at most δ = γₙΣ|(Cᵀxᵢ)ⱼwⱼ|, which moves cos by at most δ; Math.cos
   * adds at most 2 ulps of a number ≤ 1 (4u); then three rounded operations (relative γ₃).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { SinePerturbedLinear } from "./sine_perturbed_linear.ts";
   * import { Matrix } from "../numerics/linalg.ts";
   * const m = new SinePerturbedLinear([Float64Array.of(1, 0)], Matrix.eye(2), 0);
   * const [e] = m.jacobianError([3, 4]);
   * assert.ok(e[0] < 1e-15 && e[1] === 0);
   * ```
   */
  jacobianError(w: ArrayLike<number>): Float64Array[] {
    const n = this.paramCount, u = 2 ** -53, gamma = (k: number) => (k * u) / (1 - k * u);
    return this.xs.map((x, i) => {
      const cx = this.cxs[i];
      let abs = 0;
      for (let j = 0; j < n; j++) abs += Math.abs(cx[j] * w[j]);
      const delta = gamma(n) * abs * (1 + gamma(n)), cosError = delta + 4 * u;
      const c = Math.abs(this.beta * Math.cos(dotp(cx, w)));
      return Float64Array.from(
        x,
        (v, k) =>
          (this.beta * cosError * Math.abs(cx[k]) +
            gamma(3) * (Math.abs(v) + (c + this.beta * cosError) * Math.abs(cx[k]))) * (1 + gamma(4)),
      );
    });
  }

  /** A rigorous U of (11.4.2) valid on all of ℝⁿ: maxᵢ ‖xᵢ‖ + β‖Cᵀxᵢ‖. */
  gradientBound(): number {
    return Math.max(
      ...this.xs.map((x, i) => Math.sqrt(dotp(x, x)) + this.beta * Math.sqrt(dotp(this.cxs[i], this.cxs[i]))),
    );
  }

  /** A rigorous L of (11.4.2) valid on all of ℝⁿ: β·maxᵢ ‖Cᵀxᵢ‖². */
  lipschitzBound(): number {
    return this.beta * Math.max(...this.cxs.map((c) => dotp(c, c)));
  }
}

function dotp(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
