/**
 * `chizat-projection` (Chizat's slides, "Parenthesis (II): homogeneity"): the 2-homogeneous projection
 * Π₂(μ) ∈ 𝓜₊(S^{p−1}) of μ ∈ 𝓟₂(ℝ^p), characterised by ∫φ dΠ₂(μ) = ∫‖w‖²φ(w/‖w‖)dμ(w) for all
 * φ ∈ C(S^{p−1}), and, for φ(w, x) positively 2-homogeneous in w, ∫φ(w, x)dμ(w) = ∫φ(θ, x)d[Π₂μ](θ) (what the
 * implicit-bias theorem uses on ν_t = Π₂(μ_t)). Checked (1) on discrete μ = Σpᵢδ_{wᵢ} (with particles sharing a
 * direction and particles at 0), Π₂μ built as Σ_directions (Σ pᵢ‖wᵢ‖²)δ_θ, for the ReLU particle
 * φ(w, x) = c·σ(a·x + b), to float64 rounding; and (2) on the Gaussian μ = N(0, s²I₂), whose projection is
 * 2s²·(uniform law on S¹), full support as the global-convergence slide says, against a Cartesian quadrature.
 *
 * @module
 */
import { defineClaim, namedChoice } from "../../engine/claim.ts";
import type { Claim, ConclusionCheck, InstanceContext } from "../../engine/claim.ts";
import { agreesWithQuadrature } from "../../engine/verdicts/quadrature_agreement.ts";
import { NamedChecks } from "../../engine/verdicts/worst_of_checks.ts";
import { type Activation, relu, softplus } from "../../models/activation.ts";
import { EPS } from "../../numerics/linalg.ts";
import { integrate1d } from "../../numerics/quadrature.ts";

const SOURCE = "003_ad774dfe7ed191b8.txt";

/** A discrete μ on ℝ^{d+2} (particles w = (a, b, c)) and inputs x, or a Gaussian μ = N(0, s²I₂) and a test function. */
export interface ProjectionInstance {
  mode: "discrete" | "gaussian";
  d: number;
  p: number[];
  w: number[][];
  xs: number[][];
  activation: Activation;
  /** Gaussian mode: s, and the test function φ(ψ) = α₀ + α₁cos(ψ − β₁) + α₂cos(2ψ − β₂) + α₃max(0, cos(ψ − β₃)). */
  s: number;
  alpha: number[];
  beta: number[];
}

function generate({ rng, index, params = {} }: InstanceContext): ProjectionInstance {
  const drawnMode = index % 5 === 4 ? 1 : 0;
  const mode = (params.mode ?? drawnMode) === 0 ? "discrete" : "gaussian";
  const drawnD = rng.int(1, 4);
  const d = params.d ?? drawnD;
  const groups = rng.int(1, 5);
  const w: number[][] = [], p: number[] = [];
  for (let g = 0; g < groups; g++) {
    const dir = Array.from({ length: d + 2 }, () => rng.normal());
    // Each direction carries 1–3 particles λ·dir (λ > 0), so that Π₂ merges them.
    const copies = rng.int(1, 3);
    for (let c = 0; c < copies; c++) {
      const lambda = 10 ** rng.uniform(-1, 1);
      w.push(dir.map((v) => lambda * v));
      p.push(rng.uniform(0.05, 1));
    }
  }
  if (rng.double() < 0.3) {
    w.push(new Array(d + 2).fill(0)); // a particle at 0: no mass in Π₂μ
    p.push(rng.uniform(0.05, 1));
  }
  const xs = Array.from({ length: 6 }, () => Array.from({ length: d }, () => rng.normal()));
  const act = (params.activation ?? 0) === 0 ? relu : softplus;
  const s = 10 ** rng.uniform(-0.5, 0.5);
  const alpha = [rng.uniform(0, 1), rng.normal(), rng.normal(), rng.uniform(0, 1)];
  const beta = [0, rng.uniform(0, 2 * Math.PI), rng.uniform(0, 2 * Math.PI), rng.uniform(0, 2 * Math.PI)];
  return { mode, d, p, w, xs, activation: act, s, alpha, beta };
}

