/**
 * `yang-dnn-evolution` (Lecture 13, slides "Gradient descent", "Gradient flow", "DNN evolution"), in the
 * slides' normalisation R_S = (1/N)Σᵢ(h(xᵢ; θ) − f(xᵢ))² over N samples, ∇_hR_S = (2/N)(h − f),
 * K̂ₜ = ∇_θh∇_θhᵀ (no 1/width). Checked step by step on a two-layer tanh network h(x; θ) = Σₖaₖtanh(wₖᵀx):
 * (a) the GD update's first form is gradient descent on R_S (against forward-mode automatic differentiation
 * of R_S); (b) its two printed forms agree; (c) ∇_θh ∂ₜθ = −K̂ₜ∇_hR_S at states of the flow; (d) along the
 * flow ∂ₜθ = −∇_θhᵀ∇_hR_S, the outputs move as ∂ₜh(𝒳; θ(t)) = −K̂ₜ∇_hR_S (in integral form, to the
 * integrator's budget).
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim, ConclusionCheck, InstanceContext } from "../../engine/claim.ts";
import { NamedChecks } from "../../engine/verdicts/worst_of_checks.ts";
import { distance, norm } from "../../numerics/compare.ts";
import { HyperDual } from "../../numerics/hyperdual.ts";
import { EPS, Matrix, symmetricEigen } from "../../numerics/linalg.ts";
import { integrate } from "../../numerics/ode.ts";

const SOURCE = "002_4e8ee8a272f9d000.txt";

/** N samples, targets, and the network's width and initial parameters θ = (a₁…a_m, w₁…w_m). */
export interface EvolutionInstance {
  xs: number[][];
  fs: number[];
  width: number;
  d: number;
  theta0: Float64Array;
  /** GD step τ for the update checks. */
  tau: number;
  /** Horizon in units of N/(2λ_max(K̂₀)). */
  horizon: number;
}

/** tanh on hyper-duals, built from exp. */
function tanhHd(z: HyperDual): HyperDual {
  if (z.a < 0) return tanhHd(z.scale(-1)).scale(-1);
  const e = z.scale(-2).exp(), one = HyperDual.constant(1);
  return one.sub(e).div(one.add(e));
}

/** h(xᵢ; θ) for every sample. */
function outputs(i: EvolutionInstance, theta: ArrayLike<number>): Float64Array {
  const m = i.width;
  return Float64Array.from(i.xs, (x) => {
    let h = 0;
    for (let k = 0; k < m; k++) {
      let z = 0;
      for (let j = 0; j < i.d; j++) z += theta[m + k * i.d + j] * x[j];
      h += theta[k] * Math.tanh(z);
    }
    return h;
  });
}

/** ∇_θh(𝒳; θ): row i is ∇_θh(xᵢ; θ) (∂/∂aₖ = tanh(wₖᵀxᵢ), ∂/∂w_kj = aₖ(1 − tanh²)x_ij). */
function jacobian(i: EvolutionInstance, theta: ArrayLike<number>): Float64Array[] {
  const m = i.width, W = m * (i.d + 1);
  return i.xs.map((x) => {
    const row = new Float64Array(W);
    for (let k = 0; k < m; k++) {
      let z = 0;
      for (let j = 0; j < i.d; j++) z += theta[m + k * i.d + j] * x[j];
      const t = Math.tanh(z);
      row[k] = t;
      for (let j = 0; j < i.d; j++) row[m + k * i.d + j] = theta[k] * (1 - t * t) * x[j];
    }
    return row;
  });
}

/** ∂R_S/∂θ_q by forward-mode differentiation of R_S = (1/N)Σ(h − f)² along e_q (hyper-dual ε₁ part). */
function riskGradientAd(i: EvolutionInstance, theta: ArrayLike<number>): Float64Array {
  const m = i.width, W = m * (i.d + 1), N = i.xs.length;
  return Float64Array.from({ length: W }, (_, q) => {
    const th = Array.from({ length: W }, (_, p) => new HyperDual(theta[p], p === q ? 1 : 0, 0, 0));
    let r = HyperDual.constant(0);
    i.xs.forEach((x, s) => {
      let h = HyperDual.constant(0);
      for (let k = 0; k < m; k++) {
        let z = HyperDual.constant(0);
        for (let j = 0; j < i.d; j++) z = z.add(th[m + k * i.d + j].scale(x[j]));
        h = h.add(th[k].mul(tanhHd(z)));
      }
      const e = h.sub(HyperDual.constant(i.fs[s]));
      r = r.add(e.mul(e));
    });
    return r.scale(1 / N).b;
  });
}

