/**
 * Wide two-layer networks in the mean-field scaling of Chizat's slides (`003_…`, "Two-layer neural
 * networks"): particles wᵢ = (aᵢ, bᵢ, cᵢ) ∈ ℝ^{d+2}, φ(w, x) = c·σ(a·x + b) and
 * f_m(w, x) = (1/m)·Σᵢ φ(wᵢ, x), trained on the square loss F_m = (1/2n)·Σⱼ (f_m(xⱼ) − yⱼ)²
 * ("Parenthesis (I)": F(μ) = ½∫|f(μ, x) − f*(x)|² dρ with ρ the empirical measure of the inputs).
 *
 * @module
 */
import { type Activation, relu } from "./activation.ts";

/**
 * φ(w, x) = c·σ(a·x + b) for one particle w = (a, b, c), stored as `w[offset .. offset+d+2)`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { particleOutput } from "./mean_field.ts";
 * import { relu } from "./activation.ts";
 * // a = (1, 0), b = 0.5, c = 2 at x = (1, 3): 2·relu(1.5) = 3.
 * assert.equal(particleOutput([1, 0, 0.5, 2], 0, [1, 3], relu), 3);
 * ```
 */
export function particleOutput(
  w: ArrayLike<number>,
  offset: number,
  x: ArrayLike<number>,
  sigma: Activation = relu,
): number {
  const d = x.length;
  let z = w[offset + d];
  for (let k = 0; k < d; k++) z += w[offset + k] * x[k];
  return w[offset + d + 1] * sigma.f(z);
}

/** A data set of n inputs in ℝ^d (row-major) with targets. */
export interface Dataset {
  /** Input dimension d. */
  d: number;
  /** Number of points n. */
  n: number;
  /** Inputs, row-major n×d. */
  x: Float64Array;
  /** Targets. */
  y: Float64Array;
}

/**
 * A network of m particles in ℝ^{d+2} in the mean-field scaling f_m = (1/m)Σφ(wᵢ, ·).
 * Parameters are one Float64Array, particle i at [i(d+2), (i+1)(d+2)).
 */
export class MeanFieldNetwork {
  /** Number of particles m. */
  readonly m: number;
  /** Input dimension d. */
  readonly d: number;
  /** Activation σ. */
  readonly sigma: Activation;
  /** Output scale: 1/m in the mean-field scaling (the default), 1/√m in the NTK scaling of the slides' "Lazy Training". */
  readonly outputScale: number;

  /**
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { MeanFieldNetwork } from "./mean_field.ts";
   * const net = new MeanFieldNetwork(3, 2);
   * assert.equal(net.parameterCount, 12);
   * ```
   */
  constructor(m: number, d: number, sigma: Activation = relu, outputScale = 1 / m) {
    this.m = m;
    this.d = d;
    this.sigma = sigma;
    this.outputScale = outputScale;
  }

  /** m(d + 2). */
  get parameterCount(): number {
    return this.m * (this.d + 2);
  }

  /**
   * f_m(w, x) at every input of the data set.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { MeanFieldNetwork } from "./mean_field.ts";
   * const net = new MeanFieldNetwork(2, 1);
   * // particles (a, b, c) = (1, 0, 1) and (−1, 0, 1): f(x) = |x|/2.
   * const out = net.outputs([1, 0, 1, -1, 0, 1], { d: 1, n: 2, x: Float64Array.of(-2, 4), y: new Float64Array(2) });
   * assert.ok(out[0] === 1 && out[1] === 2);
   * ```
   */
  outputs(w: ArrayLike<number>, data: Dataset): Float64Array {
    return this.#forward(w, data);
  }

