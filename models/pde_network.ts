/**
 * The PDE least-squares problem of Lecture 13 (002, slide 'Optimization for PDE Solvers', Luo and Yang,
 * arXiv:2006.15733) for the two-layer ReLU³ network h(x; θ) = Σₖ aₖσ(wₖᵀx), σ(z) = max(z, 0)³/6, and the operator
 * 𝓛u = Σ_αβ A_αβ(x)u_{x_αx_β} + Σ_α b_α(x)u_{x_α} + c(x)u on samples xᵢ ∈ [0, 1]^d: only the coefficients' values
 * at the samples enter. 𝓛h(xᵢ; θ) = Σₖ aₖφ(wₖ; xᵢ) with the feature
 * φ(w; x) = wᵀA(x)w·σ″(wᵀx) + b(x)ᵀw·σ′(wᵀx) + c(x)σ(wᵀx) (3-homogeneous in w), the empirical risk
 * R_S(θ) = (1/2n)Σᵢ(𝓛h(xᵢ; θ) − f(xᵢ))², its gradient, the Gram matrix K̂^(a)(θ)ᵢⱼ = (1/N)Σₖφ(wₖ; xᵢ)φ(wₖ; xⱼ), its
 * limit K^(a)ᵢⱼ = E_{w∼N(0,I_d)} φ(w; xᵢ)φ(w; xⱼ) (d ≤ 2, by angular quadrature) and C_d = E‖w‖₁¹².
 *
 * @module
 */
import { Matrix } from "../numerics/linalg.ts";
import { integrate1d } from "../numerics/quadrature.ts";
import type { Rng } from "../numerics/random.ts";
import { lectureInitialisation, widthAveragedGram } from "./lecture_network.ts";

/** The operator's coefficients at one sample point: A(xᵢ) (symmetric d × d), b(xᵢ) ∈ ℝᵈ and c(xᵢ). */
export interface PointCoefficients {
  /** A(xᵢ), row-major d × d. */
  A: number[][];
  /** b(xᵢ). */
  b: number[];
  /** c(xᵢ). */
  c: number;
}

/**
 * σ(z) = RELU3_SCALE·max(z, 0)³ with RELU3_SCALE = 1/6 (σ″ = ReLU): the normalisation for which the theorem's
 * constants hold (|𝓛σ(wᵀx)| ≤ (1 + 1/2 + 1/6)M‖w‖₁³ ≤ 2M‖w‖₁³ on [0, 1]^d, the bound behind its 512 = 32·16);
 * every function here takes the scale as an argument, so the unnormalised max(z, 0)³ (scale 1) can be compared.
 */
export const RELU3_SCALE = 1 / 6;

/** A sample point with the operator's coefficients there. */
export interface PdeSample extends PointCoefficients {
  /** xᵢ ∈ [0, 1]^d. */
  x: number[];
}

/**
 * φ(w; x) = s·(wᵀA w·6z₊ + bᵀw·3z₊² + c·z₊³) with z = wᵀx (𝓛 applied to σ(wᵀx), σ = s·max(z, 0)³, s = `scale`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pdeFeature } from "./pde_network.ts";
 * // d = 1, A = b = c = 1, x = 1: φ(w) = (6 + 3 + 1)w³ for w > 0, 0 for w < 0.
 * const s = { x: [1], A: [[1]], b: [1], c: 1 };
 * assert.equal(pdeFeature(s, [2], 1), 80);
 * assert.ok(Math.abs(pdeFeature(s, [2]) - 80 / 6) < 1e-14);
 * assert.equal(pdeFeature(s, [-2]), 0);
 * ```
 */
export function pdeFeature(s: PdeSample, w: ArrayLike<number>, scale = RELU3_SCALE): number {
  const d = s.x.length;
  let z = 0;
  for (let j = 0; j < d; j++) z += w[j] * s.x[j];
  if (!(z > 0)) return 0;
  let q = 0, beta = 0;
  for (let a = 0; a < d; a++) {
    beta += s.b[a] * w[a];
    for (let b = 0; b < d; b++) q += w[a] * s.A[a][b] * w[b];
  }
  return scale * (6 * q * z + 3 * beta * z * z + s.c * z * z * z);
}