function generate({ rng, params = {} }: InstanceContext): EvolutionInstance {
  const drawnN = rng.int(2, 6), drawnWidth = rng.int(2, 10), drawnD = rng.int(1, 3);
  const N = params.samples ?? drawnN, width = params.width ?? drawnWidth, d = params.d ?? drawnD;
  const xs = Array.from({ length: N }, () => Array.from({ length: d }, () => rng.normal()));
  const fs = Array.from({ length: N }, () => rng.normal());
  const theta0 = Float64Array.from(
    { length: width * (d + 1) },
    (_, q) => rng.normal() / (q < width ? Math.sqrt(width) : 1),
  );
  const drawnTau = 10 ** rng.uniform(-3, -1);
  return { xs, fs, width, d, theta0, tau: params.tau ?? drawnTau, horizon: params.horizon ?? 1 };
}

/** Σ_q|J_iq| per sample and the like: the size of the summands, for rounding budgets. */
const absRowSum = (row: Float64Array) => row.reduce((acc, v) => acc + Math.abs(v), 0);

/**
 * The checks (a)–(d). `factor` is the constant c in ∂ₜh = −K̂·(c/N)(h − f) integrated along the flow (2 as
 * printed, from ∇_hR_S = (2/N)(h − f)), so that a wrong constant can be shown to be caught.
 */
function check(i: EvolutionInstance, factor: number): ConclusionCheck {
  const N = i.xs.length, m = i.width, W = m * (i.d + 1);
  const c = new NamedChecks();
  const j0 = jacobian(i, i.theta0), h0 = outputs(i, i.theta0);
  const e0 = h0.map((h, s) => h - i.fs[s]);
  const gradH = e0.map((e) => (2 / N) * e); // ∇_hR_S as printed
  // (a), (b): the update's two forms and the gradient of R_S, componentwise.
  const ad = riskGradientAd(i, i.theta0);
  for (let q = 0; q < W; q++) {
    let first = 0, second = 0, mag = 0;
    for (let s = 0; s < N; s++) first += (2 / N) * e0[s] * j0[s][q];
    for (let s = 0; s < N; s++) second += j0[s][q] * gradH[s];
    for (let s = 0; s < N; s++) mag += (2 / N) * Math.abs(e0[s]) * (Math.abs(j0[s][q]) + absRowSum(j0[s]) / W);
    const budget = 64 * (N + W + i.d + 16) * EPS * (mag + Math.abs(first));
    const up1 = i.theta0[q] - i.tau * first, up2 = i.theta0[q] - i.tau * second, upAd = i.theta0[q] - i.tau * ad[q];
    c.add(`(a) GD step vs θ − τ∇_θR_S (AD), q = ${q}`, Math.abs(up1 - upAd), i.tau * budget + 2 * EPS * Math.abs(up1));
    c.add(`(b) the two printed GD forms, q = ${q}`, Math.abs(up1 - up2), i.tau * budget + 2 * EPS * Math.abs(up1));
  }
  // (d): integrate θ′ = −Jᵀ∇_hR_S with p′ = −K̂·(c/N)e, p(0) = 0, and compare p(t) with h(𝒳; θ(t)) − h(𝒳; θ(0)).
  const k0 = new Matrix(j0.map((r) => j0.map((s) => r.reduce((acc, v, q) => acc + v * s[q], 0))));
  const lmax = Math.max(symmetricEigen(k0).values[0], 1e-12);
  const T = i.horizon * N / (2 * lmax);
  const times = [T / 4, T / 2, T];
  const sol = integrate(
    (_t, y) => {
      const theta = y.subarray(0, W);
      const jac = jacobian(i, theta), e = outputs(i, theta).map((h, s) => h - i.fs[s]);
      const out = new Float64Array(W + N);
      for (let q = 0; q < W; q++) {
        let g = 0;
        for (let s = 0; s < N; s++) g += jac[s][q] * (2 / N) * e[s];
        out[q] = -g;
      }
      for (let s = 0; s < N; s++) {
        let v = 0;
        for (let r = 0; r < N; r++) {
          let kk = 0;
          for (let q = 0; q < W; q++) kk += jac[s][q] * jac[r][q];
          v += kk * (factor / N) * e[r];
        }
        out[W + s] = -v;
      }
      return out;
    },
    0,
    Float64Array.from({ length: W + N }, (_, q) => (q < W ? i.theta0[q] : 0)),
    times,
  );
  const smax = Math.max(norm(i.theta0), ...sol.states.map((s) => norm(s.subarray(0, W))));
  sol.states.forEach((state, t) => {
    const theta = state.subarray(0, W), jac = jacobian(i, theta), h = outputs(i, theta);
    const e = h.map((v, s) => v - i.fs[s]);
    // (c) ∇_θh·∂ₜθ = −K̂∇_hR_S at θ(t): J(−Jᵀg) against −(JJᵀ)g.
    const g = e.map((v) => (2 / N) * v);
    const dtheta = Array.from({ length: W }, (_, q) => -jac.reduce((acc, row, s) => acc + row[q] * g[s], 0));
    let worstGap = 0, mag = 0;
    jac.forEach((row) => {
      const lhs = row.reduce((acc, v, q) => acc + v * dtheta[q], 0);
      const rhs = -jac.reduce((acc, r, u) => acc + row.reduce((a2, v, q) => a2 + v * r[q], 0) * g[u], 0);
      worstGap = Math.max(worstGap, Math.abs(lhs - rhs));
      mag = Math.max(mag, absRowSum(row) * jac.reduce((acc, r, u) => acc + absRowSum(r) * Math.abs(g[u]), 0));
    });
    c.add(`(c) ∇_θh∂ₜθ = −K̂∇_hR_S at t${t}`, worstGap, 64 * (W + N + 16) * EPS * mag);
    // (d) the integral form, within the integrator's budget: the local tolerances over the accepted steps,
    // mapped through ‖∇_θh‖ (as in yang-risk-flow), plus rounding of h.
    const jnorm = Math.sqrt(Math.max(
      symmetricEigen(new Matrix(jac.map((r) => jac.map((s) => r.reduce((acc, v, q) => acc + v * s[q], 0))))).values[0],
      0,
    ));
    const budget = (sol.steps + 1) * (sol.atol * Math.sqrt(W + N) + sol.rtol * smax) *
        (1 + jnorm * (1 + 2 * norm(e) / N)) + 100 * (W + N) * EPS * (norm(h0) + norm(h) + smax);
    const p = state.subarray(W, W + N);
    c.add(`(d) h(𝒳;θ(t)) − h(𝒳;θ(0)) = −∫K̂∇_hR_S at t${t}`, distance(h.map((v, s) => v - h0[s]), p), budget);
  });
  const hT = outputs(i, sol.states[2].subarray(0, W));
  const rT = hT.reduce((acc, v, s) => acc + (v - i.fs[s]) ** 2, 0) / N, r0 = e0.reduce((a, v) => a + v * v, 0) / N;
  return c.result(`R_S ${r0.toExponential(2)} → ${rT.toExponential(2)} over T = ${T.toExponential(2)}: `);
}

