/**
 * Chapter 10's two-layer network f(x, U, v) = α·v·σ(Ux) (10.46), parameters w = (U, v) stored flat
 * (U row-major, then v), with its Jacobian Df (10.23), the exact operator norm of D²f for ReLU
 * (10.38) and κ_f(w₀) (10.42–10.43). Also the model of the lazy-training slides (003), h = α·f.
 *
 * @module
 */
import { EPS, Matrix, svd, symmetricEigen } from "../numerics/linalg.ts";
import type { Rng } from "../numerics/random.ts";
import { type Activation, relu } from "./activation.ts";

/** The network f(x, w) = α·Σ_k v_k σ(u_k·x) of (10.46), evaluated on a fixed data set X. */
export class ScaledTwoLayer {
  /** Inputs x_i ∈ ℝᵈ (rows of X). */
  readonly xs: Float64Array[];
  /** Hidden width d_hid. */
  readonly width: number;
  /** The scale α(d_hid). */
  readonly alpha: number;
  /** σ. */
  readonly activation: Activation;
  /** Input dimension d. */
  readonly dim: number;

  /**
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { ScaledTwoLayer } from "./scaled_two_layer.ts";
   * import { relu } from "./activation.ts";
   * const net = new ScaledTwoLayer([Float64Array.of(1, 0)], 2, 1, relu);
   * assert.equal(net.paramCount, 6);
   * ```
   */
  constructor(xs: ArrayLike<number>[], width: number, alpha: number, activation: Activation) {
    if (xs.length === 0) throw new RangeError("no data");
    this.xs = xs.map((x) => Float64Array.from(x));
    this.dim = this.xs[0].length;
    this.width = width;
    this.alpha = alpha;
    this.activation = activation;
  }

  /** Number of parameters d_hid·(d + 1). */
  get paramCount(): number {
    return this.width * (this.dim + 1);
  }

  /** The same network with scale α replaced by `alpha` (the scaled model αf of (10.44)). */
  withScale(alpha: number): ScaledTwoLayer {
    return new ScaledTwoLayer(this.xs, this.width, alpha, this.activation);
  }

  /** f(X, w) ∈ ℝᴺ (10.22). */
  outputs(w: ArrayLike<number>): Float64Array {
    const { width, dim, alpha, activation } = this;
    const out = new Float64Array(this.xs.length);
    this.xs.forEach((x, i) => {
      let s = 0;
      for (let k = 0; k < width; k++) {
        let z = 0;
        for (let j = 0; j < dim; j++) z += w[k * dim + j] * x[j];
        s += w[width * dim + k] * activation.f(z);
      }
      out[i] = alpha * s;
    });
    return out;
  }

  /** Df(w) ∈ ℝ^{N×p} (10.23), one Float64Array per data point. */
  jacobian(w: ArrayLike<number>): Float64Array[] {
    const { width, dim, alpha, activation } = this;
    return this.xs.map((x) => {
      const row = new Float64Array(this.paramCount);
      // Hot loop: N·d_hid·d multiply-adds.
      for (let k = 0; k < width; k++) {
        let z = 0;
        for (let j = 0; j < dim; j++) z += w[k * dim + j] * x[j];
        const g = alpha * w[width * dim + k] * activation.df(z);
        for (let j = 0; j < dim; j++) row[k * dim + j] = g * x[j];
        row[width * dim + k] = alpha * activation.f(z);
      }
      return row;
    });
  }