/** The PDE fit on fixed samples: θ = (a₁..a_N, w₁..w_N) flat, as `LectureNetwork`. */
export class PdeNetwork {
  /** The samples with the operator's coefficients. */
  readonly samples: PdeSample[];
  /** f(xᵢ). */
  readonly ys: Float64Array;
  /** Width N. */
  readonly width: number;
  /** d. */
  readonly dim: number;
  /** s in σ = s·max(z, 0)³. */
  readonly scale: number;
  private scratch = new Float64Array(0);

  /**
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { PdeNetwork } from "./pde_network.ts";
   * const net = new PdeNetwork([{ x: [1], A: [[1]], b: [0], c: 0 }], [1], 4);
   * assert.equal(net.paramCount, 8);
   * ```
   */
  constructor(samples: PdeSample[], ys: ArrayLike<number>, width: number, scale = RELU3_SCALE) {
    this.scale = scale;
    this.samples = samples;
    this.ys = Float64Array.from(ys);
    this.width = width;
    this.dim = samples[0].x.length;
  }

  /** N(d + 1). */
  get paramCount(): number {
    return this.width * (this.dim + 1);
  }

  /** Φᵢₖ = φ(wₖ; xᵢ), row i. */
  features(theta: ArrayLike<number>): Float64Array[] {
    const { width: N, dim: d, samples, scale: sc } = this, n = samples.length;
    // `pdeFeature` inlined, reading wₖ in place: the per-neuron arrays it needed were the flow's hottest
    // allocation (most of yang-pde-rate's CPU). Same operations in the same order, so the same values.
    const rows: Float64Array[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const s = samples[i], x = s.x, A = s.A, b = s.b, c = s.c, row = new Float64Array(N);
      for (let k = 0; k < N; k++) {
        const off = N + k * d;
        let z = 0;
        for (let j = 0; j < d; j++) z += theta[off + j] * x[j];
        if (!(z > 0)) continue;
        let q = 0, beta = 0;
        for (let a = 0; a < d; a++) {
          beta += b[a] * theta[off + a];
          for (let bb = 0; bb < d; bb++) q += theta[off + a] * A[a][bb] * theta[off + bb];
        }
        row[k] = sc * (6 * q * z + 3 * beta * z * z + c * z * z * z);
      }
      rows[i] = row;
    }
    return rows;
  }

  /** e = 𝓛h(X; θ) − f(X). */
  errors(theta: ArrayLike<number>, features: Float64Array[] = this.features(theta)): Float64Array {
    return Float64Array.from(features, (row, i) => {
      let s = 0;
      for (let k = 0; k < this.width; k++) s += theta[k] * row[k];
      return s - this.ys[i];
    });
  }

  /**
   * R_S(θ) = (1/2n)‖e‖²; `features` (this.features(θ), if the caller has them) saves computing them again.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { PdeNetwork } from "./pde_network.ts";
   * const net = new PdeNetwork([{ x: [1], A: [[0]], b: [0], c: 1 }], [0], 1, 1);
   * // 𝓛h = a·w³ = 8 at a = 1, w = 2, f = 0: R_S = 8²/2.
   * assert.equal(net.risk([1, 2]), 32);
   * assert.equal(net.risk([1, 2], net.features([1, 2])), 32);
   * ```
   */
  risk(theta: ArrayLike<number>, features?: Float64Array[]): number {
    const e = this.errors(theta, features);
    return e.reduce((acc, v) => acc + v * v, 0) / (2 * e.length);
  }