const norm = (v: number[]) => Math.hypot(...v);

/**
 * Π₂μ for discrete μ: atoms at the directions θ = w/‖w‖, with mass Σ pᵢ‖wᵢ‖^e over the particles of that
 * direction (e = 2 as printed; a mutant may change it); particles at 0 carry none.
 */
export function projectDiscrete(p: number[], w: number[][], e = 2): { theta: number[][]; mass: number[] } {
  const theta: number[][] = [], mass: number[] = [];
  w.forEach((wi, i) => {
    const r = norm(wi);
    if (r === 0) return;
    const t = wi.map((v) => v / r);
    const j = theta.findIndex((u) => norm(u.map((v, k) => v - t[k])) <= 1e-12);
    if (j >= 0) mass[j] += p[i] * r ** e;
    else {
      theta.push(t);
      mass.push(p[i] * r ** e);
    }
  });
  return { theta, mass };
}

/** φ(w, x) = c·σ(a·x + b). */
function particle(w: number[], x: number[], sigma: Activation): number {
  const d = x.length;
  let z = w[d];
  for (let k = 0; k < d; k++) z += w[k] * x[k];
  return w[d + 1] * sigma.f(z);
}

function discreteCheck(i: ProjectionInstance, e: number, c: NamedChecks): void {
  const { theta, mass } = projectDiscrete(i.p, i.w, e);
  const P = i.d + 2, m = i.w.length;
  // Rounding: each term a product of ≲ 2P + 12 rounded factors (norm, normalisation, a·x + b, powers), m terms.
  const gamma = 1.01 * (2 * P + 12 + m) * EPS;
  // (1) The defining identity with test functions on S^{p−1}: φ(θ) = max(0, ⟨v, θ⟩)  and  ⟨v, θ⟩².
  const vs = i.xs.map((x) => [...x, 1, 0.5]);
  for (const [k, v] of vs.entries()) {
    const dot = (t: number[]) => t.reduce((a, x, j) => a + x * v[j], 0);
    // The dot product's rounding is relative to Σ|vⱼθⱼ|, not to |⟨v, θ⟩|: `size` bounds each term's magnitude so.
    const absDot = (t: number[]) => t.reduce((a, x, j) => a + Math.abs(x * v[j]), 0);
    const tests = [
      { name: "max(0,⟨v,θ⟩)", f: (t: number[]) => Math.max(0, dot(t)), size: absDot },
      { name: "⟨v,θ⟩²", f: (t: number[]) => dot(t) ** 2, size: (t: number[]) => absDot(t) ** 2 },
    ];
    for (const { name, f, size } of tests) {
      const onSphere = theta.reduce((acc, t, j) => acc + mass[j] * f(t), 0);
      let onSpace = 0, scale = 0;
      i.w.forEach((wi, q) => {
        const r = norm(wi);
        if (r === 0) return;
        const t = wi.map((x) => x / r);
        onSpace += i.p[q] * r * r * f(t);
        scale += i.p[q] * r * r * size(t);
      });
      c.add(`(1) ∫${name}dΠ₂μ = ∫‖w‖²${name}(w/‖w‖)dμ, v${k}`, Math.abs(onSphere - onSpace), 4 * gamma * scale);
    }
  }
  // (2) For the 2-homogeneous ReLU particle: ∫φ(w, x)dμ(w) = ∫φ(θ, x)dΠ₂μ(θ) at every input.
  for (const [k, x] of i.xs.entries()) {
    const lhs = i.w.reduce((acc, wi, q) => acc + i.p[q] * particle(wi, x, i.activation), 0);
    const rhs = theta.reduce((acc, t, j) => acc + mass[j] * particle(t, x, i.activation), 0);
    let scale = 0;
    i.w.forEach((wi, q) => {
      let z = Math.abs(wi[i.d]);
      for (let j = 0; j < i.d; j++) z += Math.abs(wi[j] * x[j]);
      scale += i.p[q] * Math.abs(wi[i.d + 1]) * (z + 1);
    });
    c.add(`(2) ∫φ(w,x)dμ = ∫φ(θ,x)dΠ₂μ, x${k}`, Math.abs(lhs - rhs), 4 * gamma * scale);
  }
}

