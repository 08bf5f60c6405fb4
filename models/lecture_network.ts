/**
 * The two-layer ReLU network of Lecture 13 (002): h(x; θ) = Σ_{k=1}^N a_k σ(w_kᵀx), θ = vec{a_k, w_k}
 * stored flat as (a₁..a_N, w₁..w_N) with each w_k ∈ ℝᵈ; initialisation a_k ~ N(0, γ²),
 * w_k ~ N(0, I_d); empirical risk R_S(θ) = (1/2n)‖e‖², e_i = h(x_i; θ) − f(x_i); the discrete
 * NTK matrices K̂^(a)(θ), K̂^(w)(θ) (with the lecture's 1/N) and their limits k^(a), k^(w).
 *
 * @module
 */
import { Matrix } from "../numerics/linalg.ts";
import type { Rng } from "../numerics/random.ts";

const relu = (z: number) => (z > 0 ? z : 0);
const step = (z: number) => (z > 0 ? 1 : 0);

/** The lecture's network on a fixed sample {(x_i, f(x_i))}_{i=1}^n. */
export class LectureNetwork {
  /** Samples x_i ∈ ℝᵈ. */
  readonly xs: Float64Array[];
  /** Targets f(x_i). */
  readonly ys: Float64Array;
  /** Width N. */
  readonly width: number;
  /** Input dimension d. */
  readonly dim: number;

  /**
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { LectureNetwork } from "./lecture_network.ts";
   * const net = new LectureNetwork([Float64Array.of(1, 0)], [1], 3);
   * assert.equal(net.paramCount, 9);
   * ```
   */
  constructor(xs: ArrayLike<number>[], ys: ArrayLike<number>, width: number) {
    this.xs = xs.map((x) => Float64Array.from(x));
    this.ys = Float64Array.from(ys);
    this.width = width;
    this.dim = this.xs[0].length;
  }

  /** Number of parameters W = N(d + 1). */
  get paramCount(): number {
    return this.width * (this.dim + 1);
  }

  /** Pre-activations w_kᵀx_i, row i (hot loop: n·N·d). */
  private preactivations(theta: ArrayLike<number>, xs: Float64Array[] = this.xs): Float64Array[] {
    const { width, dim } = this;
    return xs.map((x) => {
      const z = new Float64Array(width);
      for (let k = 0; k < width; k++) {
        let s = 0;
        const off = width + k * dim;
        for (let j = 0; j < dim; j++) s += theta[off + j] * x[j];
        z[k] = s;
      }
      return z;
    });
  }

  /**
   * min over k, i of |w_kᵀxᵢ|/(‖w_k‖‖xᵢ‖): how near θ is to a kink of ReLU at the sample (1 when every w_k is 0).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { LectureNetwork } from "./lecture_network.ts";
   * const net = new LectureNetwork([Float64Array.of(1, 0)], Float64Array.of(0), 1);
   * assert.equal(net.kinkDistance([1, 0, 1]), 0); // w₁ = (0, 1) ⟂ x₁
   * ```
   */
  kinkDistance(theta: ArrayLike<number>): number {
    const { width, dim } = this, pre = this.preactivations(theta);
    let smallest = 1;
    for (let k = 0; k < width; k++) {
      let wn = 0;
      for (let j = 0; j < dim; j++) wn += theta[width + k * dim + j] ** 2;
      if (wn === 0) continue;
      this.xs.forEach((x, i) => {
        const xn = x.reduce((s, t) => s + t * t, 0);
        smallest = Math.min(smallest, Math.abs(pre[i][k]) / Math.sqrt(wn * xn));
      });
    }
    return smallest;
  }

  /** h(X; θ) ∈ ℝⁿ (or at the points `xs`). */
  outputs(theta: ArrayLike<number>, xs: Float64Array[] = this.xs): Float64Array {
    return Float64Array.from(this.preactivations(theta, xs), (z) => {
      let s = 0;
      for (let k = 0; k < this.width; k++) s += theta[k] * relu(z[k]);
      return s;
    });
  }

