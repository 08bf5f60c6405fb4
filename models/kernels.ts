/**
 * Kernels and feature maps of Chapter 11, §11.2: the polynomial, RBF and Laplace kernels of
 * Example 11.10, the feature map (11.2.6), the explicit feature map of (1 + xᵀx′)², random
 * features, the kernel ⟨φ(x), φ(x′)⟩ of a feature map (Definition 11.8), and kernel matrices with
 * a bound on their float64 rounding error. Every kernel evaluation comes with such a bound, so
 * that PSD tests can use a tolerance derived from it.
 *
 * @module
 */
import { Matrix } from "../numerics/linalg.ts";
import type { Rng } from "../numerics/random.ts";

/** Unit roundoff u = 2⁻⁵³ of float64 round-to-nearest. */
const U = Number.EPSILON / 2;

/** γ_k = ku/(1 − ku), Higham's bound for k rounded operations. */
function gamma(k: number): number {
  return (k * U) / (1 - k * U);
}

/** A symmetric function K: ℝᵈ × ℝᵈ → ℝ with a bound on the rounding error of its evaluation. */
export interface Kernel {
  /** Name with parameters, e.g. "RBF c = 0.5". */
  readonly name: string;
  /** K(x, x′) in float64. */
  value(x: ArrayLike<number>, y: ArrayLike<number>): number;
  /** A bound on |fl(K(x, x′)) − K(x, x′)| for this evaluation. */
  error(x: ArrayLike<number>, y: ArrayLike<number>): number;
}

function dotAbs(x: ArrayLike<number>, y: ArrayLike<number>): [number, number] {
  let s = 0, a = 0;
  for (let i = 0; i < x.length; i++) {
    s += x[i] * y[i];
    a += Math.abs(x[i] * y[i]);
  }
  return [s, a];
}

function squaredDistance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - y[i]) ** 2;
  return s;
}

/**
 * Polynomial kernel (xᵀx′ + c)^r of Example 11.10 (a kernel for c ≥ 0, r ∈ ℕ). The power is taken
 * by r − 1 multiplications so that its rounding error is bounded by γ_{r−1}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { polynomialKernel } from "./kernels.ts";
 * assert.equal(polynomialKernel(1, 2).value([1, 2], [3, 0]), 16);
 * ```
 */
export function polynomialKernel(c: number, r: number): Kernel {
  return {
    name: `polynomial c = ${+c.toPrecision(4)}, r = ${r}`,
    value(x, y) {
      const v = dotAbs(x, y)[0] + c;
      let p = 1;
      for (let k = 0; k < r; k++) p *= v;
      return p;
    },
    error(x, y) {
      const [s, a] = dotAbs(x, y);
      const v = Math.abs(s + c);
      // |fl(v) − v| ≤ δ = γ_{d+1}(Σ|xᵢx′ᵢ| + |c|); then |v̂^r − v^r| ≤ r(|v̂| + δ)^{r−1}δ, and the
      // r − 1 products add γ_{r−1}|v̂|^r (a 1.01 factor covers the first-order expansions).
      const delta = gamma(x.length + 1) * (a + Math.abs(c));
      return 1.01 * (r * (v + delta) ** (r - 1) * delta + gamma(Math.max(r - 1, 0)) * v ** r);
    },
  };
}

/** Relative error allowed for one call of Math.exp or Math.sqrt: 2 ulps (V8's are within 1 ulp). */
const LIBM_RELATIVE = 4 * U;

/**
 * RBF kernel exp(−c‖x − x′‖²) of Example 11.10 (c > 0).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rbfKernel } from "./kernels.ts";
 * assert.equal(rbfKernel(0.5).value([1, 0], [1, 0]), 1);
 * ```
 */