/**
 * Gaussian μ = N(0, s²I₂): ∫‖w‖^e φ(w/‖w‖)dμ(w) by nested adaptive quadrature in Cartesian coordinates
 * against ∫φ d[2s²·uniform(S¹)] = 2s²(α₀ + α₃/π) (the cosine terms average to 0).
 */
function gaussianCheck(i: ProjectionInstance, e: number, c: NamedChecks): void {
  const { s, alpha, beta } = i;
  const phi = (psi: number) =>
    alpha[0] + alpha[1] * Math.cos(psi - beta[1]) + alpha[2] * Math.cos(2 * psi - beta[2]) +
    alpha[3] * Math.max(0, Math.cos(psi - beta[3]));
  const g = (u: number) => Math.exp(-u * u / (2 * s * s)) / (s * Math.sqrt(2 * Math.PI));
  const L = 12 * s;
  let innerError = 0;
  const outer = integrate1d(
    (x) => {
      // The kink of max(0, cos(ψ − β₃)) in y: x cos β₃ + y sin β₃ = 0.
      const kink = Math.abs(Math.sin(beta[3])) > 1e-12 ? [-x * Math.cos(beta[3]) / Math.sin(beta[3])] : [];
      const inner = integrate1d(
        (y) => {
          const r = Math.hypot(x, y);
          return r === 0 ? 0 : r ** e * phi(Math.atan2(y, x)) * g(y);
        },
        -L,
        L,
        [0, ...kink],
        1e-10,
      );
      innerError = Math.max(innerError, inner.error);
      return inner.value * g(x);
    },
    -L,
    L,
    [0],
    1e-10,
  );
  const quad = { value: outer.value, error: outer.error + 2 * L * innerError * g(0) };
  const closed = 2 * s * s * (alpha[0] + alpha[3] / Math.PI);
  const scale = 2 * s * s * (Math.abs(alpha[0]) + Math.abs(alpha[1]) + Math.abs(alpha[2]) + Math.abs(alpha[3]));
  const ag = agreesWithQuadrature(closed, quad, scale);
  c.add("∫‖w‖²φ(w/‖w‖)dN(0,s²I₂) = 2s²·mean of φ on S¹", ag.gap, ag.bound);
}

function check(i: ProjectionInstance, e: number): ConclusionCheck {
  const c = new NamedChecks();
  if (i.mode === "discrete") discreteCheck(i, e, c);
  else gaussianCheck(i, e, c);
  return c.result(
    i.mode === "discrete" ? `discrete μ, ${i.w.length} particles: ` : `N(0, s²I₂), s = ${i.s.toFixed(3)}: `,
  );
}

/**
 * `chizat-projection`. `exponent` is the power of ‖w‖ in the projection (2 as printed) so that a wrong one
 * can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { homogeneousProjection } from "./homogeneous_projection.ts";
 * assert.equal(homogeneousProjection().id, "chizat-projection");
 * ```
 */
