/**
 * The gradient flow θ̇ = −∇_θR_S(θ) of the PDE fit (`PdeNetwork`) from one θ⁰ against the linear rate
 * R_S(θ(t)) ≤ exp(−c·Nλ_S t/n)R_S(θ⁰) of Luo and Yang's theorem (Lecture 13, 002), checked along the whole
 * half-line t ≥ 0: observed on a grid of the horizon, and bounded between the grid points and beyond it by the
 * argument of the theorem's proof (the Gram matrix K̂^(a) stays well conditioned near the trajectory).
 *
 * @module
 */
import { featureLipschitz, PdeNetwork } from "./pde_network.ts";
import { symmetricEigen } from "../numerics/linalg.ts";
import { integrate } from "../numerics/ode.ts";

/** What one flow shows about the rate. */
export interface PdeRateRun {
  /** ρ(t) = R_S(θ(t))/(e^{−cNλ_S t/n}R_S(θ⁰)) at every accepted step of the integrator (ρ(0) = 1 first). */
  ratios: number[];
  /** The step times in units of n/(Nλ_S) (τ = Nλ_S t/n), 0 first, the horizon last. */
  taus: number[];
  /** max over the grid of ρ (a lower bound on sup_t ρ). */
  observedMax: number;
  /** An upper bound on sup_{t ≥ 0} ρ(t) (Infinity when the tail argument does not close). */
  supBound: number;
  /** Smallest lower bound on λ_min(K̂^(a)) near the trajectory (over the grid intervals and the tail ball), over λ_S. */
  muMin: number;
  /** λ_min(K̂^(a)(θ⁰))/λ_S. */
  lambdaMin0: number;
  /** Accepted integrator steps. */
  steps: number;
}

/** The integration budget on ρ: a ratio above 1 + this at a grid time is a violation (local tolerance 10⁻¹⁰). */
export const RATIO_BUDGET = 1e-6;

/**
 * Integrates the flow in τ = Nλ_S t/n (state θ − θ⁰, so the tolerance is relative to the movement) to τ = `horizon`
 * (default 4), with ρ at every accepted step of the adaptive integrator (the grid). Between grid times τⱼ < τⱼ₊₁ the flow moves θ by at most
 * Dⱼ = √(Δtⱼ(R_S(θⱼ) − R_S(θⱼ₊₁))) (Cauchy–Schwarz on ∫‖θ̇‖ with ∫‖θ̇‖² = −ΔR_S); each φ(·; xᵢ) is
 * (‖wₖ‖ + Dⱼ)²Gᵢ-Lipschitz on that ball (`featureLipschitz`), so ‖ΔΦ‖_F ≤ Eⱼ = ‖G‖₂·max_k(‖wₖ‖ + Dⱼ)²·Dⱼ and
 * λ_min(K̂^(a)) ≥ μⱼ := λ_min(K̂^(a)(θⱼ)) − (2√(Nλ_max(K̂^(a)(θⱼ)))Eⱼ + Eⱼ²)/N (Weyl, K̂^(a) = ΦΦᵀ/N). With
 * dR_S/dt ≤ −(N/n²)eᵀK̂^(a)e ≤ −(2Nμⱼ/n)R_S (the slide's (2)), ρ(t) ≤ ρ(τⱼ)exp(max(0, c − 2μⱼ⁺/λ_S)Δτ) there. Beyond
 * the horizon T: if λ_min(K̂^(a)) ≥ μ := cλ_S/2 on the ball of radius D_∞ = √(2nR_S(θ(T))/(Nμ)) around θ(T), the
 * flow never leaves it (while inside, ‖θ̇‖ ≤ −2(d/dt)√R_S/√(2Nμ/n), so it moves less than D_∞) and ρ(t) ≤ ρ(T)
 * for all t ≥ T. The bound is rigorous up to the integrator's tolerance and float64 rounding of the grid values.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pdeRateRun } from "./pde_rate_certificate.ts";
 * import { PdeNetwork } from "./pde_network.ts";
 * import { createRng } from "../numerics/random.ts";
 * const net = new PdeNetwork([{ x: [1], A: [[1]], b: [1], c: 1 }], [0.5], 400);
 * const theta0 = net.initialise(createRng(1), 1e-4);
 * // A rate far below the flow's is certified for all t ≥ 0; one far above it is violated.
 * const slow = pdeRateRun(net, theta0, 1e-3, 1);
 * assert.ok(slow.observedMax <= 1 && slow.supBound <= 1 && slow.ratios.length === slow.steps + 1);
 * const fast = pdeRateRun(net, theta0, 750 / 36, 1);
 * assert.ok(fast.observedMax > 1);
 * ```
 */