  /**
   * out[0 .. p) −= Df(w)ᵀ(c·f(X, w) − y)/c, the gradient-flow velocity of R(c·f)/c² with R(u) = ½‖u − y‖², added into
   * `out` point by point: `outputs` and `jacobian` fused, with the same operations in the same order (each z, σ(z),
   * σ′(z) and row entry formed as they form it, each out[q] updated in the order of the points), so the result is the
   * loop `out[q] -= jacobian(w)[i][q]·(c·outputs(w)[i] − y[i])/c` to the bit, without their arrays: a flow's field
   * runs it at every integrator stage, where those allocations cost more than the arithmetic (chizat-lazy).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { ScaledTwoLayer } from "./scaled_two_layer.ts";
   * import { tanh } from "./activation.ts";
   * const net = new ScaledTwoLayer([Float64Array.of(1, 0.5), Float64Array.of(-0.3, 2)], 2, 0.7, tanh);
   * const w = [0.1, -0.4, 0.8, 0.2, 1.5, -0.6], y = [0.3, -0.2], c = 4;
   * const want = new Float64Array(6), h = net.outputs(w);
   * net.jacobian(w).forEach((row, i) => row.forEach((v, q) => (want[q] -= v * ((c * h[i] - y[i]) / c))));
   * const out = new Float64Array(6);
   * net.subtractResidualGradient(w, c, y, out);
   * assert.deepEqual(out, want);
   * ```
   */
  subtractResidualGradient(w: ArrayLike<number>, c: number, y: ArrayLike<number>, out: Float64Array): void {
    const { xs, width, dim, alpha, activation } = this, V = width * dim;
    if (this.#fz.length !== width) {
      this.#fz = new Float64Array(width);
      this.#dfz = new Float64Array(width);
    }
    const fz = this.#fz, dfz = this.#dfz;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      let s = 0;
      for (let k = 0; k < width; k++) {
        let z = 0;
        for (let j = 0; j < dim; j++) z += w[k * dim + j] * x[j];
        fz[k] = activation.f(z);
        dfz[k] = activation.df(z);
        s += w[V + k] * fz[k];
      }
      const r = (c * (alpha * s) - y[i]) / c;
      for (let k = 0; k < width; k++) {
        const g = alpha * w[V + k] * dfz[k];
        for (let j = 0; j < dim; j++) out[k * dim + j] -= (g * x[j]) * r;
        out[V + k] -= (alpha * fz[k]) * r;
      }
    }
  }

  /** Scratch of `subtractResidualGradient`: σ(z) and σ′(z) of one point's hidden units. */
  #fz = new Float64Array(0);
  /** See `#fz`. */
  #dfz = new Float64Array(0);

  /** The tangent kernel Df·Dfᵀ ∈ ℝ^{N×N}, the matrix (*) of (10.28). */
  tangentKernel(w: ArrayLike<number>): Matrix {
    return gram(this.jacobian(w));
  }

  /**
   * ‖D²f(w)‖ as defined under (10.38): the operator norm of D²f(w): ℝᵖ → (ℝ^{N×p}, ‖·‖₂), i.e.
   * sup over unit v of the spectral norm of the N×p matrix D²f(w)[v] = sup over unit z ∈ ℝᴺ of
   * ‖Σᵢ zᵢ∇²fᵢ(w)‖₂. The Hessians are block diagonal over neurons; for ReLU each block is
   * α[[0, Σᵢ zᵢσ′ᵢₖxᵢ], [·ᵀ, 0]] with norm α‖Σᵢ zᵢσ′ᵢₖxᵢ‖, so the sup is α·maxₖ‖Mₖ‖₂ with
   * Mₖ = [σ′(uₖ·xᵢ)xᵢ]ᵢ (d×N): exact, no iteration needed. Only ReLU is supported.
   */
  hessianOperatorNorm(w: ArrayLike<number>): number {
    if (this.activation !== relu) throw new Error("exact ‖D²f‖ implemented for ReLU only");
    const { width, dim } = this;
    // ‖Mₖ‖₂ depends only on the activation pattern of neuron k: memoise by pattern (≤ 2ᴺ of them).
    const memo = new Map<string, number>();
    let best = 0;
    for (let k = 0; k < width; k++) {
      const key = this.xs.map((x) => {
        let z = 0;
        for (let j = 0; j < dim; j++) z += w[k * dim + j] * x[j];
        return this.activation.df(z) > 0 ? "1" : "0";
      }).join("");
      let value = memo.get(key);
      if (value === undefined) {
        const m = new Matrix(dim, this.xs.length);
        this.xs.forEach((x, i) => {
          if (key[i] === "1") { for (let j = 0; j < dim; j++) m.set(j, i, x[j]); }
        });
        value = svd(m).s[0] ?? 0;
        memo.set(key, value);
      }
      best = Math.max(best, value);
    }
    return Math.abs(this.alpha) * best;
  }

  /**
   * Rigorous bounds on ‖D²f(w)‖ (the operator norm of `hessianOperatorNorm`) for any twice-differentiable σ.
   * Σᵢ aᵢ∇²fᵢ is block diagonal over neurons, block k = α[[vₖAₖ(a), cₖ(a)], [cₖ(a)ᵀ, 0]] with
   * Aₖ(a) = Σᵢ aᵢσ″(uₖ·xᵢ)xᵢxᵢᵀ and cₖ(a) = Σᵢ aᵢσ′(uₖ·xᵢ)xᵢ, so ‖D²f‖ = α·maxₖ sup_{‖a‖=1}‖Bₖ(a)‖. Since
   * max(‖vₖAₖ‖, ‖cₖ‖) ≤ ‖Bₖ‖ ≤ ‖vₖAₖ‖ + ‖cₖ‖ (a principal block, a column; the triangle inequality),
   * lower = α·maxₖ maxᵢ max(|vₖσ″ᵢₖ|‖xᵢ‖², |σ′ᵢₖ|‖xᵢ‖) (a = eᵢ) and
   * upper = α·maxₖ (|vₖ|·‖(σ″ᵢₖ‖xᵢ‖²)ᵢ‖₂ + ‖X‖₂·maxᵢ|σ′ᵢₖ|) (Cauchy–Schwarz; ‖Σᵢaᵢsᵢxᵢ‖ ≤ ‖X‖₂·maxᵢ|sᵢ|).
   * For ReLU (σ″ = 0 a.e.) use the exact `hessianOperatorNorm`. Rounding is not bounded: the two ends are
   * a factor ≥ 1 apart, far above it.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { ScaledTwoLayer } from "./scaled_two_layer.ts";
   * import { tanh } from "./activation.ts";
   * const net = new ScaledTwoLayer([Float64Array.of(1, 0)], 1, 1, tanh);
   * // One neuron, one input x = e₁, u = (0.5, 0), v = 2: block [[2σ″(0.5), 0, σ′(0.5)], [0, 0, 0], [σ′(0.5), 0, 0]].
   * const { lower, upper } = net.hessianNormBounds([0.5, 0, 2]);
   * const a = 2 * Math.abs(tanh.d2f(0.5)), c = tanh.df(0.5);
   * const exact = (a + Math.sqrt(a * a + 4 * c * c)) / 2;
   * assert.ok(lower <= exact && exact <= upper);
   * ```
   */
  hessianNormBounds(w: ArrayLike<number>): { lower: number; upper: number } {
    const { width, dim, activation } = this;
    const norms = this.xs.map((x) => Math.sqrt(x.reduce((s, v) => s + v * v, 0)));
    const m = new Matrix(dim, this.xs.length);
    this.xs.forEach((x, i) => x.forEach((v, j) => m.set(j, i, v)));
    const xNorm = svd(m).s[0] ?? 0;
    let lower = 0, upper = 0;
    for (let k = 0; k < width; k++) {
      const vk = Math.abs(w[width * dim + k]);
      let second = 0, firstMax = 0;
      this.xs.forEach((x, i) => {
        let z = 0;
        for (let j = 0; j < dim; j++) z += w[k * dim + j] * x[j];
        const s2 = Math.abs(activation.d2f(z)) * norms[i] ** 2, s1 = Math.abs(activation.df(z));
        second += s2 * s2;
        firstMax = Math.max(firstMax, s1);
        lower = Math.max(lower, vk * s2, s1 * norms[i]);
      });
      upper = Math.max(upper, vk * Math.sqrt(second) + xNorm * firstMax);
    }
    return { lower: Math.abs(this.alpha) * lower, upper: Math.abs(this.alpha) * upper };
  }

  /** D²f(w)[v] ∈ ℝ^{N×p} for ReLU (cross blocks only), used to cross-check the norm. */
  hessianDirection(w: ArrayLike<number>, v: ArrayLike<number>): Float64Array[] {
    if (this.activation !== relu) throw new Error("implemented for ReLU only");
    const { width, dim, alpha } = this;
    return this.xs.map((x) => {
      const row = new Float64Array(this.paramCount);
      for (let k = 0; k < width; k++) {
        let z = 0, zv = 0;
        for (let j = 0; j < dim; j++) {
          z += w[k * dim + j] * x[j];
          zv += v[k * dim + j] * x[j];
        }
        const s = this.activation.df(z);
        // ∂/∂u_k row = α v_k σ′ x, differentiated along v: α v_{v,k} σ′ x; ∂/∂v_k = α σ(z): α σ′ (u_v·x).
        for (let j = 0; j < dim; j++) row[k * dim + j] = alpha * v[width * dim + k] * s * x[j];
        row[width * dim + k] = alpha * s * zv;
      }
      return row;
    });
  }
}