  /** The forward pass of `outputs`; with `preactivations`, also keeps z_ji = aᵢ·xⱼ + bᵢ at index j·m + i. */
  #forward(w: ArrayLike<number>, data: Dataset, preactivations?: Float64Array): Float64Array {
    const { m, d } = this, p = d + 2, out = new Float64Array(data.n);
    // Hot loop: m·n·d multiply-adds.
    for (let j = 0; j < data.n; j++) {
      let s = 0;
      const xo = j * d;
      for (let i = 0; i < m; i++) {
        const o = i * p;
        let z = w[o + d];
        for (let k = 0; k < d; k++) z += w[o + k] * data.x[xo + k];
        if (preactivations) preactivations[j * m + i] = z;
        s += w[o + d + 1] * this.sigma.f(z);
      }
      out[j] = s * this.outputScale;
    }
    return out;
  }

  /**
   * F_m(w) = (1/2n)·Σⱼ (f_m(xⱼ) − yⱼ)².
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { MeanFieldNetwork } from "./mean_field.ts";
   * const net = new MeanFieldNetwork(1, 1);
   * const data = { d: 1, n: 1, x: Float64Array.of(1), y: Float64Array.of(3) };
   * assert.equal(net.loss([1, 0, 1], data), 2); // ½(1 − 3)²
   * ```
   */
  loss(w: ArrayLike<number>, data: Dataset): number {
    const f = this.outputs(w, data);
    let s = 0;
    for (let j = 0; j < data.n; j++) s += (f[j] - data.y[j]) ** 2;
    return s / (2 * data.n);
  }

  /**
   * The mean-field velocity −m∇F_m(w) of the slides' gradient flow dw/dt = −m∇F_m(w): for particle i,
   * −(1/n)Σⱼ rⱼ∇_wφ(wᵢ, xⱼ) with rⱼ = f_m(xⱼ) − yⱼ (times m·outputScale, which is 1 in the mean-field
   * scaling). Writes into `out` and returns F_m(w).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { MeanFieldNetwork } from "./mean_field.ts";
   * const net = new MeanFieldNetwork(1, 1);
   * const data = { d: 1, n: 1, x: Float64Array.of(1), y: Float64Array.of(3) };
   * const v = new Float64Array(3);
   * net.velocity([1, 0, 1], data, v);
   * assert.equal(v[2], 2); // −r·σ(a·x + b) = 2·1
   * ```
   */
  velocity(w: ArrayLike<number>, data: Dataset, out: Float64Array): number {
    if (this.sigma === relu && this.d === 2 && data.d === 2) return this.#velocityRelu2(w, data, out);
    const { m, d, sigma } = this, p = d + 2, n = data.n, weight = (m * this.outputScale) / n;
    // Pre-activations z_ji = aᵢ·xⱼ + bᵢ, computed once (the forward pass needs them all before the residuals).
    if (this.#z.length !== n * m) this.#z = new Float64Array(n * m);
    // Residuals rⱼ = f_m(xⱼ) − yⱼ from the forward pass of `outputs`, so the two agree to the bit.
    const zs = this.#z, r = this.#forward(w, data, zs);
    let loss = 0;
    for (let j = 0; j < n; j++) {
      r[j] -= data.y[j];
      loss += r[j] * r[j];
    }
    // rⱼ·weight, the factor of every particle's j-th term, formed once per j.
    if (this.#rw.length !== n) this.#rw = new Float64Array(n);
    const rw = this.#rw;
    for (let j = 0; j < n; j++) rw[j] = r[j] * weight;
    // Per particle, the sums over the data run in registers (from 0, in the order of j).
    if (this.#acc.length !== d) this.#acc = new Float64Array(d);
    const acc = this.#acc;
    for (let i = 0; i < m; i++) {
      const o = i * p;
      const c = w[o + d + 1];
      acc.fill(0);
      let gb = 0, gc = 0;
      for (let j = 0; j < n; j++) {
        const xo = j * d, z = zs[j * m + i];
        const rj = rw[j];
        const g = rj * c * sigma.df(z);
        for (let k = 0; k < d; k++) acc[k] -= g * data.x[xo + k];
        gb -= g;
        gc -= rj * sigma.f(z);
      }
      for (let k = 0; k < d; k++) out[o + k] = acc[k];
      out[o + d] = gb;
      out[o + d + 1] = gc;
    }
    return loss / (2 * n);
  }

  /**
   * `velocity` for σ = ReLU and d = 2, hand-written: the mean-field claims' flows spend nearly all their time here
   * (chizat-mean-field, chizat-global-convergence). The same floating-point operations on the same operands in the same
   * order as the general path (each fⱼ sums its particles' terms in the order of i, each particle's gradient sums the
   * data in the order of j), so the results are identical to the bit; what changes is the loop order of the forward
   * pass (particles outer, so z is stored particle-major and read back contiguously), particles in pairs sharing the
   * loads of the data, ReLU and its step inlined, d = 2 unrolled and the sums in registers.
   */
  #velocityRelu2(w: ArrayLike<number>, data: Dataset, out: Float64Array): number {
    const m = this.m, n = data.n, x = data.x, y = data.y, weight = (m * this.outputScale) / n;
    if (this.#z.length !== n * m) this.#z = new Float64Array(n * m);
    if (this.#r.length !== n) this.#r = new Float64Array(n);
    const zs = this.#z, r = this.#r;
    r.fill(0);
    // Forward: z_ij = (bᵢ + a_i1·x_j1) + a_i2·x_j2 at i·n + j; fⱼ = Σᵢ cᵢ·relu(z_ij) summed in the order of i. Particles
    // in pairs (i, i + 1), sharing the loads of xⱼ: fⱼ gains the term of i, then that of i + 1.
    let i = 0;
    for (; i + 1 < m; i += 2) {
      const o = 4 * i, a0 = w[o], a1 = w[o + 1], b = w[o + 2], c = w[o + 3], zo = i * n;
      const e0 = w[o + 4], e1 = w[o + 5], f = w[o + 6], h = w[o + 7];
      for (let j = 0; j < n; j++) {
        const x0 = x[2 * j], x1 = x[2 * j + 1];
        let z = b, u = f;
        z += a0 * x0;
        z += a1 * x1;
        u += e0 * x0;
        u += e1 * x1;
        zs[zo + j] = z;
        zs[zo + n + j] = u;
        r[j] = (r[j] + c * (z > 0 ? z : 0)) + h * (u > 0 ? u : 0);
      }
    }
    if (i < m) {
      const o = 4 * i, a0 = w[o], a1 = w[o + 1], b = w[o + 2], c = w[o + 3], zo = i * n;
      for (let j = 0; j < n; j++) {
        let z = b;
        z += a0 * x[2 * j];
        z += a1 * x[2 * j + 1];
        zs[zo + j] = z;
        r[j] += c * (z > 0 ? z : 0);
      }
    }
    let loss = 0;
    for (let j = 0; j < n; j++) {
      r[j] = r[j] * this.outputScale - y[j];
      loss += r[j] * r[j];
    }
    // rⱼ·weight, the factor of every particle's j-th term, formed once per j.
    if (this.#rw.length !== n) this.#rw = new Float64Array(n);
    const rw = this.#rw;
    for (let j = 0; j < n; j++) rw[j] = r[j] * weight;
    // Backward, particles in pairs too: each particle's four sums run over j from 0, in registers.
    for (i = 0; i + 1 < m; i += 2) {
      const o = 4 * i, c = w[o + 3], c2 = w[o + 7], zo = i * n;
      let ga0 = 0, ga1 = 0, gb = 0, gc = 0, ha0 = 0, ha1 = 0, hb = 0, hc = 0;
      for (let j = 0; j < n; j++) {
        const z = zs[zo + j], u = zs[zo + n + j], rj = rw[j], x0 = x[2 * j], x1 = x[2 * j + 1];
        const g = rj * c * (z >= 0 ? 1 : 0), k = rj * c2 * (u >= 0 ? 1 : 0);
        ga0 -= g * x0;
        ga1 -= g * x1;
        gb -= g;
        gc -= rj * (z > 0 ? z : 0);
        ha0 -= k * x0;
        ha1 -= k * x1;
        hb -= k;
        hc -= rj * (u > 0 ? u : 0);
      }
      out[o] = ga0;
      out[o + 1] = ga1;
      out[o + 2] = gb;
      out[o + 3] = gc;
      out[o + 4] = ha0;
      out[o + 5] = ha1;
      out[o + 6] = hb;
      out[o + 7] = hc;
    }
    if (i < m) {
      const o = 4 * i, c = w[o + 3], zo = i * n;
      let ga0 = 0, ga1 = 0, gb = 0, gc = 0;
      for (let j = 0; j < n; j++) {
        const z = zs[zo + j], rj = rw[j];
        const g = rj * c * (z >= 0 ? 1 : 0);
        ga0 -= g * x[2 * j];
        ga1 -= g * x[2 * j + 1];
        gb -= g;
        gc -= rj * (z > 0 ? z : 0);
      }
      out[o] = ga0;
      out[o + 1] = ga1;
      out[o + 2] = gb;
      out[o + 3] = gc;
    }
    return loss / (2 * n);
  }

  /** Scratch for `velocity`'s residuals (n, the ReLU path). */
  #r = new Float64Array(0);
  /** Scratch for `velocity`'s rⱼ·weight (n). */
  #rw = new Float64Array(0);
  /** Scratch for `velocity`'s pre-activations (n·m). */
  #z = new Float64Array(0);
  /** Scratch for `velocity`'s sums over the data (d). */
  #acc = new Float64Array(0);
}

/** A training curve: F at the recorded times. */
export interface TrainingCurve {
  /** Times t (= step count × step). */
  times: number[];
  /** F_m at those times. */
  losses: number[];
  /** Final parameters. */
  w: Float64Array;
}

/**
 * Integrates the mean-field gradient flow dw/dt = −m∇F_m(w) with the classical fourth-order
 * Runge–Kutta scheme at fixed step h up to time T, recording F every `every` steps. (A fixed step
 * makes the time grid identical across widths m, so curves can be compared pointwise.)
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { MeanFieldNetwork, trainFlow } from "./mean_field.ts";
 * const net = new MeanFieldNetwork(1, 1);
 * const data = { d: 1, n: 1, x: Float64Array.of(1), y: Float64Array.of(3) };
 * const c = trainFlow(net, data, Float64Array.of(1, 0, 1), 0.01, 400, 100);
 * assert.ok(c.losses.at(-1)! < c.losses[0]);
 * ```
 */
export function trainFlow(
  net: MeanFieldNetwork,
  data: Dataset,
  w0: Float64Array,
  h: number,
  steps: number,
  every: number,
): TrainingCurve {
  const w = Float64Array.from(w0), k1 = new Float64Array(w0.length), work = new Rk4Work(w0.length);
  const times: number[] = [], losses: number[] = [];
  for (let s = 0; s <= steps; s++) {
    const f = net.velocity(w, data, k1);
    if (s % every === 0) {
      times.push(s * h);
      losses.push(f);
    }
    if (s === steps) break;
    rk4Step(net, data, w, h, k1, work);
    if (!Number.isFinite(w[0])) throw new Error(`mean-field flow diverged at step ${s}`);
  }
  return { times, losses, w };
}

/** Scratch of `rk4Step` for P parameters: the stages k₂, k₃, k₄ and the stage point. */
export class Rk4Work {
  /** Stage k₂. */
  readonly k2: Float64Array;
  /** Stage k₃. */
  readonly k3: Float64Array;
  /** Stage k₄. */
  readonly k4: Float64Array;
  /** The stage point w + c·h·kᵢ. */
  readonly tmp: Float64Array;

  /**
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { Rk4Work } from "./mean_field.ts";
   * assert.equal(new Rk4Work(6).k2.length, 6);
   * ```
   */
  constructor(P: number) {
    this.k2 = new Float64Array(P);
    this.k3 = new Float64Array(P);
    this.k4 = new Float64Array(P);
    this.tmp = new Float64Array(P);
  }
}

/**
 * One classical RK4 step of dw/dt = `net.velocity(w)` at step h, in place, given k1 = `net.velocity(w)` already
 * evaluated (so a caller that needs the velocity at w anyway, e.g. to record F or the dissipation, evaluates it once).
 * `trainFlow`'s step: the same operations in the same order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { MeanFieldNetwork, rk4Step, Rk4Work, trainFlow } from "./mean_field.ts";
 * const net = new MeanFieldNetwork(1, 1);
 * const data = { d: 1, n: 1, x: Float64Array.of(1), y: Float64Array.of(3) };
 * const w = Float64Array.of(1, 0, 1), k1 = new Float64Array(3);
 * net.velocity(w, data, k1);
 * rk4Step(net, data, w, 0.01, k1, new Rk4Work(3));
 * assert.deepEqual(w, trainFlow(net, data, Float64Array.of(1, 0, 1), 0.01, 1, 1).w);
 * ```
 */
export function rk4Step(
  net: MeanFieldNetwork,
  data: Dataset,
  w: Float64Array,
  h: number,
  k1: Float64Array,
  work: Rk4Work,
): void {
  const P = w.length, { k2, k3, k4, tmp } = work;
  for (let q = 0; q < P; q++) tmp[q] = w[q] + 0.5 * h * k1[q];
  net.velocity(tmp, data, k2);
  for (let q = 0; q < P; q++) tmp[q] = w[q] + 0.5 * h * k2[q];
  net.velocity(tmp, data, k3);
  for (let q = 0; q < P; q++) tmp[q] = w[q] + h * k3[q];
  net.velocity(tmp, data, k4);
  for (let q = 0; q < P; q++) w[q] += (h / 6) * (k1[q] + 2 * k2[q] + 2 * k3[q] + k4[q]);
}