export function pdeRateRun(
  net: PdeNetwork,
  theta0: Float64Array,
  lambdaS: number,
  c: number,
  options: { horizon?: number; rtol?: number } = {},
): PdeRateRun {
  const n = net.samples.length, N = net.width;
  const tr = pdeTrajectory(net, theta0, lambdaS, options);
  const { taus, grid, G, scale } = tr, J = taus.length - 1;
  // λ_min(K̂^(a)) on the ball of radius D (in θ) around grid point j, from below.
  const muAround = (j: number, D: number) => {
    const { lmin, lmax, wmax } = grid[j];
    const E = G * (wmax + D) ** 2 * D;
    return lmin - (2 * Math.sqrt(N * Math.max(lmax, 0)) * E + E * E) / N;
  };
  const r0 = grid[0].risk;
  const ratios = grid.map((g, j) => g.risk / r0 * Math.exp(c * taus[j]));
  let supBound = 1, muMin = Infinity;
  for (let j = 0; j < J; j++) {
    const dtau = taus[j + 1] - taus[j];
    const D = Math.sqrt(scale * dtau * Math.max(0, grid[j].risk - grid[j + 1].risk));
    const mu = muAround(j, D);
    muMin = Math.min(muMin, mu / lambdaS);
    supBound = Math.max(supBound, ratios[j] * Math.exp(Math.max(0, c - 2 * Math.max(mu, 0) / lambdaS) * dtau));
  }
  const muTail = c * lambdaS / 2, rT = grid[J].risk;
  const tailMu = muAround(J, Math.sqrt(2 * n * rT / (N * muTail)));
  muMin = Math.min(muMin, tailMu / lambdaS);
  supBound = tailMu >= muTail ? Math.max(supBound, ratios[J]) : Infinity;
  return {
    ratios,
    taus,
    observedMax: Math.max(...ratios),
    supBound,
    muMin,
    lambdaMin0: grid[0].lmin / lambdaS,
    steps: tr.steps,
  };
}

/** What the certificate needs of one flow: per accepted step, R_S, λ_min and λ_max of K̂^(a), max‖wₖ‖. */
interface Trajectory {
  taus: number[];
  grid: { risk: number; lmin: number; lmax: number; wmax: number }[];
  /** ‖(G(xᵢ))ᵢ‖₂ (`featureLipschitz`). */
  G: number;
  /** t = scale·τ. */
  scale: number;
  steps: number;
}

/** Recent flows by content (a claim's printed and mutated checks integrate the same flows once). */
const FLOWS = new Map<string, Trajectory>();

/**
 * The flow from θ⁰ (rate-independent, so cached by the problem's content and θ⁰'s). Neurons inactive at every
 * sample at θ⁰ (wₖᵀxᵢ ≤ 0 for all i) have zero gradient (σ ∈ C² with σ(0) = σ′(0) = σ″(0) = 0) and never move
 * nor contribute: the flow is integrated on the others only, with K̂^(a) still normalised by N.
 */
function pdeTrajectory(
  net: PdeNetwork,
  theta0: Float64Array,
  lambdaS: number,
  options: { horizon?: number; rtol?: number },
): Trajectory {
  const horizon = options.horizon ?? 4, rtol = options.rtol ?? 1e-10;
  const key = JSON.stringify([net.samples, Array.from(net.ys), net.width, net.scale, lambdaS, horizon, rtol]) +
    fingerprint(theta0);
  const hit = FLOWS.get(key);
  if (hit) return hit;
  const n = net.samples.length, N = net.width, d = net.dim;
  const live: number[] = [];
  // Plain loops (the same sums in the same order as before): the closures per neuron showed in the profile.
  for (let k = 0; k < N; k++) {
    for (const s of net.samples) {
      let acc = 0;
      for (let j = 0; j < d; j++) acc = acc + s.x[j] * theta0[N + k * d + j];
      if (acc > 0) {
        live.push(k);
        break;
      }
    }
  }
  const L = live.length;
  const sub = new PdeNetwork(net.samples, net.ys, Math.max(L, 1), net.scale);
  const start = new Float64Array(sub.paramCount);
  live.forEach((k, m) => {
    start[m] = theta0[k];
    for (let j = 0; j < d; j++) start[L + m * d + j] = theta0[N + k * d + j];
  });
  const W = sub.paramCount, scale = n / (N * lambdaS); // t = scale·τ
  const theta = new Float64Array(W), out = new Float64Array(W);
  const taus = [0], states = [start];
  const sol = integrate(
    (_t, s) => {
      for (let q = 0; q < W; q++) theta[q] = start[q] + s[q];
      const g = sub.riskGradient(theta);
      for (let q = 0; q < W; q++) out[q] = -scale * g[q];
      return out;
    },
    0,
    new Float64Array(W),
    [horizon],
    {
      rtol,
      atol: 1e-16,
      onStep: (tau, s) => {
        taus.push(tau);
        const th = new Float64Array(W);
        for (let q = 0; q < W; q++) th[q] = start[q] + s[q];
        states.push(th);
      },
    },
  );
  const grid = states.map((th) => {
    // K̂^(a) over all N neurons: the inactive ones add 0.
    // The features once, for both K̂^(a) and R_S.
    const feat = sub.features(th);
    const eig = symmetricEigen(sub.gramA(th, feat).mul(sub.width / N)).values;
    let wmax = 0;
    for (let m = 0; m < L; m++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += th[L + m * d + j] ** 2;
      wmax = Math.max(wmax, Math.sqrt(s));
    }
    return { risk: sub.risk(th, feat), lmin: eig[n - 1], lmax: eig[0], wmax };
  });
  const G = Math.hypot(...net.samples.map((s) => featureLipschitz(s, net.scale)));
  const tr = { taus, grid, G, scale, steps: sol.steps };
  if (FLOWS.size >= 512) FLOWS.delete(FLOWS.keys().next().value!);
  FLOWS.set(key, tr);
  return tr;
}

/** Two independent 32-bit FNV-1a hashes of the bytes of θ⁰ and its length: a cache key, not a proof of identity. */
function fingerprint(theta: Float64Array): string {
  const words = new Uint32Array(theta.buffer, theta.byteOffset, theta.length * 2);
  let h1 = 0x811c9dc5, h2 = 0x01000193 ^ theta.length;
  for (let i = 0; i < words.length; i++) {
    h1 = Math.imul(h1 ^ words[i], 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ words[words.length - 1 - i], 0x01000193) >>> 0;
  }
  return `${theta.length}:${h1}:${h2}`;
}