/**
 * The Gram matrix G = J·Jᵀ of a list of rows.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gram } from "./scaled_two_layer.ts";
 * assert.equal(gram([Float64Array.of(3, 4)]).get(0, 0), 25);
 * ```
 */
export function gram(rows: Float64Array[]): Matrix {
  const n = rows.length, g = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      const a = rows[i], b = rows[j];
      for (let k = 0; k < a.length; k++) s += a[k] * b[k];
      g.set(i, j, s);
      g.set(j, i, s);
    }
  }
  return g;
}

/**
 * Spectral norm of a matrix given by rows (N small): √λ_max(J·Jᵀ).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rowsSpectralNorm } from "./scaled_two_layer.ts";
 * assert.ok(Math.abs(rowsSpectralNorm([Float64Array.of(3, 4)]) - 5) < 1e-14);
 * ```
 */
export function rowsSpectralNorm(rows: Float64Array[]): number {
  return Math.sqrt(Math.max(symmetricEigen(gram(rows)).values[0], 0));
}

/** The pieces of κ_f(w₀) (10.42). */
export interface Kappa {
  /** ‖y − f(w₀)‖. */
  residualNorm: number;
  /** ‖D²f(w₀)‖ (operator norm). */
  hessianNorm: number;
  /** ‖Df(w₀)‖ (spectral norm). */
  jacobianNorm: number;
  /** κ_f(w₀) = ‖y − f(w₀)‖·‖D²f(w₀)‖/‖Df(w₀)‖². */
  kappa: number;
}

