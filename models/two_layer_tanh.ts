/**
 * A small two-layer network f(x) = (1/√h)·Σₖ vₖ·tanh(uₖ·x) with the square loss
 * L(θ) = (1/2n)·Σᵢ (f(xᵢ) − yᵢ)², and its gradient and Hessian-vector products in closed form (float64),
 * for the edge-of-stability experiments of Chapter 10 (`001_…`, §10.3).
 *
 * Parameters θ = (U, v) are one Float64Array: U row-major h×d first, then v (h entries).
 *
 * @module
 */

/** Inputs (row-major n×d) and targets. */
export interface RegressionData {
  /** Input dimension d. */
  d: number;
  /** Inputs, row-major. */
  x: Float64Array;
  /** Targets, length n. */
  y: Float64Array;
}

/** The two-layer tanh network of width h on inputs of dimension d. */
export class TwoLayerTanh {
  /** Hidden width h. */
  readonly h: number;
  /** Input dimension d. */
  readonly d: number;

  /**
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerTanh } from "./two_layer_tanh.ts";
   * assert.equal(new TwoLayerTanh(4, 3).parameterCount, 16);
   * ```
   */
  constructor(h: number, d: number) {
    this.h = h;
    this.d = d;
  }

  /** h·d + h. */
  get parameterCount(): number {
    return this.h * (this.d + 1);
  }