  /**
   * ∇_θR_S: ∇_{aₖ} = (1/n)Σᵢeᵢφ(wₖ; xᵢ), ∇_{wₖ} = (1/n)Σᵢeᵢaₖ∇_wφ(wₖ; xᵢ) with
   * ∇_wφ = s·(12z₊Aw + (6wᵀAw + 6bᵀw·z₊ + 3c·z₊²)x + 3z₊²b) (zero where z ≤ 0).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { PdeNetwork } from "./pde_network.ts";
   * const net = new PdeNetwork([{ x: [1], A: [[0]], b: [0], c: 1 }], [0], 1, 1);
   * // 𝓛h = a·w³ (only c = 1), f = 0, at a = 1, w = 2: e = 8, ∂_a = e·w³ = 64, ∂_w = e·a·3w² = 96.
   * const g = net.riskGradient([1, 2]);
   * assert.ok(g[0] === 64 && g[1] === 96);
   * ```
   */
  riskGradient(theta: ArrayLike<number>, errors?: Float64Array): Float64Array {
    const { width: N, dim: d, samples, scale: sc } = this, n = samples.length;
    const g = new Float64Array(this.paramCount);
    // Scratch buffers, reused across calls (the flow's hot path); every entry read below is written first.
    if (this.scratch.length !== 3 * n * N) this.scratch = new Float64Array(3 * n * N);
    const z = this.scratch.subarray(0, n * N), q = this.scratch.subarray(n * N, 2 * n * N);
    const beta = this.scratch.subarray(2 * n * N);
    const e = new Float64Array(n);
    // One pass for the features (kept for the gradient), then the gradient.
    for (let i = 0; i < n; i++) {
      const s = samples[i];
      let acc = 0;
      for (let k = 0; k < N; k++) {
        const off = N + k * d;
        let zz = 0;
        for (let j = 0; j < d; j++) zz += theta[off + j] * s.x[j];
        z[i * N + k] = zz;
        if (!(zz > 0)) continue;
        let qq = 0, bb = 0;
        for (let a = 0; a < d; a++) {
          bb += s.b[a] * theta[off + a];
          for (let b = 0; b < d; b++) qq += theta[off + a] * s.A[a][b] * theta[off + b];
        }
        q[i * N + k] = qq;
        beta[i * N + k] = bb;
        acc += theta[k] * sc * (6 * qq * zz + 3 * bb * zz * zz + s.c * zz * zz * zz);
      }
      e[i] = acc - this.ys[i];
    }
    errors?.set(e);
    for (let i = 0; i < n; i++) {
      const s = samples[i], ci = sc * e[i] / n;
      for (let k = 0; k < N; k++) {
        const zz = z[i * N + k];
        if (!(zz > 0)) continue;
        const qq = q[i * N + k], bb = beta[i * N + k], off = N + k * d, ak = theta[k];
        g[k] += ci * (6 * qq * zz + 3 * bb * zz * zz + s.c * zz * zz * zz);
        const cx = 6 * qq + 6 * bb * zz + 3 * s.c * zz * zz, f = ci * ak;
        for (let a = 0; a < d; a++) {
          let aw = 0;
          for (let b = 0; b < d; b++) aw += s.A[a][b] * theta[off + b];
          g[off + a] += f * (12 * zz * aw + cx * s.x[a] + 3 * zz * zz * s.b[a]);
        }
      }
    }
    return g;
  }

  /** K̂^(a)(θ)ᵢⱼ = (1/N)Σₖφ(wₖ; xᵢ)φ(wₖ; xⱼ). */
  gramA(theta: ArrayLike<number>, features: Float64Array[] = this.features(theta)): Matrix {
    return widthAveragedGram(features, this.width);
  }

  /** θ⁰: aₖ ~ N(0, γ²), wₖ ~ N(0, I_d). */
  initialise(rng: Rng, gamma: number): Float64Array {
    return lectureInitialisation(rng, this.width, this.paramCount, gamma);
  }
}

/**
 * A bound G(x) with ‖∇_wφ(w; x)‖₂ ≤ ‖w‖₂²·G(x) for every w (φ is C¹, σ = s·max(z, 0)³ being C²):
 * G = s·(18‖A‖_F‖x‖ + 9‖b‖‖x‖² + 3|c|‖x‖³) (from |wᵀx| ≤ ‖w‖‖x‖, |wᵀAw| ≤ ‖A‖‖w‖², |bᵀw| ≤ ‖b‖‖w‖).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { featureLipschitz } from "./pde_network.ts";
 * assert.equal(featureLipschitz({ x: [1], A: [[1]], b: [1], c: 1 }, 1), 30);
 * ```
 */
export function featureLipschitz(s: PdeSample, scale = RELU3_SCALE): number {
  const nx = Math.hypot(...s.x), na = Math.hypot(...s.A.flat()), nb = Math.hypot(...s.b);
  return scale * (18 * na * nx + 9 * nb * nx * nx + 3 * Math.abs(s.c) * nx ** 3);
}

