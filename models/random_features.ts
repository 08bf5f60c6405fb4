/**
 * Random features and the conjugate kernel of Chizat's slides (`003_…`, "Neural networks and random
 * features"): f(g, x) = ∫σ(a·x + b)g(a, b)dτ(a, b), trained with ridge penalty λ‖g‖²_{L²(dτ)}, is kernel
 * ridge regression with k(x, x′) = ∫σ(a·x + b)σ(a·x′ + b)dτ. Here σ = ReLU and τ = N(0, I_{d+1}) for
 * (a, b); with m draws, τ_m is their empirical measure (weights 1/m).
 *
 * @module
 */
import { Matrix, solve } from "ml-matrix";
import { undecidedOnError } from "../numerics/numerical_failure.ts";

/** A conjugate kernel k(x, x′) on ℝ^d. */
export type KernelFunction = (x: ArrayLike<number>, z: ArrayLike<number>) => number;

/**
 * The ReLU conjugate kernel for (a, b) ~ N(0, I_{d+1}): the arc-cosine kernel of order 1 (Cho and
 * Saul 2009) on x̃ = (x, 1): k = ‖x̃‖‖z̃‖/(2π)·(sin θ + (π − θ)cos θ), θ = ∠(x̃, z̃).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reluConjugateKernel } from "./random_features.ts";
 * // x = z = 0: E[relu(b)²] = 1/2.
 * assert.ok(Math.abs(reluConjugateKernel([0], [0]) - 0.5) < 1e-15);
 * ```
 */
export function reluConjugateKernel(x: ArrayLike<number>, z: ArrayLike<number>): number {
  let xx = 1, zz = 1, xz = 1;
  for (let k = 0; k < x.length; k++) {
    xx += x[k] * x[k];
    zz += z[k] * z[k];
    xz += x[k] * z[k];
  }
  const nx = Math.sqrt(xx), nz = Math.sqrt(zz);
  const c = Math.min(1, Math.max(-1, xz / (nx * nz)));
  const theta = Math.acos(c);
  return ((nx * nz) / (2 * Math.PI)) * (Math.sin(theta) + (Math.PI - theta) * c);
}

/**
 * The feature matrix Φ (rows × m, row-major) with Φᵢⱼ = relu(aⱼ·xᵢ + bⱼ), for points x (row-major
 * rows × d) and m features (a row-major m × d, b of length m).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reluFeatureMatrix } from "./random_features.ts";
 * const phi = reluFeatureMatrix(Float64Array.of(1, -1), 2, 1, Float64Array.of(1), Float64Array.of(0));
 * assert.ok(phi[0] === 1 && phi[1] === 0);
 * ```
 */
export function reluFeatureMatrix(
  x: Float64Array,
  rows: number,
  d: number,
  a: Float64Array,
  b: Float64Array,
): Float64Array {
  const m = b.length, out = new Float64Array(rows * m);
  // Hot loop: rows·m·d multiply-adds.
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < m; j++) {
      let z = b[j];
      for (let k = 0; k < d; k++) z += a[j * d + k] * x[i * d + k];
      out[i * m + j] = z > 0 ? z : 0;
    }
  }
  return out;
}

/** A solution with its certified error bound from the residual. */
export interface CertifiedSolve {
  /** The computed solution. */
  x: Float64Array;
  /** ‖x − x*‖₂ ≤ this: (‖b − Ax‖ + its rounding bound)/λ_min(A), with λ_min(A) ≥ the ridge shift. */
  errorBound: number;
}

const U = 2 ** -53;
function gamma(k: number): number {
  return (k * U) / (1 - k * U);
}

/**
 * The output-layer ridge solution on m random features, in its primal (parameter) form: the
 * minimiser of (1/n)Σᵢ(f(xᵢ) − yᵢ)² + λ(1/m)Σⱼgⱼ² with f(x) = (1/m)Σⱼ gⱼφⱼ(x), i.e.
 * (ΦᵀΦ/m + nλI)g = Φᵀy, solved by conjugate gradients (matrix-free) and certified through the
 * residual: A ⪰ nλI, so ‖g − g*‖ ≤ ‖r‖/(nλ).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ridgePrimal } from "./random_features.ts";
 * // One feature, one point: (φ²/1 + λ)g = φy with φ = 2, y = 1, λ = 1: g = 2/5.
 * const s = ridgePrimal(Float64Array.of(2), 1, 1, Float64Array.of(1), 1);
 * assert.ok(Math.abs(s.x[0] - 0.4) < 1e-15 && s.errorBound < 1e-14);
 * ```
 */
