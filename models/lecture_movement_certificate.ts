/**
 * A certificate of how far the lecture's gradient flow (1) moves the parameters of the Lecture 13 (002,
 * arXiv:2106.06682) network from θ⁰ before t* (the exit from M(θ⁰), (3)), closed by the movement lemma's
 * own bootstrap: the bounds behind `yang-movement` and the t* = ∞ certificate behind `yang-linear-rate`.
 *
 * @module
 */
import type { LectureNetwork } from "./lecture_network.ts";
import { Matrix, symmetricEigen } from "../numerics/linalg.ts";
import { integrate } from "../numerics/ode.ts";

/** What the flow (1) from one θ⁰ shows about the movements of `yang-movement`. */
export interface MovementCertificate {
  /** Largest max_k |a_k(t) − a_k(0)| at the sampled times before t* (a lower bound on the supremum). */
  sampledA: number;
  /** Largest max_k ‖w_k(t) − w_k(0)‖_∞ at the sampled times before t* (a lower bound on the supremum). */
  sampledW: number;
  /** Upper bound on sup_{t<t*} max_k |a_k(t) − a_k(0)| (Infinity when the bootstrap does not close). */
  upperA: number;
  /** Upper bound on sup_{t<t*} max_k ‖w_k(t) − w_k(0)‖_∞ (Infinity when the bootstrap does not close). */
  upperW: number;
  /** Upper bound on sup_{t<t*} ‖K̂^(a)(θ(t)) − K̂^(a)(θ⁰)‖_F/λ_S: below 1/4 proves t* = ∞. */
  shiftBound: number;
  /** Largest ‖K̂^(a)(θ(t)) − K̂^(a)(θ⁰)‖_F/λ_S at the sampled times (t* passed when above 1/4). */
  sampledShift: number;
  /** max_k |a_k(0)|. */
  initA: number;
  /** max_k ‖w_k(0)‖_∞. */
  initW: number;
  /** R_S(θ(T))/R_S(θ⁰) at the horizon T. */
  riskRatio: number;
  /** Share of the bound on ∫₀^{t*}|eᵢ| that comes from the tail beyond T (largest over i). */
  tailShare: number;
  /** Accepted integrator steps. */
  steps: number;
  /** The sampled times (the last one is the horizon T). */
  times: number[];
  /** R_S(θ(t)) at the sampled times. */
  risks: number[];
  /** With `everyStep`: the end time of every accepted step (the sampled times among them; else empty). */
  stepTimes: number[];
  /** With `everyStep`: R_S(θ(t)) at those times (the movements were then sampled there too). */
  stepRisks: number[];
  /** λ_min(K̂^(a)(θ⁰)). */
  lambdaMin0: number;
}

/**
 * The flow (1) from θ⁰ to T = horizon·n/(Nλ_S), integrated (adaptive integrator) for the displacement θ(t) − θ⁰ (so
 * the tolerance is relative to the movement, not to θ) together with Eᵢ(t) = ∫₀ᵗ|eᵢ|, then closed by the lemma's own
 * bootstrap. For t < t*, θ(t) ∈ M(θ⁰), so λ_min(K̂^(a)(θ(t))) ≥ μ := λ_min(K̂^(a)(θ⁰)) − λ_S/4 (Weyl) and by (2)
 * R_S decays at least like e^{−2Nμt/n} after T: ∫_T^{t*}|eᵢ| ≤ ‖e(T)‖₂·n/(Nμ). With Ēᵢ = Eᵢ(T) + that tail and
 * ReLU 1-Lipschitz (σ(w_kᵀxᵢ) moves by at most ‖Δw_k‖_∞‖xᵢ‖₁), the flow's equations give, for every t < t*,
 * |Δa_k| ≤ (1/n)Σᵢ Ēᵢ(σ_ki(0) + ‖Δw_k‖_∞‖xᵢ‖₁) and ‖Δw_k‖_∞ ≤ (1/n)(|a_k(0)| + |Δa_k|)·maxⱼ Σᵢ Ēᵢ|x_ij|: a linear
 * bootstrap whose fixed point bounds the suprema (by continuity, when it exists). With `everyStep` the movements
 * and R_S are read at the end of every accepted step (the sampled times among them), at no extra field evaluation. The same bounds give
 * sup_{t<t*}‖ΔK̂^(a)‖_F; below λ_S/4 it proves t* = ∞. Rigorous up to the integrator's tolerance on Eᵢ(T), e(T).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { movementCertificate } from "./lecture_movement_certificate.ts";
 * import { LectureNetwork } from "./lecture_network.ts";
 * import { createRng } from "../numerics/random.ts";
 * const net = new LectureNetwork([Float64Array.of(1, 1), Float64Array.of(-1, -1)], [0.5, -0.2], 2000);
 * const c = movementCertificate(net, net.initialise(createRng(1), 1 / Math.sqrt(2000)), 1);
 * assert.ok(c.sampledA <= c.upperA && c.shiftBound < 0.25);
 * ```
 */