export function homogeneousProjection(exponent = 2): Claim {
  return defineClaim<ProjectionInstance>({
    id: "chizat-projection",
    title: "The 2-homogeneous projection Π₂(μ) and integrals of 2-homogeneous features",
    kind: "exact",
    source: {
      document: SOURCE,
      where: "slides, 'Parenthesis (II): homogeneity' and 'Global convergence (C. & Bach 2018)'",
    },
    statement: String
      .raw`$\phi(w, x)$ is positively 2-homogeneous if $\phi(\lambda w, x) = \lambda^2\phi(w, x)$ for all $\lambda > 0$.
For $\mu \in \mathcal P_2(\mathbb R^p)$, its projection $\Pi_2(\mu) \in \mathcal M_+(\mathbb S^{p-1})$ is characterized by: for all
$\varphi \in \mathcal C(\mathbb S^{p-1})$, $\int_{\mathbb S^{p-1}}\varphi(w)\,d[\Pi_2(\mu)](w) = \int_{\mathbb R^p}\|w\|_2^2\varphi(w/\|w\|_2)\,d\mu(w)$;
and (as the implicit-bias theorem uses it) $\int\phi(w, x)d\mu(w) = \int\phi(\theta, x)d[\Pi_2\mu](\theta)$ for 2-homogeneous $\phi$.`,
    tightness:
      "worst gap over its bound: float64 rounding (discrete μ) or 10× the quadrature's error estimate plus rounding (Gaussian μ)",
    instances: { test: 20, report: 200 },
    generate,
    describe: (i) =>
      i.mode === "discrete"
        ? `discrete μ: ${i.w.length} particles in ℝ^${i.d + 2}, σ = ${i.activation.name}`
        : `μ = N(0, s²I₂), s = ${i.s.toFixed(3)}`,
    hypotheses: [{
      statement:
        "$\\phi$ positively 2-homogeneous in $w$ (the ReLU particle $c\\,\\sigma(a\\cdot x + b)$), $\\mu \\in \\mathcal P_2$",
      certainty: "certified",
      method:
        "ReLU is positively 1-homogeneous, so c·σ(a·x + b) is 2-homogeneous in (a, b, c); discrete and Gaussian μ have second moments",
      check: (i) => ({
        holds: i.mode === "gaussian" || i.activation.name === relu.name,
        value: i.mode === "gaussian" ? "no feature φ(w, x) involved" : `σ = ${i.activation.name}`,
      }),
    }],
    conclusion: {
      failure: (c) => `Π₂(μ) must give the same integrals of 2-homogeneous features as μ; ${c.failure ?? c.detail}`,
      statement: String
        .raw`Discrete $\mu = \sum_ip_i\delta_{w_i}$, $\Pi_2\mu = \sum_\theta(\sum_{w_i/\|w_i\| = \theta}p_i\|w_i\|^2)\delta_\theta$: (1) the
defining identity for $\varphi(\theta) = \max(0, \langle v, \theta\rangle)$ and $\langle v, \theta\rangle^2$ at 6 vectors $v$, and (2)
$\sum_ip_i\phi(w_i, x) = \sum_\theta m_\theta\phi(\theta, x)$ at 6 inputs, to $4\cdot1.01(2p + 12 + m)\varepsilon$ of the terms' size. Gaussian
$\mu = \mathcal N(0, s^2I_2)$: $\Pi_2\mu = 2s^2\cdot\mathrm{Unif}(\mathbb S^1)$, tested with $\varphi = \alpha_0 + \alpha_1\cos(\psi - \beta_1) +
\alpha_2\cos(2\psi - \beta_2) + \alpha_3\max(0, \cos(\psi - \beta_3))$ against a nested Cartesian quadrature.`,
      check: (i) => check(i, exponent),
    },
    parameters: {
      mode: namedChoice("0 discrete μ, 1 Gaussian μ in ℝ²", ["discrete", "gaussian"]),
      d: { type: "integer", min: 1, max: 6, help: "input dimension (particles in ℝ^{d+2})" },
      activation: namedChoice("0 ReLU (2-homogeneous particle), 1 softplus (not homogeneous)", ["relu", "softplus"]),
    },
    scenarios: [{
      name: "softplus-particle",
      breaks: "$\\phi$ 2-homogeneous: the particle $c\\,\\mathrm{softplus}(a\\cdot x + b)$",
      params: { mode: 0, activation: 1 },
    }],
    nearMiss: {
      mutant: "a 1-homogeneous projection: masses pᵢ‖wᵢ‖ in place of pᵢ‖wᵢ‖²",
      caughtBy: '`homogeneous_projection_test.ts`, "chizat-projection catches the near miss ‖w‖ in place of ‖w‖²"',
    },
  });
}