export function rbfKernel(c: number): Kernel {
  return {
    name: `RBF c = ${+c.toPrecision(4)}`,
    value: (x, y) => Math.exp(-c * squaredDistance(x, y)),
    error(x, y) {
      // ‖x − x′‖² is a sum of nonnegative terms each with relative error ≤ γ₂, so relative error
      // ≤ γ_{d+2}; times c adds u; exp is Lipschitz with constant K on the argument and adds its
      // own relative error.
      const q = squaredDistance(x, y), k = Math.exp(-c * q);
      return 1.01 * k * (c * q * gamma(x.length + 3) + LIBM_RELATIVE);
    },
  };
}

/**
 * Laplace kernel exp(−c‖x − x′‖) of Example 11.10 (c > 0).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { laplaceKernel } from "./kernels.ts";
 * assert.ok(Math.abs(laplaceKernel(1).value([0, 0], [3, 4]) - Math.exp(-5)) < 1e-18);
 * ```
 */
export function laplaceKernel(c: number): Kernel {
  return {
    name: `Laplace c = ${+c.toPrecision(4)}`,
    value: (x, y) => Math.exp(-c * Math.sqrt(squaredDistance(x, y))),
    error(x, y) {
      const r = Math.sqrt(squaredDistance(x, y)), k = Math.exp(-c * r);
      // As for the RBF kernel, with the square root halving the relative error of ‖x − x′‖² and
      // adding its own.
      return 1.01 * k * (c * r * (gamma(x.length + 3) / 2 + LIBM_RELATIVE + U) + LIBM_RELATIVE);
    },
  };
}

/**
 * The distance ‖x − x′‖: symmetric, but NOT a kernel (its kernel matrix on two or more distinct
 * points has zero trace and is nonzero, so it has a negative eigenvalue). For teaching.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { distanceFunction } from "./kernels.ts";
 * assert.equal(distanceFunction.value([0, 0], [3, 4]), 5);
 * ```
 */
export const distanceFunction: Kernel = {
  name: "distance ‖x − x′‖ (not a kernel)",
  value: (x, y) => Math.sqrt(squaredDistance(x, y)),
  error: (x, y) => 1.01 * Math.sqrt(squaredDistance(x, y)) * (gamma(x.length + 3) / 2 + LIBM_RELATIVE),
};

/** A feature map φ: ℝᵈ → ℝⁿ with a bound on the rounding error of each component. */
export interface FeatureMap {
  /** Name. */
  readonly name: string;
  /** Input dimension d. */
  readonly inputDim: number;
  /** Feature dimension n. */
  readonly dim: number;
  /** φ(x). */
  map(x: ArrayLike<number>): Float64Array;
  /** Componentwise bounds on |fl(φ(x))ₖ − φ(x)ₖ|. */
  error(x: ArrayLike<number>): Float64Array;
}

/**
 * The feature map (11.2.6): φ(x) = (1, x₁, x₂, x₁x₂, x₁², x₂²) on ℝ².
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { quadraticFeatures } from "./kernels.ts";
 * assert.equal(quadraticFeatures.map([2, 3]).join(), "1,2,3,6,4,9");
 * ```
 */
export const quadraticFeatures: FeatureMap = {
  name: "(11.2.6) (1, x₁, x₂, x₁x₂, x₁², x₂²)",
  inputDim: 2,
  dim: 6,
  map: (x) => Float64Array.of(1, x[0], x[1], x[0] * x[1], x[0] * x[0], x[1] * x[1]),
  // One rounded product in each of the last three components.
  error: (x) => Float64Array.of(0, 0, 0, U * Math.abs(x[0] * x[1]), U * x[0] * x[0], U * x[1] * x[1]),
};

/**
 * The explicit feature map of the polynomial kernel (1 + xᵀx′)² on ℝᵈ (Exercise 11.35 with r = 2):
 * (1, √2xᵢ, xᵢ², √2xᵢxⱼ for i < j), of dimension 1 + 2d + d(d − 1)/2.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { polynomial2Features, polynomialKernel } from "./kernels.ts";
 * const f = polynomial2Features(2), a = f.map([1, 2]), b = f.map([3, 0]);
 * const dot = a.reduce((s, v, k) => s + v * b[k], 0);
 * assert.ok(Math.abs(dot - polynomialKernel(1, 2).value([1, 2], [3, 0])) < 1e-12);
 * ```
 */