  /**
   * Residuals rᵢ = f(xᵢ) − yᵢ.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerTanh } from "./two_layer_tanh.ts";
   * const net = new TwoLayerTanh(1, 1);
   * // f(x) = tanh(0·x)·1 = 0, so r = −y.
   * assert.equal(net.residuals(Float64Array.of(0, 1), { d: 1, x: Float64Array.of(2), y: Float64Array.of(3) })[0], -3);
   * ```
   */
  residuals(theta: Float64Array, data: RegressionData): Float64Array {
    const { h, d } = this, n = data.y.length, s = 1 / Math.sqrt(h), r = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let k = 0; k < h; k++) {
        let z = 0;
        for (let j = 0; j < d; j++) z += theta[k * d + j] * data.x[i * d + j];
        f += theta[h * d + k] * Math.tanh(z);
      }
      r[i] = s * f - data.y[i];
    }
    return r;
  }

  /**
   * L(θ) = (1/2n)·Σ rᵢ².
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerTanh } from "./two_layer_tanh.ts";
   * const net = new TwoLayerTanh(1, 1);
   * assert.equal(net.loss(Float64Array.of(0, 1), { d: 1, x: Float64Array.of(2), y: Float64Array.of(3) }), 4.5);
   * ```
   */
  loss(theta: Float64Array, data: RegressionData): number {
    const r = this.residuals(theta, data);
    let s = 0;
    for (const v of r) s += v * v;
    return s / (2 * r.length);
  }

  /**
   * ∇L(θ) = (1/n)·Σᵢ rᵢ∇f(xᵢ), written into `out`; returns L(θ).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerTanh } from "./two_layer_tanh.ts";
   * const net = new TwoLayerTanh(1, 1), g = new Float64Array(2);
   * net.gradient(Float64Array.of(0, 1), { d: 1, x: Float64Array.of(2), y: Float64Array.of(3) }, g);
   * assert.ok(g[0] === -6 && g[1] === 0); // ∂/∂u = r·v·tanh′(0)·x = −3·2, ∂/∂v = r·tanh(0) = 0
   * ```
   */
  gradient(theta: Float64Array, data: RegressionData, out: Float64Array): number {
    const { h, d } = this, n = data.y.length, s = 1 / Math.sqrt(h);
    const { r, t } = this.#forward(theta, data);
    out.fill(0);
    let loss = 0;
    // Hot loop: n·h·d.
    for (let i = 0; i < n; i++) {
      loss += r[i] * r[i];
      const c = (r[i] * s) / n;
      for (let k = 0; k < h; k++) {
        const tk = t[i * h + k], vk = theta[h * d + k];
        out[h * d + k] += c * tk;
        const gu = c * vk * (1 - tk * tk);
        for (let j = 0; j < d; j++) out[k * d + j] += gu * data.x[i * d + j];
      }
    }
    return loss / (2 * n);
  }

  /**
   * The Hessian-vector product ∇²L(θ)·δ = (1/n)·Σᵢ [∇fᵢ(∇fᵢ·δ) + rᵢ∇²fᵢ·δ], in closed form with
   * tanh′ = 1 − tanh² and tanh″ = −2·tanh·(1 − tanh²). Written into `out`.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { TwoLayerTanh } from "./two_layer_tanh.ts";
   * const net = new TwoLayerTanh(1, 1), hv = new Float64Array(2);
   * // θ = (0, 1), x = 1, y = 0: f = 0, ∇f = (1, 0), so ∇²L·(1, 0) = (1, 0).
   * net.hessianVector(Float64Array.of(0, 1), { d: 1, x: Float64Array.of(1), y: Float64Array.of(0) }, Float64Array.of(1, 0), hv);
   * assert.ok(hv[0] === 1 && hv[1] === 0);
   * ```
   */
  hessianVector(theta: Float64Array, data: RegressionData, delta: Float64Array, out: Float64Array): void {
    const { h, d } = this, n = data.y.length, s = 1 / Math.sqrt(h);
    const { r, t: tanh } = this.#forward(theta, data);
    out.fill(0);
    const t = new Float64Array(h), dz = new Float64Array(h);
    // Hot loop: n·h·d.
    for (let i = 0; i < n; i++) {
      let gDotDelta = 0;
      for (let k = 0; k < h; k++) {
        let zd = 0;
        for (let j = 0; j < d; j++) zd += delta[k * d + j] * data.x[i * d + j];
        t[k] = tanh[i * h + k];
        dz[k] = zd;
        const d1 = 1 - t[k] * t[k];
        gDotDelta += s * (t[k] * delta[h * d + k] + theta[h * d + k] * d1 * zd);
      }
      for (let k = 0; k < h; k++) {
        const d1 = 1 - t[k] * t[k], d2 = -2 * t[k] * d1, vk = theta[h * d + k];
        // Gauss–Newton part ∇f(∇f·δ) plus residual part r·∇²f·δ.
        out[h * d + k] += (s * t[k] * gDotDelta + r[i] * s * d1 * dz[k]) / n;
        const cu = (s * vk * d1 * gDotDelta + r[i] * s * (delta[h * d + k] * d1 + vk * d2 * dz[k])) / n;
        for (let j = 0; j < d; j++) out[k * d + j] += cu * data.x[i * d + j];
      }
    }
  }

  /** The last forward pass: θ and data it was made at, residuals rᵢ and tanh(uₖ·xᵢ) (row i, column k). */
  #last: { theta: Float64Array; data: RegressionData; r: Float64Array; t: Float64Array } | null = null;

  /**
   * Residuals and hidden activations at θ, recomputed only when θ or the data changed (a Lanczos run makes
   * many Hessian-vector products at one θ). The same operations in the same order as `residuals`.
   */
  #forward(theta: Float64Array, data: RegressionData): { r: Float64Array; t: Float64Array } {
    const last = this.#last;
    if (
      last && last.data === data && last.theta.length === theta.length &&
      last.theta.every((v, q) => Object.is(v, theta[q]))
    ) {
      return last;
    }
    const { h, d } = this,
      n = data.y.length,
      s = 1 / Math.sqrt(h),
      r = new Float64Array(n),
      t = new Float64Array(n * h);
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let k = 0; k < h; k++) {
        let z = 0;
        for (let j = 0; j < d; j++) z += theta[k * d + j] * data.x[i * d + j];
        t[i * h + k] = Math.tanh(z);
        f += theta[h * d + k] * t[i * h + k];
      }
      r[i] = s * f - data.y[i];
    }
    this.#last = { theta: Float64Array.from(theta), data, r, t };
    return this.#last;
  }
}
