/**
 * A sparse-deconvolution objective on measures over the circle T = [0, 2π) (Chizat's slides, "Optimization on
 * Measures"), J(ν) = ½‖∫φ dν − b‖² + λν(T) with Fourier features φ(θ) = (1, cos θ, sin θ, …, cos Kθ, sin Kθ), built so
 * that its minimiser is a known sparse ν* = Σⱼ wⱼδ_{θⱼ}: with the trigonometric polynomial
 * η(θ) = 1 − c·Πⱼ(1 − cos(θ − θⱼ)) (≤ 1, = 1 exactly at the spikes) and q its coefficient vector, b = Aν* + λq gives
 * J′_{ν*}(θ) = ⟨φ(θ), Aν* − b⟩ + λ = λ(1 − η(θ)) ≥ 0 with equality on supp ν*: the optimality condition over 𝓜₊(T),
 * so J* = J(ν*) = ½λ²‖q‖² + λΣwⱼ. Measures are weights on a grid θᵢ = 2πi/N containing the spikes.
 *
 * @module
 */

/** The objective's data. */
export interface TorusLasso {
  /** Number of harmonics K (features 2K + 1). */
  K: number;
  /** Grid size N. */
  N: number;
  /** Features φ(θᵢ), row-major N × (2K + 1). */
  phi: Float64Array;
  b: Float64Array;
  lambda: number;
  /** Spike grid indices and weights of ν*. */
  spikes: number[];
  weights: number[];
  /** Certificate η at the grid points (from the product form, not from q). */
  eta: Float64Array;
  /** Coefficients q of η in the feature basis. */
  q: Float64Array;
  /** c in η = 1 − c·p. */
  c: number;
}

/** Coefficients (a₀, a₁, b₁, …, a_K, b_K) of Πⱼ(1 − cos(θ − θⱼ)), by multiplying complex exponential series. */
export function productCoefficients(thetas: number[]): Float64Array {
  const s = thetas.length;
  // Complex coefficients c_k, k = −s..s, stored at k + s.
  let re = new Float64Array(2 * s + 1), im = new Float64Array(2 * s + 1);
  re[s] = 1;
  for (const t of thetas) {
    // Factor 1 − e^{i(θ−t)}/2 − e^{−i(θ−t)}/2: coefficient of e^{±iθ} is −e^{∓it}/2.
    const nr = new Float64Array(2 * s + 1), ni = new Float64Array(2 * s + 1);
    for (let k = 0; k <= 2 * s; k++) {
      if (re[k] === 0 && im[k] === 0) continue;
      nr[k] += re[k];
      ni[k] += im[k];
      // times −e^{−it}/2 e^{iθ}: shift up by one.
      const ar = -Math.cos(t) / 2, ai = Math.sin(t) / 2;
      if (k + 1 <= 2 * s) {
        nr[k + 1] += re[k] * ar - im[k] * ai;
        ni[k + 1] += re[k] * ai + im[k] * ar;
      }
      // times −e^{it}/2 e^{−iθ}: shift down by one.
      const br = -Math.cos(t) / 2, bi = -Math.sin(t) / 2;
      if (k - 1 >= 0) {
        nr[k - 1] += re[k] * br - im[k] * bi;
        ni[k - 1] += re[k] * bi + im[k] * br;
      }
    }
    re = nr;
    im = ni;
  }
  const out = new Float64Array(2 * s + 1);
  out[0] = re[s];
  for (let k = 1; k <= s; k++) {
    out[2 * k - 1] = 2 * re[s + k]; // cos kθ
    out[2 * k] = -2 * im[s + k]; // sin kθ
  }
  return out;
}

/** φ(θ) = (1, cos θ, sin θ, …, cos Kθ, sin Kθ). */
export function features(theta: number, K: number): Float64Array {
  const f = new Float64Array(2 * K + 1);
  f[0] = 1;
  for (let k = 1; k <= K; k++) {
    f[2 * k - 1] = Math.cos(k * theta);
    f[2 * k] = Math.sin(k * theta);
  }
  return f;
}