export function polynomial2Features(d: number): FeatureMap {
  const dim = 1 + 2 * d + (d * (d - 1)) / 2;
  return {
    name: `explicit features of (1 + xᵀx′)² on ℝ^${d}`,
    inputDim: d,
    dim,
    map(x) {
      const out = new Float64Array(dim);
      let k = 0;
      out[k++] = 1;
      for (let i = 0; i < d; i++) out[k++] = Math.SQRT2 * x[i];
      for (let i = 0; i < d; i++) out[k++] = x[i] * x[i];
      for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) out[k++] = Math.SQRT2 * x[i] * x[j];
      return out;
    },
    error(x) {
      // √2 is itself rounded (relative error ≤ u): each component has at most 3 rounding errors.
      return this.map(x).map((v) => gamma(3) * Math.abs(v));
    },
  };
}

/**
 * Random Fourier features √(2/n)·cos(ωₖᵀx + bₖ), ωₖ ~ N(0, 2c·I), bₖ ~ U[0, 2π): their kernel
 * approximates exp(−c‖x − x′‖²) (Rahimi and Recht); used here as random feature maps.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "../numerics/random.ts";
 * import { randomFourierFeatures } from "./kernels.ts";
 * assert.equal(randomFourierFeatures(createRng(1), 2, 50, 1).map([0.1, 0.2]).length, 50);
 * ```
 */
export function randomFourierFeatures(rng: Rng, d: number, n: number, c: number): FeatureMap {
  const omega = Array.from(
    { length: n },
    () => Float64Array.from({ length: d }, () => Math.sqrt(2 * c) * rng.normal()),
  );
  const b = Float64Array.from({ length: n }, () => rng.uniform(0, 2 * Math.PI));
  const scale = Math.sqrt(2 / n);
  return {
    name: `${n} random Fourier features (c = ${+c.toPrecision(4)})`,
    inputDim: d,
    dim: n,
    map: (x) => Float64Array.from(omega, (w, k) => scale * Math.cos(dotAbs(w, x)[0] + b[k])),
    error: (x) =>
      Float64Array.from(omega, (w, k) => {
        // cos is 1-Lipschitz: the argument's error γ_{d+1}(Σ|ωx| + |b|), then cos and the scale.
        const arg = dotAbs(w, x)[1] + b[k];
        return 1.01 * scale * (gamma(x.length + 1) * arg + LIBM_RELATIVE + 2 * U);
      }),
  };
}

/**
 * Random ReLU features max(0, uₖᵀx)/√n with uₖ ~ N(0, I) (the hidden layer of a two-layer network).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "../numerics/random.ts";
 * import { randomReluFeatureMap } from "./kernels.ts";
 * assert.ok(randomReluFeatureMap(createRng(1), 3, 10).map([1, 0, 0]).every((v) => v >= 0));
 * ```
 */
export function randomReluFeatureMap(rng: Rng, d: number, n: number): FeatureMap {
  const u = Array.from({ length: n }, () => Float64Array.from({ length: d }, () => rng.normal()));
  const scale = 1 / Math.sqrt(n);
  return {
    name: `${n} random ReLU features`,
    inputDim: d,
    dim: n,
    map: (x) => Float64Array.from(u, (w) => scale * Math.max(0, dotAbs(w, x)[0])),
    error: (x) => Float64Array.from(u, (w) => 1.01 * scale * (gamma(x.length + 1) * dotAbs(w, x)[1] + U)),
  };
}

/**
 * The kernel K(x, x′) = ⟨φ(x), φ(x′)⟩ of a feature map (Definition 11.8 and the line after it).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { featureKernel, quadraticFeatures } from "./kernels.ts";
 * assert.equal(featureKernel(quadraticFeatures).value([1, 0], [1, 0]), 3);
 * ```
 */