export function movementCertificate(
  net: LectureNetwork,
  theta0: Float64Array,
  lambdaS: number,
  options: { horizon?: number; samples?: number; times?: number[]; rtol?: number; everyStep?: boolean } = {},
): MovementCertificate {
  const n = net.xs.length, N = net.width, W = net.paramCount;
  const k0 = net.gramA(theta0), seen = new Float64Array(W);
  let sampledA = 0, sampledW = 0, sampledShift = 0, passed = false;
  // Reads one state (θ − θ⁰, E): the kernel shift, and the movements while t < t*; returns R_S(θ).
  const observe = (s: ArrayLike<number>, movements: boolean): number => {
    for (let q = 0; q < W; q++) seen[q] = theta0[q] + s[q];
    const shift = net.gramA(seen).sub(k0).norm("frobenius") / lambdaS;
    sampledShift = Math.max(sampledShift, shift);
    passed ||= shift > 0.25; // t ≥ t*: the lemma speaks of t < t* only
    if (movements && !passed) {
      for (let k = 0; k < N; k++) sampledA = Math.max(sampledA, Math.abs(s[k]));
      for (let q = N; q < W; q++) sampledW = Math.max(sampledW, Math.abs(s[q]));
    }
    return net.risk(seen);
  };
  const stepTimes: number[] = [], stepRisks: number[] = [];
  const horizon = options.horizon ?? 4, samples = options.times?.length ?? options.samples ?? 2;
  const T = horizon * n / (N * lambdaS);
  const times = options.times ?? Array.from({ length: samples }, (_, j) => (T * (j + 1)) / samples);
  const theta = new Float64Array(W), out = new Float64Array(W + n), e = new Float64Array(n);
  // State (θ − θ⁰, E₁..E_n): θ̇ = −∇R_S(θ) (1), Ėᵢ = |eᵢ|.
  const sol = integrate(
    (_t, s) => {
      for (let q = 0; q < W; q++) theta[q] = theta0[q] + s[q];
      const g = net.riskGradient(theta, e);
      for (let q = 0; q < W; q++) out[q] = -g[q];
      for (let i = 0; i < n; i++) out[W + i] = Math.abs(e[i]);
      return out;
    },
    0,
    new Float64Array(W + n),
    times,
    {
      rtol: options.rtol ?? 1e-4,
      atol: 1e-14,
      // Every accepted step ends at an output time or before it: the steps include the sampled times.
      onStep: options.everyStep
        ? (t, s) => {
          stepTimes.push(t);
          stepRisks.push(observe(s, true));
        }
        : undefined,
    },
  );
  const risks = sol.states.map((s) => observe(s, !options.everyStep));
  const last = sol.states[samples - 1];
  for (let q = 0; q < W; q++) theta[q] = theta0[q] + last[q];
  const eT = net.errors(theta);
  const lambdaMin0 = symmetricEigen(k0).values[n - 1], mu = lambdaMin0 - lambdaS / 4;
  const tail = mu > 0 ? Math.hypot(...eT) * n / (N * mu) : Infinity;
  const eBar = Array.from({ length: n }, (_, i) => last[W + i] + tail);
  const b = bootstrapMovement(net, theta0, lambdaS, eBar, Number.isFinite(tail));
  return {
    sampledA,
    sampledW,
    upperA: b.upperA,
    upperW: b.upperW,
    shiftBound: b.shiftBound,
    sampledShift,
    initA: b.initA,
    initW: b.initW,
    riskRatio: risks[samples - 1] / net.risk(theta0),
    tailShare: Math.max(...eBar.map((v) => tail / v)),
    steps: sol.steps,
    times,
    risks,
    stepTimes,
    stepRisks,
    lambdaMin0,
  };
}