  /** e = h(X; θ) − f(X). */
  errors(theta: ArrayLike<number>): Float64Array {
    const h = this.outputs(theta);
    return h.map((v, i) => v - this.ys[i]);
  }

  /** R_S(θ) = (1/2n)‖e‖². */
  risk(theta: ArrayLike<number>): number {
    const e = this.errors(theta);
    let s = 0;
    for (const v of e) s += v * v;
    return s / (2 * e.length);
  }

  /** ∇_θ h(x; θ) for each x (rows of the Jacobian, n × W). */
  jacobian(theta: ArrayLike<number>, xs: Float64Array[] = this.xs): Float64Array[] {
    const { width, dim } = this;
    return this.preactivations(theta, xs).map((z, i) => {
      const row = new Float64Array(this.paramCount), x = xs[i];
      for (let k = 0; k < width; k++) {
        row[k] = relu(z[k]);
        const g = theta[k] * step(z[k]);
        for (let j = 0; j < dim; j++) row[width + k * dim + j] = g * x[j];
      }
      return row;
    });
  }

  /**
   * ∇_θ R_S(θ): ∇_{a_k} = (1/n)Σᵢ eᵢσ(w_kᵀxᵢ), ∇_{w_k} = (1/n)Σᵢ eᵢa_kσ′(w_kᵀxᵢ)xᵢ (GD dynamics (1)); when
   * `errors` is given, e = h(X; θ) − f(X) is written into it as well (one pass over the pre-activations).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { LectureNetwork } from "./lecture_network.ts";
   * const net = new LectureNetwork([Float64Array.of(1, 0)], [1], 1);
   * const e = new Float64Array(1);
   * const g = net.riskGradient([2, 1, 0], e); // h = 2, e = 1, R_S = e²/2
   * assert.ok(e[0] === 1 && g[0] === 1 && g[1] === 2 && g[2] === 0);
   * ```
   */
  riskGradient(theta: ArrayLike<number>, errors?: Float64Array): Float64Array {
    const { width, dim } = this, pre = this.preactivations(theta), n = pre.length;
    const e = Float64Array.from(pre, (z, i) => {
      let s = 0;
      for (let k = 0; k < width; k++) s += theta[k] * relu(z[k]);
      return s - this.ys[i];
    });
    errors?.set(e);
    const g = new Float64Array(this.paramCount);
    // Hot path of every gradient flow: Jᵀe/n without forming the n × W Jacobian, summed in the same order
    // (row by row, g_q += (eᵢ/n)·J_iq with J_iq as in `jacobian`), so the result is the same to the bit.
    pre.forEach((z, i) => {
      const c = e[i] / n, x = this.xs[i];
      for (let k = 0; k < width; k++) {
        g[k] += c * relu(z[k]);
        const gk = theta[k] * step(z[k]), off = width + k * dim;
        for (let j = 0; j < dim; j++) g[off + j] += c * (gk * x[j]);
      }
    });
    return g;
  }

  /** K̂^(a)(θ)ᵢⱼ = (1/N)Σ_k σ(w_kᵀxᵢ)σ(w_kᵀxⱼ). */
  gramA(theta: ArrayLike<number>): Matrix {
    const z = this.preactivations(theta).map((r) => r.map(relu));
    return widthAveragedGram(z, this.width);
  }