/**
 * K^(a)ᵢⱼ = E_{w∼N(0,I_d)} φ(w; xᵢ)φ(w; xⱼ) (σ = `scale`·max(z, 0)³) for d ∈ {1, 2}: φ is 3-homogeneous, so with w = r·u it is
 * E[r⁶]·E_u[φ(u; xᵢ)φ(u; xⱼ)] (E r⁶ = d(d + 2)(d + 4), u uniform on the sphere): u = ±1 for d = 1, and for d = 2
 * an adaptive Gauss–Kronrod integral over the angle split at the kinks uᵀxᵢ = 0 (the integrand a trigonometric
 * polynomial on each piece). Returns the matrix and the quadrature's estimated absolute error.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pdeGram } from "./pde_network.ts";
 * // Only c, σ = max(z, 0)³: φ = (wᵀx)₊³, E(wᵀx)₊⁶ = (15/2)‖x‖⁶.
 * const { gram } = pdeGram([{ x: [0.6, 0.8], A: [[0, 0], [0, 0]], b: [0, 0], c: 1 }], 1);
 * assert.ok(Math.abs(gram.get(0, 0) - 7.5) < 1e-10);
 * ```
 */
export function pdeGram(input: PdeSample[], scale = RELU3_SCALE): { gram: Matrix; error: number } {
  // φ is linear in (A, b, c): the integrals are taken with each point's coefficients scaled to max 1 (the
  // quadrature's tolerance is absolute), then scaled back.
  const mags = input.map((s) =>
    scale * (Math.max(...s.A.flat().map(Math.abs), ...s.b.map(Math.abs), Math.abs(s.c)) || 1)
  );
  const samples = input.map((s, i) => ({
    x: s.x,
    A: s.A.map((r) => r.map((v) => scale * v / mags[i])),
    b: s.b.map((v) => scale * v / mags[i]),
    c: scale * s.c / mags[i],
  }));
  const n = samples.length, d = samples[0].x.length, g = new Matrix(n, n);
  const er6 = d * (d + 2) * (d + 4);
  let error = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let v: number;
      if (d === 1) {
        v = er6 * (pdeFeature(samples[i], [1], 1) * pdeFeature(samples[j], [1], 1) +
          pdeFeature(samples[i], [-1], 1) * pdeFeature(samples[j], [-1], 1)) /
          2;
      } else if (d === 2) {
        const breaks = [samples[i].x, samples[j].x].flatMap((x) => {
          const t = Math.atan2(x[1], x[0]);
          return [t + Math.PI / 2, t - Math.PI / 2].map((s) => ((s % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI));
        });
        const q = integrate1d(
          (t) => {
            const u = [Math.cos(t), Math.sin(t)];
            return pdeFeature(samples[i], u, 1) * pdeFeature(samples[j], u, 1);
          },
          0,
          2 * Math.PI,
          breaks,
          1e-13,
        );
        v = er6 * q.value / (2 * Math.PI);
        error = Math.max(error, mags[i] * mags[j] * er6 * q.error / (2 * Math.PI));
      } else {
        throw new RangeError(`pdeGram: d = ${d} (only d ≤ 2)`);
      }
      g.set(i, j, mags[i] * mags[j] * v);
      g.set(j, i, mags[i] * mags[j] * v);
    }
  }
  return { gram: g, error };
}

/**
 * C_d = E‖w‖₁¹² for w ~ N(0, I_d), exactly: Σ over k₁ + … + k_d = 12 of 12!/(k₁!…k_d!)·Π m_{kᵢ}, with
 * m_k = E|g|ᵏ = 2^{k/2}Γ((k + 1)/2)/√π (m_{2j} = (2j − 1)!!, m_{2j+1} = √(2/π)·2ʲj!).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gaussianL1TwelfthMoment } from "./pde_network.ts";
 * assert.equal(gaussianL1TwelfthMoment(1), 10395); // 11!!
 * ```
 */
export function gaussianL1TwelfthMoment(d: number): number {
  const m = Array.from({ length: 13 }, (_, k) => {
    if (k % 2 === 0) {
      let p = 1;
      for (let j = k - 1; j > 0; j -= 2) p *= j;
      return p;
    }
    let p = Math.sqrt(2 / Math.PI);
    for (let j = 1; j <= (k - 1) / 2; j++) p *= 2 * j;
    return p;
  });
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  // Coefficients of (Σ_k m_k t^k/k!)^d up to t¹², times 12!.
  const one = m.map((v, k) => v / fact(k));
  let poly = [1, ...new Array(12).fill(0)];
  for (let r = 0; r < d; r++) {
    const next = new Array(13).fill(0);
    for (let a = 0; a <= 12; a++) for (let b = 0; a + b <= 12; b++) next[a + b] += poly[a] * one[b];
    poly = next;
  }
  return poly[12] * fact(12);
}