/** The bootstrap's bounds (Infinity where it does not close) and the initial weights' maxima. */
export interface BootstrapBounds {
  /** Upper bound on sup_{t<t*} max_k |a_k(t) − a_k(0)|. */
  upperA: number;
  /** Upper bound on sup_{t<t*} max_k ‖w_k(t) − w_k(0)‖_∞. */
  upperW: number;
  /** Upper bound on sup_{t<t*} ‖K̂^(a)(θ(t)) − K̂^(a)(θ⁰)‖_F/λ_S. */
  shiftBound: number;
  /** max_k |a_k(0)|. */
  initA: number;
  /** max_k ‖w_k(0)‖_∞. */
  initW: number;
}

/**
 * The movement lemma's bootstrap from bounds Ēᵢ ≥ ∫₀^{t*}|eᵢ| (see `movementCertificate`); `finite` false when the
 * Ēᵢ are not bounds (then every bound is Infinity).
 */
function bootstrapMovement(
  net: LectureNetwork,
  theta0: Float64Array,
  lambdaS: number,
  eBar: number[],
  finite: boolean,
  z0: Float64Array = features(net, theta0),
): BootstrapBounds {
  const n = net.xs.length, N = net.width, d = net.dim;
  // Bootstrap constants: B = (1/n)Σᵢ Ēᵢ‖xᵢ‖₁, C = (1/n)maxⱼ Σᵢ Ēᵢ|x_ij|; A_k = (1/n)Σᵢ Ēᵢσ_ki(0).
  const l1 = net.xs.map((x) => x.reduce((acc, v) => acc + Math.abs(v), 0));
  const B = eBar.reduce((acc, v, i) => acc + v * l1[i], 0) / n;
  let C = 0;
  for (let j = 0; j < d; j++) C = Math.max(C, eBar.reduce((acc, v, i) => acc + v * Math.abs(net.xs[i][j]), 0) / n);
  const closes = finite && C * B < 1;
  let upperA = 0, upperW = 0, initA = 0, initW = 0;
  const dW = new Float64Array(N); // per-neuron bound on sup ‖Δw_k‖_∞
  for (let k = 0; k < N; k++) {
    let A = 0;
    for (let i = 0; i < n; i++) A += eBar[i] * z0[i * N + k];
    A /= n;
    dW[k] = C * (Math.abs(theta0[k]) + A) / (1 - C * B);
    upperA = Math.max(upperA, A + B * dW[k]);
    upperW = Math.max(upperW, dW[k]);
    initA = Math.max(initA, Math.abs(theta0[k]));
    for (let j = 0; j < d; j++) initW = Math.max(initW, Math.abs(theta0[N + k * d + j]));
  }
  // |Δ(σ_kiσ_kl)| ≤ σ_ki(0)D_kl + D_kiσ_kl(0) + D_kiD_kl with D_ki = sup|Δσ_ki| ≤ dW_k‖xᵢ‖₁.
  let shiftSq = 0;
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < n; l++) {
      let s = 0;
      const li = l1[i], ll = l1[l], oi = i * N, ol = l * N;
      for (let k = 0; k < N; k++) {
        const di = dW[k] * li, dl = dW[k] * ll;
        s += z0[oi + k] * dl + di * z0[ol + k] + di * dl;
      }
      shiftSq += (s / N) ** 2;
    }
  }
  return {
    upperA: closes ? upperA : Infinity,
    upperW: closes ? upperW : Infinity,
    shiftBound: closes ? Math.sqrt(shiftSq) / lambdaS : Infinity,
    initA,
    initW,
  };
}

