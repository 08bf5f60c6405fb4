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

/**
 * A forward pass of `TwoLayerTanh` at θ (a copy) on `data`: residuals rᵢ and tanh(uₖ·xᵢ) (row i, column k), and the
 * Hessian-vector product's θ-only factors once made (null until then).
 */
interface Forward {
  theta: Float64Array;
  data: RegressionData;
  r: Float64Array;
  t: Float64Array;
  curvature: { c: Float64Array; rs: Float64Array } | null;
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
    const last = this.#forward(theta, data), tanh = last.t;
    const { c, rs } = this.#curvature(last, h, d, s, theta);
    out.fill(0);
    // Hot loop: n·h·d (Lanczos makes ~21 of these per measurement, at one θ). The factors that depend on θ alone
    // are precomputed once per θ by #curvature, as the same products in the same order as the plain form
    // (d1 = 1 − tₖ², d2 = −2tₖd1; (s·tₖ·g + rᵢ·s·d1·zd)/n and (s·vₖ·d1·g + rᵢ·s·(δvₖ·d1 + vₖ·d2·zd))/n, left to right).
    if (this.#dz.length !== h) this.#dz = new Float64Array(h);
    const dz = this.#dz, x = data.x;
    for (let i = 0; i < n; i++) {
      let gDotDelta = 0;
      for (let k = 0; k < h; k++) {
        let zd = 0;
        for (let j = 0; j < d; j++) zd += delta[k * d + j] * x[i * d + j];
        dz[k] = zd;
        gDotDelta += s * (tanh[i * h + k] * delta[h * d + k] + c[(i * h + k) * 6 + 1] * zd);
      }
      const rsi = rs[i];
      for (let k = 0; k < h; k++) {
        const b = (i * h + k) * 6;
        // Gauss–Newton part ∇f(∇f·δ) plus residual part r·∇²f·δ.
        out[h * d + k] += (c[b + 2] * gDotDelta + c[b + 3] * dz[k]) / n;
        const cu = (c[b + 4] * gDotDelta + rsi * (delta[h * d + k] * c[b] + c[b + 5] * dz[k])) / n;
        for (let j = 0; j < d; j++) out[k * d + j] += cu * x[i * d + j];
      }
    }
  }

  /** Scratch row for `hessianVector`. */
  #dz = new Float64Array(0);

  /**
   * The θ-only factors of `hessianVector` at the last forward pass, made once per θ: per (i, k), in this order,
   * d1 = 1 − tₖ², vₖ·d1, s·tₖ, rᵢ·s·d1, s·vₖ·d1, vₖ·d2 with d2 = −2·tₖ·d1 (each evaluated left to right, as in the
   * plain expressions), and rᵢ·s per i.
   */
  #curvature(
    last: Forward,
    h: number,
    d: number,
    s: number,
    theta: Float64Array,
  ): { c: Float64Array; rs: Float64Array } {
    if (last.curvature) return last.curvature;
    const n = last.r.length, r = last.r, t = last.t;
    const kept = this.#curvatureBuffers;
    const c = kept && kept.c.length === n * h * 6 ? kept.c : new Float64Array(n * h * 6);
    const rs = kept && kept.rs.length === n ? kept.rs : new Float64Array(n);
    for (let i = 0; i < n; i++) {
      rs[i] = r[i] * s;
      for (let k = 0; k < h; k++) {
        const tk = t[i * h + k], d1 = 1 - tk * tk, d2 = -2 * tk * d1, vk = theta[h * d + k], b = (i * h + k) * 6;
        c[b] = d1;
        c[b + 1] = vk * d1;
        c[b + 2] = s * tk;
        c[b + 3] = r[i] * s * d1;
        c[b + 4] = s * vk * d1;
        c[b + 5] = vk * d2;
      }
    }
    this.#curvatureBuffers = { c, rs };
    last.curvature = this.#curvatureBuffers;
    return last.curvature;
  }

  /** Storage of #curvature, reused from one θ to the next. */
  #curvatureBuffers: { c: Float64Array; rs: Float64Array } | null = null;

  /** The last forward pass (see `Forward`). */
  #last: Forward | null = null;

  /**
   * Residuals and hidden activations at θ, recomputed only when θ or the data changed (a Lanczos run makes
   * many Hessian-vector products at one θ). The same operations in the same order as `residuals`. The arrays are
   * reused from one θ to the next (GD calls this once per step): what it returns is valid until the next call.
   */
  #forward(theta: Float64Array, data: RegressionData): Forward {
    const last = this.#last;
    if (last && last.data === data && last.theta.length === theta.length) {
      const kept = last.theta;
      let same = true;
      for (let q = 0; q < kept.length; q++) {
        if (!Object.is(kept[q], theta[q])) {
          same = false;
          break;
        }
      }
      if (same) return last;
    }
    const { h, d } = this, n = data.y.length, s = 1 / Math.sqrt(h), x = data.x, y = data.y;
    const reuse = last !== null && last.r.length === n && last.t.length === n * h &&
      last.theta.length === theta.length;
    const r = reuse ? last.r : new Float64Array(n), t = reuse ? last.t : new Float64Array(n * h);
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let k = 0; k < h; k++) {
        let z = 0;
        for (let j = 0; j < d; j++) z += theta[k * d + j] * x[i * d + j];
        const tz = Math.tanh(z);
        t[i * h + k] = tz;
        f += theta[h * d + k] * tz;
      }
      r[i] = s * f - y[i];
    }
    if (reuse) {
      last.theta.set(theta);
      last.data = data;
      last.curvature = null;
      return last;
    }
    this.#last = { theta: Float64Array.from(theta), data, r, t, curvature: null };
    return this.#last;
  }
}