/**
 * `yang-dnn-evolution`: the GD update's two forms, the gradient flow and the DNN evolution
 * ∂ₜh(𝒳; θ(t)) = −K̂ₜ∇_hR_S. `factor` is the constant in ∇_hR_S = (factor/N)(h − f) used for the evolution
 * (2 as printed).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { dnnEvolution } from "./dnn_evolution.ts";
 * assert.equal(dnnEvolution().id, "yang-dnn-evolution");
 * ```
 */
export function dnnEvolution(factor = 2): Claim {
  return defineClaim<EvolutionInstance>({
    id: "yang-dnn-evolution",
    title: "GD, gradient flow and the DNN evolution with the tangent kernel",
    kind: "exact",
    source: { document: SOURCE, where: "Lecture 13, slides 'Gradient descent', 'Gradient flow', 'DNN evolution'" },
    statement: String
      .raw`$R_S(\theta) = \frac1N\sum_{i=1}^N(h(x_i;\theta) - f(x_i))^2$, $\nabla_{h(\mathcal X;\theta(t))}R_S := \frac2N(h(\mathcal X;\theta(t)) - f(\mathcal X))$.
Gradient descent: $\theta(t+1) = \theta(t) - \tau\frac2N\sum_{i=1}^N(h(x_i;\theta(t)) - f(x_i))\nabla_{\theta(t)}h(x_i;\theta) = \theta(t) - \tau\nabla_\theta h(\mathcal X;\theta(t))^\top\nabla_{h(\mathcal X;\theta(t))}R_S$.
Gradient flow: $\partial_t\theta(t) = -\nabla_\theta h(\mathcal X;\theta(t))^\top\nabla_{h(\mathcal X;\theta(t))}R_S$. DNN evolution:
$\partial_th(\mathcal X;\theta(t)) = \nabla_\theta h(\mathcal X;\theta(t))\partial_t\theta(t) = -\hat K_t(\mathcal X, \mathcal X)\nabla_{h(\mathcal X;\theta(t))}R_S$ with
$\hat K_t = \nabla_\theta h(\mathcal X;\theta(t))\nabla_\theta h(\mathcal X;\theta(t))^\top$.`,
    tightness: "worst gap over its budget across the steps (a)–(d) (rounding for (a)–(c), the integrator's for (d))",
    instances: { test: 12, report: 120 },
    generate,
    describe: (i) => `N = ${i.xs.length} samples, width ${i.width}, d = ${i.d}, τ = ${i.tau.toExponential(2)}`,
    hypotheses: [{
      statement: "$h(x;\\theta)$ differentiable in $\\theta$ (a two-layer tanh network)",
      certainty: "certified",
      method: "tanh is smooth; every parameter finite",
      check: (i) => ({ holds: i.theta0.every(Number.isFinite), value: `${i.theta0.length} parameters` }),
    }],
    conclusion: {
      failure: (c) =>
        `GD, gradient flow and the tangent-kernel evolution (a)–(d) must agree to their budgets; ${
          c.failure ?? c.detail
        }`,
      statement: String
        .raw`(a) $\theta - \tau\frac2N\sum_i(h_i - f_i)\nabla_\theta h_i = \theta - \tau\nabla_\theta R_S$ with $\nabla_\theta R_S$ by forward-mode
AD of $R_S$; (b) it equals $\theta - \tau\nabla_\theta h^\top\nabla_hR_S$; (c) $\nabla_\theta h\,\partial_t\theta = -\hat K_t\nabla_hR_S$ at $\theta(t)$,
$t \in \{T/4, T/2, T\}$ — all to float64 rounding; (d) along the integrated flow,
$h(\mathcal X;\theta(t)) - h(\mathcal X;\theta(0)) = -\int_0^t\hat K_s\nabla_hR_S\,ds$ (integrated with the flow) within the integrator's
budget, $T = N/(2\lambda_{\max}(\hat K_0))$.`,
      check: (i) => check(i, factor),
    },
    parameters: {
      samples: { type: "integer", min: 1, max: 12, help: "number of samples N (the slides' N)" },
      width: { type: "integer", min: 1, max: 30, help: "network width" },
      d: { type: "integer", min: 1, max: 4, help: "input dimension" },
      tau: { type: "number", min: 1e-4, max: 1, help: "GD step τ" },
      horizon: { type: "number", min: 0.1, max: 10, help: "horizon in units of N/(2λ_max(K̂₀))" },
    },
    unbreakable:
      "The slides state no hypothesis: (a)–(c) are the chain rule and algebra for any h differentiable in θ, and (d) holds along the flow wherever it exists; the lecture's ReLU network is differentiable off the kinks only, which is why a smooth network is used.",
    nearMiss: {
      mutant: "∂ₜh = −(1/N)K̂(h − f), the constant of ∇_hR_S off by 2 (as for R_S = (1/2N)Σ(h − f)²)",
      caughtBy: '`dnn_evolution_test.ts`, "yang-dnn-evolution catches the near miss ∂ₜh = −(1/N)K̂(h − f)"',
    },
    slips: [{
      where: "Lecture 13, slide after 'Optimization objective function' (definition of ∇_hR_S)",
      printed: "$\\frac2N(h(\\mathcal X;\\theta(t))\\,f(\\mathcal X))$ — the minus sign is missing (as extracted)",
      fix: "$\\frac2N(h(\\mathcal X;\\theta(t)) - f(\\mathcal X))$",
    }, {
      where: "Lecture 13, same slide and later slides",
      printed:
        "$N$ is the number of samples here ($R_S = \\frac1N\\sum_{i=1}^N$), but the width from 'Notations' on ($R_S = \\frac1{2n}\\sum_{i=1}^n$, $n$ samples); also $\\nabla_\\theta h(\\mathcal X;\\theta) := [\\nabla_{\\theta_i}h(x_i;\\theta)]$ with a stray index $i$ on $\\theta$",
      fix: "read $N$ as the sample count on these three slides, and $\\nabla_\\theta h(x_i;\\theta)$ as the rows",
    }],
  });
}