/**
 * The objective with spikes at grid indices `spikes` (weights `weights`), λ and c.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { objective, torusLasso } from "./torus_lasso.ts";
 * const p = torusLasso(64, [0, 32], [1, 0.5], 0.2, 0.1);
 * const star = new Float64Array(64);
 * star[0] = 1;
 * star[32] = 0.5;
 * const jStar = 0.5 * 0.2 ** 2 * p.q.reduce((a, v) => a + v * v, 0) + 0.2 * 1.5;
 * assert.ok(Math.abs(objective(p, star) - jStar) < 1e-14);
 * ```
 */
export function torusLasso(N: number, spikes: number[], weights: number[], lambda: number, c: number): TorusLasso {
  const K = spikes.length, F = 2 * K + 1;
  const thetas = spikes.map((i) => (2 * Math.PI * i) / N);
  const pc = productCoefficients(thetas);
  const q = pc.map((v, k) => (k === 0 ? 1 : 0) - c * v);
  const phi = new Float64Array(N * F), eta = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const th = (2 * Math.PI * i) / N;
    phi.set(features(th, K), i * F);
    let p = 1;
    for (const t of thetas) p *= 1 - Math.cos(th - t);
    eta[i] = 1 - c * p;
  }
  const b = new Float64Array(F);
  spikes.forEach((i, j) => {
    for (let f = 0; f < F; f++) b[f] += weights[j] * phi[i * F + f];
  });
  for (let f = 0; f < F; f++) b[f] += lambda * q[f];
  return { K, N, phi, b, lambda, spikes, weights, eta, q, c };
}

/** ∫φ dν − b for grid weights ν. */
export function residual(p: TorusLasso, nu: ArrayLike<number>): Float64Array {
  const F = 2 * p.K + 1, r = Float64Array.from(p.b, (v) => -v);
  for (let i = 0; i < p.N; i++) {
    if (nu[i] === 0) continue;
    for (let f = 0; f < F; f++) r[f] += nu[i] * p.phi[i * F + f];
  }
  return r;
}

/** J(ν) = ½‖∫φ dν − b‖² + λν(T). */
export function objective(p: TorusLasso, nu: ArrayLike<number>): number {
  const r = residual(p, nu);
  let s = 0, mass = 0;
  for (const v of r) s += v * v;
  for (let i = 0; i < p.N; i++) mass += nu[i];
  return 0.5 * s + p.lambda * mass;
}

/**
 * J(ν) − J* without cancellation: λΣᵢ(1 − ηᵢ)νᵢ + ½‖A(ν − ν*)‖² (the first-order term at ν* plus the exact quadratic
 * remainder; both nonnegative).
 */
export function optimalityGap(p: TorusLasso, nu: ArrayLike<number>): number {
  const F = 2 * p.K + 1, diff = new Float64Array(F);
  let first = 0;
  for (let i = 0; i < p.N; i++) {
    first += (1 - p.eta[i]) * nu[i];
    for (let f = 0; f < F; f++) diff[f] += nu[i] * p.phi[i * F + f];
  }
  p.spikes.forEach((i, j) => {
    for (let f = 0; f < F; f++) diff[f] -= p.weights[j] * p.phi[i * F + f];
  });
  let s = 0;
  for (const v of diff) s += v * v;
  return p.lambda * first + 0.5 * s;
}

/** J′_ν(θᵢ) = ⟨φ(θᵢ), ∫φ dν − b⟩ + λ at every grid point. */
export function firstVariation(p: TorusLasso, nu: ArrayLike<number>): Float64Array {
  const F = 2 * p.K + 1, r = residual(p, nu), out = new Float64Array(p.N);
  for (let i = 0; i < p.N; i++) {
    let s = p.lambda;
    for (let f = 0; f < F; f++) s += p.phi[i * F + f] * r[f];
    out[i] = s;
  }
  return out;
}

/** The generalised relative entropy H(ν, μ) = Σ νᵢlog(νᵢ/μᵢ) − νᵢ + μᵢ (0·log 0 = 0). */
export function relativeEntropy(nu: ArrayLike<number>, mu: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < nu.length; i++) h += (nu[i] > 0 ? nu[i] * Math.log(nu[i] / mu[i]) : 0) - nu[i] + mu[i];
  return h;
}