  /** K̂^(w)(θ)ᵢⱼ = (1/N)Σ_k a_k²σ′(w_kᵀxᵢ)σ′(w_kᵀxⱼ)·xᵢᵀxⱼ. */
  gramW(theta: ArrayLike<number>): Matrix {
    const s = this.preactivations(theta).map((r) => r.map(step));
    const n = this.xs.length, g = widthAveragedGram(s, this.width, (k) => theta[k] * theta[k]);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let xx = 0;
        for (let q = 0; q < this.dim; q++) xx += this.xs[i][q] * this.xs[j][q];
        g.set(i, j, g.get(i, j) * xx);
      }
    }
    return g;
  }

  /** K̂(θ) = K̂^(a)(θ) + K̂^(w)(θ). */
  gram(theta: ArrayLike<number>): Matrix {
    return this.gramA(theta).add(this.gramW(theta));
  }

  /**
   * θ⁰ of the lecture's theorem: a_k ~ N(0, γ²), w_k ~ N(0, I_d).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { LectureNetwork } from "./lecture_network.ts";
   * import { createRng } from "../numerics/random.ts";
   * const net = new LectureNetwork([Float64Array.of(1, 0)], [1], 3);
   * assert.equal(net.initialise(createRng(1), 0.5).length, 9);
   * ```
   */
  initialise(rng: Rng, gamma: number): Float64Array {
    return lectureInitialisation(rng, this.width, this.paramCount, gamma);
  }
}

function angle(x: ArrayLike<number>, y: ArrayLike<number>): { nx: number; ny: number; theta: number; dot: number } {
  let dot = 0, nx = 0, ny = 0;
  for (let i = 0; i < x.length; i++) {
    dot += x[i] * y[i];
    nx += x[i] * x[i];
    ny += y[i] * y[i];
  }
  nx = Math.sqrt(nx);
  ny = Math.sqrt(ny);
  const c = Math.max(-1, Math.min(1, dot / (nx * ny)));
  return { nx, ny, theta: Math.acos(c), dot };
}

/**
 * k^(a)(x, x′) = E_{w∼N(0,I_d)} σ(wᵀx)σ(wᵀx′) for ReLU: ‖x‖‖x′‖(sin θ + (π − θ)cos θ)/(2π)
 * (the arc-cosine kernel of degree 1, Cho and Saul 2009; θ the angle between x and x′).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kernelA } from "./lecture_network.ts";
 * assert.ok(Math.abs(kernelA([1, 0], [1, 0]) - 0.5) < 1e-15); // E[relu(g)²] = 1/2
 * ```
 */
export function kernelA(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const { nx, ny, theta } = angle(x, y);
  if (nx === 0 || ny === 0) return 0;
  return nx * ny * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta)) / (2 * Math.PI);
}

/**
 * k^(w)(x, x′) = E_{(a,w)∼N(0,I_{d+1})} a²σ′(wᵀx)σ′(wᵀx′)xᵀx′ for ReLU: xᵀx′(π − θ)/(2π).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kernelW } from "./lecture_network.ts";
 * assert.ok(Math.abs(kernelW([1, 0], [1, 0]) - 0.5) < 1e-15);
 * ```
 */
export function kernelW(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const { nx, ny, theta, dot } = angle(x, y);
  if (nx === 0 || ny === 0) return 0;
  return dot * (Math.PI - theta) / (2 * Math.PI);
}

/**
 * The Gram matrix (k(xᵢ, xⱼ))ᵢⱼ of a kernel.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kernelA, kernelGram } from "./lecture_network.ts";
 * assert.equal(kernelGram(kernelA, [[1, 0], [0, 1]]).rows, 2);
 * ```
 */
export function kernelGram(k: (x: ArrayLike<number>, y: ArrayLike<number>) => number, xs: ArrayLike<number>[]): Matrix {
  const n = xs.length, g = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = k(xs[i], xs[j]);
      g.set(i, j, v);
      g.set(j, i, v);
    }
  }
  return g;
}

/**
 * K̂^(a)(θ⁰) for a fresh draw of w_k ~ N(0, I_d), k = 1..N, accumulated without storing θ (K̂^(a) does
 * not depend on a): the same matrix as `LectureNetwork.gramA` on a drawn θ⁰.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleGramA } from "./lecture_network.ts";
 * import { createRng } from "../numerics/random.ts";
 * assert.ok(sampleGramA(createRng(1), [Float64Array.of(1, 0)], 1000).get(0, 0) > 0);
 * ```
 */