/**
 * κ_f(w₀) of (10.42)–(10.43) for a ReLU network, every norm computed exactly.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kappa, ScaledTwoLayer } from "./scaled_two_layer.ts";
 * import { relu } from "./activation.ts";
 * const net = new ScaledTwoLayer([Float64Array.of(1, 0.5)], 2, 1, relu);
 * assert.ok(kappa(net, [1, 0, 0, 1, 1, -1], [1]).kappa >= 0);
 * ```
 */
export function kappa(net: ScaledTwoLayer, w0: ArrayLike<number>, y: ArrayLike<number>): Kappa {
  const f = net.outputs(w0);
  let r = 0;
  for (let i = 0; i < f.length; i++) r += (y[i] - f[i]) ** 2;
  const residualNorm = Math.sqrt(r);
  const hessianNorm = net.hessianOperatorNorm(w0);
  const jacobianNorm = rowsSpectralNorm(net.jacobian(w0));
  return { residualNorm, hessianNorm, jacobianNorm, kappa: residualNorm * hessianNorm / jacobianNorm ** 2 };
}

/**
 * Rigorous bounds on κ_f(w₀) (10.42) for any twice-differentiable σ: ‖y − f(w₀)‖ and ‖Df(w₀)‖ computed,
 * ‖D²f(w₀)‖ bracketed by `hessianNormBounds`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kappaBounds, ScaledTwoLayer } from "./scaled_two_layer.ts";
 * import { tanh } from "./activation.ts";
 * const net = new ScaledTwoLayer([Float64Array.of(1, 0.5)], 2, 1, tanh);
 * const { lower, upper } = kappaBounds(net, [1, 0, 0, 1, 1, -1], [1]);
 * assert.ok(0 < lower && lower <= upper);
 * ```
 */
export function kappaBounds(
  net: ScaledTwoLayer,
  w0: ArrayLike<number>,
  y: ArrayLike<number>,
): { lower: number; upper: number } {
  const f = net.outputs(w0);
  let r = 0;
  for (let i = 0; i < f.length; i++) r += (y[i] - f[i]) ** 2;
  const scale = Math.sqrt(r) / rowsSpectralNorm(net.jacobian(w0)) ** 2;
  const { lower, upper } = net.hessianNormBounds(w0);
  return { lower: scale * lower, upper: scale * upper };
}

/**
 * A random initialisation with f(·, w₀) = 0 identically, as the text suggests under (10.43): the
 * second half of the neurons copies the first half's U with v negated. Entries: U ~ N(0, 1/d),
 * v ~ N(0, 1). Width must be even.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { antisymmetricInit } from "./scaled_two_layer.ts";
 * import { createRng } from "../numerics/random.ts";
 * const w = antisymmetricInit(createRng(1), 2, 4);
 * assert.ok(w.length === 12 && w[8] === -w[10]);
 * ```
 */
export function antisymmetricInit(rng: Rng, dim: number, width: number): Float64Array {
  if (width % 2 !== 0) throw new RangeError("width must be even");
  const w = new Float64Array(width * (dim + 1)), half = width / 2;
  for (let k = 0; k < half; k++) {
    for (let j = 0; j < dim; j++) {
      const u = rng.normal() / Math.sqrt(dim);
      w[k * dim + j] = u;
      w[(k + half) * dim + j] = u;
    }
    const v = rng.normal();
    w[width * dim + k] = v;
    w[width * dim + k + half] = -v;
  }
  return w;
}

/**
 * An iid initialisation U ~ N(0, 1/d), v ~ N(0, 1) (the "random initialization" of (10.47)).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { iidInit } from "./scaled_two_layer.ts";
 * import { createRng } from "../numerics/random.ts";
 * assert.equal(iidInit(createRng(1), 3, 5).length, 20);
 * ```
 */
export function iidInit(rng: Rng, dim: number, width: number): Float64Array {
  const w = new Float64Array(width * (dim + 1));
  for (let k = 0; k < width * dim; k++) w[k] = rng.normal() / Math.sqrt(dim);
  for (let k = 0; k < width; k++) w[width * dim + k] = rng.normal();
  return w;
}

/**
 * A standard bound on the rounding error of a computed dot-like sum of `terms` products with
 * absolute sum `absSum`: γ_n·absSum with γ_n = nε/(1 − nε) (Higham, Thm 3.1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sumErrorBound } from "./scaled_two_layer.ts";
 * assert.ok(sumErrorBound(10, 1) > 0);
 * ```
 */
export function sumErrorBound(terms: number, absSum: number): number {
  const u = EPS / 2, nu = terms * u;
  return nu / (1 - nu) * absSum;
}