export function ridgePrimal(phi: Float64Array, n: number, m: number, y: Float64Array, lambda: number): CertifiedSolve {
  const shift = n * lambda;
  const apply = (v: Float64Array, out: Float64Array, abs = false) => {
    // Hot loop: out = Φᵀ(Φv)/m + nλv (or its absolute-value majorant).
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += abs ? Math.abs(phi[i * m + j] * v[j]) : phi[i * m + j] * v[j];
      t[i] = s;
    }
    out.fill(0);
    for (let i = 0; i < n; i++) {
      const ti = t[i] / m;
      for (let j = 0; j < m; j++) out[j] += (abs ? Math.abs(phi[i * m + j]) : phi[i * m + j]) * ti;
    }
    for (let j = 0; j < m; j++) out[j] += shift * (abs ? Math.abs(v[j]) : v[j]);
  };
  const rhs = new Float64Array(m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) rhs[j] += phi[i * m + j] * y[i];
  const x = new Float64Array(m), r = Float64Array.from(rhs), p = Float64Array.from(rhs), ap = new Float64Array(m);
  const dotv = (u: Float64Array, v: Float64Array) => {
    let s = 0;
    for (let j = 0; j < u.length; j++) s += u[j] * v[j];
    return s;
  };
  let rr = dotv(r, r);
  const rhsNorm = Math.sqrt(rr);
  for (let it = 0; it < 4 * (n + 1) && Math.sqrt(rr) > 1e-15 * rhsNorm; it++) {
    apply(p, ap);
    const alpha = rr / dotv(p, ap);
    for (let j = 0; j < m; j++) {
      x[j] += alpha * p[j];
      r[j] -= alpha * ap[j];
    }
    const next = dotv(r, r);
    for (let j = 0; j < m; j++) p[j] = r[j] + (next / rr) * p[j];
    rr = next;
  }
  // True residual, and a bound on its own rounding: |fl(b − Ax) − (b − Ax)| ≤ γ_{n+m+3}(|b| + |Φ|ᵀ|Φ||x|/m + nλ|x|).
  const ax = new Float64Array(m), absAx = new Float64Array(m);
  apply(x, ax);
  apply(x, absAx, true);
  let res = 0, resRounding = 0;
  for (let j = 0; j < m; j++) {
    res += (rhs[j] - ax[j]) ** 2;
    // rhs itself carries γ_n relative rounding.
    resRounding += (gamma(n + m + 3) * (2 * Math.abs(rhs[j]) + absAx[j])) ** 2;
  }
  return { x, errorBound: (Math.sqrt(res) + Math.sqrt(resRounding)) / shift };
}

/**
 * Kernel ridge regression coefficients c = (K + nλI)⁻¹y (the predictor is f(x) = Σᵢcᵢk(x, xᵢ)),
 * by a direct solve, certified through the residual: ‖c − c*‖ ≤ ‖r‖/(nλ) since K ⪰ 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kernelRidge } from "./random_features.ts";
 * import { Matrix } from "ml-matrix";
 * const s = kernelRidge(new Matrix([[1]]), Float64Array.of(2), 1); // (1 + 1)c = 2
 * assert.ok(Math.abs(s.x[0] - 1) < 1e-15);
 * ```
 */
export function kernelRidge(k: Matrix, y: Float64Array, lambda: number): CertifiedSolve {
  const n = y.length, shift = n * lambda;
  const a = k.clone();
  for (let i = 0; i < n; i++) a.set(i, i, a.get(i, i) + shift);
  const c = Float64Array.from(
    undecidedOnError("kernel ridge solve (K + nλI)c = y", () => solve(a, Matrix.columnVector(Array.from(y)))).getColumn(
      0,
    ),
  );
  let res = 0, resRounding = 0;
  for (let i = 0; i < n; i++) {
    let s = 0, abs = 0;
    for (let j = 0; j < n; j++) {
      s += a.get(i, j) * c[j];
      abs += Math.abs(a.get(i, j) * c[j]);
    }
    res += (y[i] - s) ** 2;
    resRounding += (gamma(n + 2) * (Math.abs(y[i]) + abs)) ** 2;
  }
  return { x: c, errorBound: (Math.sqrt(res) + Math.sqrt(resRounding)) / shift };
}