export function sampleGramA(rng: Rng, xs: Float64Array[], width: number): Matrix {
  const n = xs.length, d = xs[0].length;
  const acc = new Float64Array(n * n), z = new Float64Array(n), w = new Float64Array(d);
  // Hot loop: N·(d normals + n·d + n²) operations.
  for (let k = 0; k < width; k++) {
    for (let j = 0; j < d; j++) w[j] = rng.normal();
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += w[j] * xs[i][j];
      z[i] = s > 0 ? s : 0;
    }
    for (let i = 0; i < n; i++) for (let l = i; l < n; l++) acc[i * n + l] += z[i] * z[l];
  }
  const g = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let l = i; l < n; l++) {
      g.set(i, l, acc[i * n + l] / width);
      g.set(l, i, acc[i * n + l] / width);
    }
  }
  return g;
}

/**
 * The lecture's C_d = E‖w‖₁⁴ for w ~ N(0, I_d), exactly: with mₖ = E|g|ᵏ (m₁ = √(2/π), m₂ = 1, m₃ = 2√(2/π),
 * m₄ = 3), E(Σᵢ|wᵢ|)⁴ = d·m₄ + 4d(d−1)m₃m₁ + 3d(d−1)m₂² + 6d(d−1)(d−2)m₂m₁² + d(d−1)(d−2)(d−3)m₁⁴.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gaussianL1FourthMoment } from "./lecture_network.ts";
 * assert.equal(gaussianL1FourthMoment(1), 3); // E g⁴
 * ```
 */
export function gaussianL1FourthMoment(d: number): number {
  const m1 = Math.sqrt(2 / Math.PI), m2 = 1, m3 = 2 * Math.sqrt(2 / Math.PI), m4 = 3;
  return d * m4 + 4 * d * (d - 1) * m3 * m1 + 3 * d * (d - 1) * m2 * m2 + 6 * d * (d - 1) * (d - 2) * m2 * m1 * m1 +
    d * (d - 1) * (d - 2) * (d - 3) * m1 ** 4;
}

/**
 * (1/N)Σₖ weight(k)·feat[i][k]·feat[j][k] for the rows feat[i] of N features: the lecture's Gram matrices K̂^(a)
 * (weight 1) and K̂^(w) (weight a_k², the feature then σ′(w_k·x) x) at width N.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { widthAveragedGram } from "./lecture_network.ts";
 * const g = widthAveragedGram([Float64Array.of(1, 2), Float64Array.of(3, 0)], 2, (k) => k + 1);
 * assert.deepEqual(g.to2DArray(), [[4.5, 1.5], [1.5, 4.5]]);
 * ```
 */
export function widthAveragedGram(feat: Float64Array[], width: number, weight?: (k: number) => number): Matrix {
  const n = feat.length, g = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      if (weight) { for (let k = 0; k < width; k++) s += weight(k) * feat[i][k] * feat[j][k]; }
      else for (let k = 0; k < width; k++) s += feat[i][k] * feat[j][k];
      g.set(i, j, s / width);
      g.set(j, i, s / width);
    }
  }
  return g;
}

/**
 * θ⁰ = (a, w) of the lecture's theorem, a_k ~ N(0, γ²) for the N output weights, then N(0, 1) for every other
 * parameter (w_k ~ N(0, I_d)).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lectureInitialisation } from "./lecture_network.ts";
 * import { createRng } from "../numerics/random.ts";
 * const [unit, scaled] = [1, 3].map((gamma) => lectureInitialisation(createRng(1), 2, 6, gamma));
 * assert.deepEqual([scaled[0], scaled[1]], [3 * unit[0], 3 * unit[1]]); // a ~ N(0, γ²)
 * assert.deepEqual(scaled.slice(2), unit.slice(2)); // w ~ N(0, I_d), whatever γ
 * ```
 */
export function lectureInitialisation(rng: Rng, width: number, paramCount: number, gamma: number): Float64Array {
  const theta = new Float64Array(paramCount);
  for (let k = 0; k < width; k++) theta[k] = gamma * rng.normal();
  for (let q = width; q < paramCount; q++) theta[q] = rng.normal();
  return theta;
}
