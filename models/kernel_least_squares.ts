/**
 * Kernel least squares (Chapter 11, §11.2): the objective (11.2.2) of a feature model
 * Φ(x, w) = ⟨φ(x), w⟩ in H = ℝⁿ, its minimum-norm solution computed in feature space, the
 * kernel-trick route (11.2.9)–(11.2.10) through a minimiser α of ‖Gα − y‖ (G may be singular),
 * and gradient descent on the feature model (Remark 11.4).
 *
 * @module
 */
import { type FeatureMap, featureMatrix, type Kernel, kernelMatrix } from "./kernels.ts";
import { LeastSquares } from "./least_squares.ts";
import { type Matrix, svd } from "../numerics/linalg.ts";

/**
 * The minimum-norm least-squares solution A⁺b by an SVD truncated at a relative threshold
 * (singular values ≤ threshold·s_max are treated as zero). Returns the solution and the rank used.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix } from "../numerics/linalg.ts";
 * import { truncatedMinNorm } from "./kernel_least_squares.ts";
 * const { x, rank } = truncatedMinNorm(new Matrix([[1, 1], [1, 1]]), [2, 2], 1e-10);
 * assert.ok(rank === 1 && Math.abs(x[0] - 1) < 1e-15 && Math.abs(x[1] - 1) < 1e-15);
 * ```
 */
export function truncatedMinNorm(
  a: Matrix,
  b: ArrayLike<number>,
  threshold: number,
): { x: Float64Array; rank: number } {
  const { u, s, v } = svd(a);
  const cut = threshold * (s[0] ?? 0);
  const x = new Float64Array(a.columns);
  let rank = 0;
  for (let k = 0; k < s.length; k++) {
    if (!(s[k] > cut)) continue;
    rank++;
    let c = 0;
    for (let i = 0; i < a.rows; i++) c += u.get(i, k) * b[i];
    c /= s[k];
    for (let j = 0; j < a.columns; j++) x[j] += c * v.get(j, k);
  }
  return { x, rank };
}

/** The feature model Φ(x, w) = ⟨φ(x), w⟩ (11.2.1) fitted to data by (11.2.2). */
export class FeatureLeastSquares {
  /** The feature map. */
  readonly phi: FeatureMap;
  /** Training inputs x₁, …, x_m. */
  readonly points: Float64Array[];
  /** Φ with rows φ(xᵢ). */
  readonly features: Matrix;
  /** f(w) = ‖Φw − y‖² (scale 1, as (11.2.2)). */
  readonly ls: LeastSquares;

  /**
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { FeatureLeastSquares } from "./kernel_least_squares.ts";
   * import { quadraticFeatures } from "./kernels.ts";
   * const f = new FeatureLeastSquares(quadraticFeatures, [[0, 0], [1, 2]], [1, -1]);
   * assert.ok(f.features.rows === 2 && f.features.columns === 6);
   * ```
   */
  constructor(phi: FeatureMap, points: ArrayLike<number>[], y: ArrayLike<number>) {
    this.phi = phi;
    this.points = points.map((p) => Float64Array.from(p));
    this.features = featureMatrix(phi, this.points);
    this.ls = new LeastSquares(this.features, y, 1);
  }

  /** The minimum-norm minimiser w* of (11.2.2), computed in feature space (truncated SVD of Φ). */
  minNormSolution(threshold = 1e-10): Float64Array {
    return truncatedMinNorm(this.features, this.ls.y, threshold).x;
  }

  /** Φ(x, w) = ⟨φ(x), w⟩. */
  predict(x: ArrayLike<number>, w: ArrayLike<number>): number {
    const f = this.phi.map(x);
    let s = 0;
    for (let k = 0; k < f.length; k++) s += f[k] * w[k];
    return s;
  }

  /**
   * `steps` gradient steps w ← w − h∇f(w), ∇f = 2Φᵀ(Φw − y) (11.1.5); calls `observe(k, w)` after
   * each step. Hot loop on Float64Arrays.
   */
  gradientDescent(
    w0: ArrayLike<number>,
    h: number,
    steps: number,
    observe?: (k: number, w: Float64Array) => void,
  ): Float64Array {
    const m = this.features.rows, n = this.features.columns;
    const a = this.features.to1DArray(), y = this.ls.y;
    const w = Float64Array.from(w0), r = new Float64Array(m);
    for (let k = 1; k <= steps; k++) {
      // Hot loop: r = Φw − y, then w −= 2h·Φᵀr.
      for (let i = 0; i < m; i++) {
        let s = -y[i];
        for (let j = 0; j < n; j++) s += a[i * n + j] * w[j];
        r[i] = s;
      }
      for (let j = 0; j < n; j++) {
        let g = 0;
        for (let i = 0; i < m; i++) g += a[i * n + j] * r[i];
        w[j] -= 2 * h * g;
      }
      observe?.(k, w);
    }
    return w;
  }
}

/** Kernel least squares by the kernel trick: (i) G, (ii) a minimiser α of ‖Gα − y‖, (iii) (11.2.10). */
export class KernelLeastSquares {
  /** The kernel. */
  readonly kernel: Kernel;
  /** Training inputs. */
  readonly points: Float64Array[];
  /** Targets. */
  readonly y: Float64Array;
  /** The kernel matrix G = (K(xᵢ, xⱼ)). */
  readonly g: Matrix;
  /** Bound on ‖Ĝ − G‖_F from the kernel's rounding bounds. */
  readonly gError: number;

  /**
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { KernelLeastSquares } from "./kernel_least_squares.ts";
   * import { rbfKernel } from "./kernels.ts";
   * const k = new KernelLeastSquares(rbfKernel(1), [[0], [1]], [1, 2]);
   * const alpha = k.minNormAlpha();
   * assert.ok(Math.abs(k.predict([1], alpha) - 2) < 1e-12);
   * ```
   */
  constructor(kernel: Kernel, points: ArrayLike<number>[], y: ArrayLike<number>) {
    this.kernel = kernel;
    this.points = points.map((p) => Float64Array.from(p));
    this.y = Float64Array.from(y);
    const { g, error } = kernelMatrix(kernel, this.points);
    this.g = g;
    this.gError = error;
  }

  /** The minimum-norm minimiser α = G⁺y of (11.2.9) (truncated SVD of G). */
  minNormAlpha(threshold = 1e-12): Float64Array {
    return truncatedMinNorm(this.g, this.y, threshold).x;
  }

  /** The kernel least squares estimator Σⱼ αⱼK(x, xⱼ) (11.2.10). */
  predict(x: ArrayLike<number>, alpha: ArrayLike<number>): number {
    let s = 0;
    for (let j = 0; j < this.points.length; j++) s += alpha[j] * this.kernel.value(x, this.points[j]);
    return s;
  }
}
