/**
 * The constants of Assumption 11.12 (Chapter 11, §11.4): the eigenvalue bounds of the kernel matrix
 * (11.4.1) at w₀, U and L of (11.4.2), f(w₀), the radius r and the right-hand side of (11.4.3). Certified
 * for the sine-perturbed linear model (closed forms), estimated by sampling for any other model.
 *
 * @module
 */
import { gram } from "./scaled_two_layer.ts";
import type { SinePerturbedLinear } from "./sine_perturbed_linear.ts";
import { distance, norm } from "../numerics/compare.ts";
import { EPS, symmetricEigen } from "../numerics/linalg.ts";
import { gramFormationError, symmetricEigenEnclosure } from "../numerics/eigen_enclosure.ts";
import type { Rng } from "../numerics/random.ts";

/** The constants of Assumption 11.12 of a model at w₀ with targets y. */
export interface ConvergenceConstants {
  /** Certified lower bound on the smallest eigenvalue of (11.4.1). */
  lambdaMin: number;
  /** Certified upper bound on the largest eigenvalue of (11.4.1). */
  lambdaMax: number;
  /** U of (11.4.2) (valid on all of ℝⁿ). */
  u: number;
  /** L of (11.4.2) (valid on all of ℝⁿ). */
  l: number;
  /** f(w₀) = ‖Φ(X, w₀) − y‖². */
  f0: number;
  /** r = 2√m·U·√f(w₀)/λ_min (11.4.3). */
  r: number;
  /** The right-hand side λ_min²/(12 m^{3/2} U² √f(w₀)) of (11.4.3). */
  lBound: number;
}

/** What GD (11.4.5) needs of a model on its data set. */
export interface ConvergenceModel {
  /** Scale of the nonlinearity (enters the rounding floor). */
  readonly beta: number;
  /** Φ(X, w). */
  outputs(w: ArrayLike<number>): Float64Array;
  /** ∇_wΦ(X, w), one row per data point. */
  jacobian(w: ArrayLike<number>): Float64Array[];
  /**
   * Optional: `outputs(w)` and `jacobian(w)` from one pass, with the same bits (the rows may be a buffer reused by the
   * next call). A GD step needs both at the same w.
   */
  outputsAndJacobian?(w: Float64Array): { outputs: Float64Array; rows: Float64Array[] };
}

/**
 * The constants of Assumption 11.12 for the sine-perturbed linear model at w₀ with targets y, each
 * computed rigorously. Eigenvalues are enclosed rigorously (`symmetricEigenEnclosure`: Weyl with the
 * residual of the computed eigenpairs, plus the rounding of the Jacobian and of its Gram matrix,
 * `gramFormationError`); U and L are widened by a relative 8(n + 2)ε for the rounding of their own evaluation.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { certifiedSineConstants } from "./gd_convergence_constants.ts";
 * import { SinePerturbedLinear } from "./sine_perturbed_linear.ts";
 * import { Matrix } from "../numerics/linalg.ts";
 * const model = new SinePerturbedLinear([Float64Array.of(1, 0)], Matrix.eye(2), 0);
 * assert.equal(certifiedSineConstants(model, [0, 0], [1]).l, 0);
 * ```
 */
export function certifiedSineConstants(
  model: SinePerturbedLinear,
  w0: ArrayLike<number>,
  y: ArrayLike<number>,
): ConvergenceConstants {
  const m = model.xs.length, n = model.paramCount;
  const jac = model.jacobian(w0);
  const enclosure = symmetricEigenEnclosure(gram(jac), gramFormationError(jac, model.jacobianError(w0)));
  const lambdaMin = enclosure.min, lambdaMax = enclosure.max;
  const slack = 1 + 8 * (n + 2) * EPS;
  const u = model.gradientBound() * slack, l = model.lipschitzBound() * slack;
  const out = model.outputs(w0);
  let f0 = 0;
  for (let i = 0; i < m; i++) f0 += (out[i] - y[i]) ** 2;
  const r = 2 * Math.sqrt(m) * u * Math.sqrt(f0) / lambdaMin;
  const lBound = lambdaMin ** 2 / (12 * m ** 1.5 * u * u * Math.sqrt(f0));
  return { lambdaMin, lambdaMax, u, l, f0, r, lBound };
}

/**
 * Estimated constants of Assumption 11.12: λ_min, λ_max of (11.4.1) at w₀ by the eigensolver; U = the
 * largest ‖∇Φ(xᵢ, w)‖ and L = the largest difference quotient of ∇Φ(xᵢ, ·) over w₀ and 16 points sampled
 * in B_r(w₀) (two passes of 8, r from (11.4.3) recomputed with the sampled U). Sampled maxima are lower
 * bounds of the true sup: the constants are estimates.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampledConstants } from "./gd_convergence_constants.ts";
 * import { createRng } from "../numerics/random.ts";
 * // Φ(x, w) = xᵀw on one point x = (1, 0): U = 1, L = 0, λ = ‖x‖² = 1.
 * const model = { beta: 0, outputs: (w: ArrayLike<number>) => Float64Array.of(w[0]), jacobian: () => [Float64Array.of(1, 0)] };
 * const k = sampledConstants(createRng(1), model, Float64Array.of(0, 0), Float64Array.of(1));
 * assert.deepEqual([k.lambdaMin, k.u, k.l, k.f0], [1, 1, 0, 1]);
 * ```
 */
export function sampledConstants(
  rng: Rng,
  model: ConvergenceModel,
  w0: Float64Array,
  y: ArrayLike<number>,
): ConvergenceConstants {
  const m = y.length;
  const values = symmetricEigen(gram(model.jacobian(w0))).values;
  const lambdaMin = values[m - 1], lambdaMax = values[0];
  const out = model.outputs(w0);
  let f0 = 0;
  for (let i = 0; i < m; i++) f0 += (out[i] - y[i]) ** 2;
  const points: Float64Array[] = [w0], jacs: Float64Array[][] = [model.jacobian(w0)];
  let u = Math.max(...jacs[0].map(norm));
  for (let pass = 0; pass < 2; pass++) {
    const r = 2 * Math.sqrt(m) * u * Math.sqrt(f0) / lambdaMin;
    for (let s = 0; s < 8; s++) {
      const dir = Float64Array.from(w0, () => rng.normal()), dn = norm(dir);
      const radius = r * rng.double() ** (1 / 8);
      const w = w0.map((v, q) => v + (radius * dir[q]) / dn);
      points.push(w);
      jacs.push(model.jacobian(w));
      for (const row of jacs[jacs.length - 1]) u = Math.max(u, norm(row));
    }
  }
  let l = 0;
  for (let a = 0; a < points.length; a++) {
    for (let b = a + 1; b < points.length; b++) {
      const dist = distance(points[a], points[b]);
      jacs[a].forEach((row, i) => (l = Math.max(l, distance(row, jacs[b][i]) / dist)));
    }
  }
  const r = 2 * Math.sqrt(m) * u * Math.sqrt(f0) / lambdaMin;
  const lBound = lambdaMin ** 2 / (12 * m ** 1.5 * u * u * Math.sqrt(f0));
  return { lambdaMin, lambdaMax, u, l, f0, r, lBound };
}