/** σ(w_kᵀxᵢ) at θ, row i (entry i·N + k). */
function features(net: LectureNetwork, theta: Float64Array): Float64Array {
  const n = net.xs.length, N = net.width, d = net.dim, z = new Float64Array(n * N);
  for (let i = 0; i < n; i++) {
    const x = net.xs[i];
    for (let k = 0; k < N; k++) {
      let v = 0;
      for (let j = 0; j < d; j++) v += theta[N + k * d + j] * x[j];
      z[i * N + k] = v > 0 ? v : 0;
    }
  }
  return z;
}

/** What the a-priori certificate shows about one θ⁰: the bootstrap's bounds and λ_min(K̂^(a)(θ⁰)). */
export interface AprioriCertificate extends BootstrapBounds {
  /** λ_min(K̂^(a)(θ⁰)). */
  lambdaMin0: number;
}

/**
 * The movement certificate without integrating the flow: for t < t*, (2) and Weyl give
 * ‖e(t)‖ ≤ ‖e(0)‖e^{−Nμt/n} with μ = λ_min(K̂^(a)(θ⁰)) − λ_S/4, so Ēᵢ = ‖e(0)‖·n/(Nμ) bounds ∫₀^{t*}|eᵢ| and the
 * lemma's bootstrap (`movementCertificate`) closes on it. Rigorous up to floating-point rounding (O(N) sums of
 * positive terms, relative error below 10⁻¹⁰ here); costs one pass over the N neurons, no ODE. Looser than
 * `movementCertificate` (which integrates ∫₀^T|eᵢ|), by the factor ‖e(0)‖/(|eᵢ| scale) and λ/μ.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { aprioriMovementCertificate, movementCertificate } from "./lecture_movement_certificate.ts";
 * import { LectureNetwork } from "./lecture_network.ts";
 * import { createRng } from "../numerics/random.ts";
 * const net = new LectureNetwork([Float64Array.of(1, 1), Float64Array.of(-1, -1)], [0.5, -0.2], 2000);
 * const theta0 = net.initialise(createRng(1), 1 / Math.sqrt(2000));
 * const a = aprioriMovementCertificate(net, theta0, 1), c = movementCertificate(net, theta0, 1);
 * assert.ok(c.sampledA <= a.upperA && a.shiftBound < 0.25);
 * assert.equal(a.lambdaMin0, c.lambdaMin0);
 * ```
 */
export function aprioriMovementCertificate(
  net: LectureNetwork,
  theta0: Float64Array,
  lambdaS: number,
): AprioriCertificate {
  const n = net.xs.length, N = net.width, z0 = features(net, theta0);
  // K̂^(a)(θ⁰) and e(θ⁰) from the features, summed in the order of LectureNetwork.gramA and .errors.
  const k0 = new Matrix(n, n), e = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let l = i; l < n; l++) {
      let s = 0;
      for (let k = 0; k < N; k++) s += z0[i * N + k] * z0[l * N + k];
      k0.set(i, l, s / N);
      k0.set(l, i, s / N);
    }
    let h = 0;
    for (let k = 0; k < N; k++) h += theta0[k] * z0[i * N + k];
    e[i] = h - net.ys[i];
  }
  const lambdaMin0 = symmetricEigen(k0).values[n - 1], mu = lambdaMin0 - lambdaS / 4;
  const bound = mu > 0 ? Math.hypot(...e) * n / (N * mu) : Infinity;
  const eBar = Array.from({ length: n }, () => bound);
  return { ...bootstrapMovement(net, theta0, lambdaS, eBar, Number.isFinite(bound), z0), lambdaMin0 };
}