export function featureKernel(phi: FeatureMap): Kernel {
  return {
    name: `⟨φ(x), φ(x′)⟩, φ = ${phi.name}`,
    value: (x, y) => dotAbs(phi.map(x), phi.map(y))[0],
    error(x, y) {
      // |⟨φ̂, φ̂′⟩ − ⟨φ, φ′⟩| ≤ Σ(|φ̂ₖ|e′ₖ + eₖ|φ̂′ₖ| + eₖe′ₖ) + γₙΣ|φ̂ₖφ̂′ₖ|.
      const a = phi.map(x), b = phi.map(y), ea = phi.error(x), eb = phi.error(y);
      let s = 0;
      for (let k = 0; k < a.length; k++) s += Math.abs(a[k]) * eb[k] + ea[k] * Math.abs(b[k]) + ea[k] * eb[k];
      return 1.01 * (s + gamma(a.length) * dotAbs(a, b)[1]);
    },
  };
}

/** A kernel matrix with the Frobenius norm of the bound on its rounding error. */
export interface KernelMatrix {
  /** G = (K(xᵢ, xⱼ))ᵢⱼ. */
  g: Matrix;
  /** ‖(bound on |Ĝᵢⱼ − Gᵢⱼ|)ᵢⱼ‖_F, which bounds ‖Ĝ − G‖₂. */
  error: number;
}

/**
 * The kernel matrix G = (K(xᵢ, xⱼ)) of Definition 11.8 and its rounding-error bound.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kernelMatrix, rbfKernel } from "./kernels.ts";
 * const { g, error } = kernelMatrix(rbfKernel(1), [[0], [1]]);
 * assert.ok(g.get(0, 1) === Math.exp(-1) && error < 1e-15);
 * ```
 */
export function kernelMatrix(k: Kernel, points: ArrayLike<number>[]): KernelMatrix {
  const m = points.length, g = new Matrix(m, m);
  let e2 = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      g.set(i, j, k.value(points[i], points[j]));
      e2 += k.error(points[i], points[j]) ** 2;
    }
  }
  return { g, error: Math.sqrt(e2) };
}

/**
 * The feature matrix Φ with rows φ(xᵢ) (the A of (11.2.8) in the standard basis of ℝⁿ).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { featureMatrix, quadraticFeatures } from "./kernels.ts";
 * assert.equal(featureMatrix(quadraticFeatures, [[1, 2], [0, 0]]).columns, 6);
 * ```
 */
export function featureMatrix(phi: FeatureMap, points: ArrayLike<number>[]): Matrix {
  return new Matrix(points.map((x) => Array.from(phi.map(x))));
}

/**
 * The feature map x ↦ (K(x, c₁), …, K(x, c_m)) of a kernel and centres cⱼ (the map used for
 * Exercise 11.33 with the data points as centres).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kernelFeatureMap, laplaceKernel } from "./kernels.ts";
 * const phi = kernelFeatureMap(laplaceKernel(1), [[0], [1]]);
 * assert.ok(phi.map([0])[0] === 1 && phi.dim === 2);
 * ```
 */
export function kernelFeatureMap(kernel: Kernel, centres: ArrayLike<number>[]): FeatureMap {
  return {
    name: `(K(x, xⱼ))ⱼ, K = ${kernel.name}`,
    inputDim: centres[0]?.length ?? 0,
    dim: centres.length,
    map: (x) => Float64Array.from(centres, (c) => kernel.value(x, c)),
    error: (x) => Float64Array.from(centres, (c) => kernel.error(x, c)),
  };
}

/**
 * The affine features (1, x): a linear model in feature space is an affine function of x.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { affineFeatures } from "./kernels.ts";
 * assert.equal(affineFeatures(2).map([3, 4]).join(), "1,3,4");
 * ```
 */
export function affineFeatures(d: number): FeatureMap {
  return {
    name: "affine (1, x)",
    inputDim: d,
    dim: d + 1,
    map: (x) => Float64Array.from({ length: d + 1 }, (_, k) => (k === 0 ? 1 : x[k - 1])),
    error: () => new Float64Array(d + 1),
  };
}
