/**
 * `chizat-conic-pgd` (Chizat's slides `003_…`, 'Conic Particle Gradient Descent', with the squared gradient
 * norm of 'Sharpness/Polyak-Łojasiewicz Inequality'): the printed flow r′ᵢ = −2αrᵢJ′_ν(θᵢ),
 * θ′ᵢ = −β∇J′_ν(θᵢ), ν = (1/m)Σrᵢ²δ_θᵢ, is the gradient flow of J(r, θ) = R((1/m)Σrᵢ²φ(θᵢ)) + (λ/m)Σrᵢ² under
 * the metric g = (1/m)Σᵢ(dr²ᵢ/α + rᵢ²|dθᵢ|²/β) (the cone metric over Θ, the discrete Wasserstein–Fisher–Rao
 * metric), whose squared gradient norm is the slide's ∫(4α|J′_ν|² + β‖∇J′_ν‖²)dν; and J decreases along it.
 * On the flat torus Θ = 𝕋^d (d = 1, 2) with a smooth periodic filter φ and the square loss R, each step is
 * checked on its own: the velocity against −g⁻¹∇J with ∇J by dual numbers (an independent derivative of J),
 * the metric norms against the slide's expression, the chain rule dJ/dt = ∇J·V against it, all to rounding;
 * then along the integrated flow J is non-increasing and J(0) − J(T) = ∫₀ᵀ‖∇J‖²_g dt to an integration budget.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim, ConclusionCheck, InstanceContext } from "../../engine/claim.ts";
import { NamedChecks } from "../../engine/verdicts/worst_of_checks.ts";
import { HyperDual } from "../../numerics/hyperdual.ts";
import { integrate } from "../../numerics/ode.ts";
import { highamGamma } from "../../numerics/rounding.ts";

const SOURCE = "003_ad774dfe7ed191b8.txt";

/** Output times of the integrated flow on [0, T]. */
const OUTPUT_TIMES = 12;
/** Integrator tolerances (local error per component: atol + rtol·|z|). */
const ODE_RTOL = 1e-11, ODE_ATOL = 1e-13;

/** A conic particle problem on 𝕋^d: filter centres x_k, sharpness s, target y, λ, α, β, and the particles. */
export interface ConicInstance {
  d: number;
  /** Centres x_k ∈ 𝕋^d of φ_k(θ) = exp(s(Σⱼcos(θⱼ − x_kⱼ) − d)). */
  centres: number[][];
  s: number;
  /** y = ∫φ dν* for a sparse ν*, plus noise. */
  y: number[];
  lambda: number;
  alpha: number;
  beta: number;
  /** Horizon T of the integrated flow. */
  horizon: number;
  r: number[];
  theta: number[][];
}

/**
 * The flow under test: r′ = −rCoef·α·r·J′, θ′ = −thetaCoef·β·∇J′, with ν = (1/m)Σr^p δ_θ (printed: 2, 1, 2).
 */
export interface ConicFlow {
  rCoef: number;
  thetaCoef: number;
  p: number;
}

/** The printed flow. */
export const PRINTED_FLOW: ConicFlow = { rCoef: 2, thetaCoef: 1, p: 2 };

function generate({ rng, params = {} }: InstanceContext): ConicInstance {
  const drawnD = rng.int(1, 2), drawnM = rng.int(2, 6);
  const d = params.d ?? drawnD, m = params.m ?? drawnM;
  const K = rng.int(4, 10), s = rng.uniform(1, 4);
  const torus = () => Array.from({ length: d }, () => rng.uniform(0, 2 * Math.PI));
  const centres = Array.from({ length: K }, torus);
  const phi0 = (th: number[]) =>
    centres.map((x) => Math.exp(s * (x.reduce((a, xj, j) => a + Math.cos(th[j] - xj), 0) - d)));
  const spikes = rng.int(1, 3);
  const y = new Array(K).fill(0);
  for (let j = 0; j < spikes; j++) {
    const w = rng.uniform(0.5, 2), f = phi0(torus());
    f.forEach((v, k) => y[k] += w * v);
  }
  for (let k = 0; k < K; k++) y[k] += 0.05 * rng.normal();
  return {
    d,
    centres,
    s,
    y,
    lambda: rng.uniform(0.01, 0.3),
    alpha: rng.uniform(0.2, 2),
    beta: rng.uniform(0.2, 2),
    horizon: rng.uniform(1, 5),
    r: Array.from({ length: m }, () => rng.uniform(0.3, 1.5)),
    theta: Array.from({ length: m }, torus),
  };
}

/** φ(θ) and its θ-gradient (K × d), in floating point. */
function phiAt(i: ConicInstance, th: number[]) {
  const val = i.centres.map((x) => Math.exp(i.s * (x.reduce((a, xj, j) => a + Math.cos(th[j] - xj), 0) - i.d)));
  const grad = i.centres.map((x, k) => x.map((xj, j) => -i.s * Math.sin(th[j] - xj) * val[k]));
  return { val, grad };
}

/** The state z = (r₁..r_m, θ₁..θ_m) as one vector. */
const pack = (r: number[], theta: number[][]) => Float64Array.from([...r, ...theta.flat()]);
function unpack(i: ConicInstance, z: ArrayLike<number>) {
  const m = i.r.length;
  const r = Array.from({ length: m }, (_, a) => z[a]);
  const theta = Array.from({ length: m }, (_, a) => Array.from({ length: i.d }, (_, j) => z[m + a * i.d + j]));
  return { r, theta };
}

/** The slide's quantities at z: J′_ν(θᵢ), ∇J′_ν(θᵢ), J, and the absolute scales for rounding budgets. */
function slideQuantities(i: ConicInstance, z: ArrayLike<number>, p: number) {
  const { r, theta } = unpack(i, z), m = r.length, K = i.y.length;
  const phis = theta.map((th) => phiAt(i, th));
  const f = new Array(K).fill(0), fAbs = new Array(K).fill(0);
  phis.forEach((ph, a) =>
    ph.val.forEach((v, k) => (f[k] += r[a] ** p * v / m, fAbs[k] += Math.abs(r[a] ** p * v) / m))
  );
  const gradR = f.map((v, k) => v - i.y[k]); // ∇R for R(f) = ½‖f − y‖²
  const gradRAbs = fAbs.map((v, k) => v + Math.abs(i.y[k]));
  const jPrime = phis.map((ph) => ph.val.reduce((a, v, k) => a + v * gradR[k], 0) + i.lambda);
  const jPrimeAbs = phis.map((ph) => ph.val.reduce((a, v, k) => a + Math.abs(v) * gradRAbs[k], 0) + i.lambda);
  const gradJPrime = phis.map((ph) =>
    Array.from({ length: i.d }, (_, j) => ph.grad.reduce((a, g, k) => a + g[j] * gradR[k], 0))
  );
  const gradJPrimeAbs = phis.map((ph) =>
    Array.from({ length: i.d }, (_, j) => ph.grad.reduce((a, g, k) => a + Math.abs(g[j]) * gradRAbs[k], 0))
  );
  const J = 0.5 * gradR.reduce((a, v) => a + v * v, 0) + i.lambda * r.reduce((a, v) => a + v ** p, 0) / m;
  return { r, theta, jPrime, jPrimeAbs, gradJPrime, gradJPrimeAbs, J };
}

/** The printed velocity at z (with the flow's coefficients). */
function velocity(i: ConicInstance, z: ArrayLike<number>, flow: ConicFlow): Float64Array {
  const q = slideQuantities(i, z, flow.p);
  return pack(
    q.r.map((ra, a) => -flow.rCoef * i.alpha * ra * q.jPrime[a]),
    q.gradJPrime.map((g) => g.map((v) => -flow.thetaCoef * i.beta * v)),
  );
}

/** J(z + εu) in dual numbers (b part = directional derivative ∇J·u), from J's definition with ν = (1/m)Σr²δ_θ. */
function jDual(i: ConicInstance, z: ArrayLike<number>, u: ArrayLike<number>): HyperDual {
  const m = i.r.length, K = i.y.length;
  const at = (q: number) => new HyperDual(z[q], u[q], 0, 0);
  const f: HyperDual[] = Array.from({ length: K }, () => HyperDual.constant(0));
  let mass = HyperDual.constant(0);
  for (let a = 0; a < m; a++) {
    const r2 = at(a).mul(at(a));
    mass = mass.add(r2);
    i.centres.forEach((x, k) => {
      let c = HyperDual.constant(0);
      for (let j = 0; j < i.d; j++) c = c.add(at(m + a * i.d + j).sub(HyperDual.constant(x[j])).cos());
      const phi = c.sub(HyperDual.constant(i.d)).scale(i.s).exp();
      f[k] = f[k].add(r2.mul(phi).scale(1 / m));
    });
  }
  let R = HyperDual.constant(0);
  f.forEach((fk, k) => {
    const e = fk.sub(HyperDual.constant(i.y[k]));
    R = R.add(e.mul(e));
  });
  return R.scale(0.5).add(mass.scale(i.lambda / m));
}

/** ∇J(z) by dual numbers, one coordinate direction at a time. */
function gradJ(i: ConicInstance, z: Float64Array): Float64Array {
  return Float64Array.from(z, (_, q) => jDual(i, z, Float64Array.from(z, (_, t) => (t === q ? 1 : 0))).b);
}

/** The metric's diagonal at z: g_rr = 1/(αm), g_θθ = r²/(βm) (per torus coordinate). */
function metricDiagonal(i: ConicInstance, z: ArrayLike<number>): Float64Array {
  const { r } = unpack(i, z), m = r.length;
  return pack(r.map(() => 1 / (i.alpha * m)), r.map((ra) => new Array(i.d).fill(ra * ra / (i.beta * m))));
}

/** The slide's squared gradient norm ∫(4α|J′|² + β‖∇J′‖²)dν (ν = (1/m)Σr²δ_θ, as printed) and its absolute scale. */
function slideSquaredNorm(i: ConicInstance, z: ArrayLike<number>) {
  const q = slideQuantities(i, z, 2), m = q.r.length;
  let value = 0, scale = 0;
  q.r.forEach((ra, a) => {
    const g2 = q.gradJPrime[a].reduce((s, v) => s + v * v, 0);
    const g2Abs = q.gradJPrimeAbs[a].reduce((s, v) => s + v * v, 0);
    value += ra * ra * (4 * i.alpha * q.jPrime[a] ** 2 + i.beta * g2) / m;
    scale += ra * ra * (4 * i.alpha * q.jPrimeAbs[a] ** 2 + i.beta * g2Abs) / m;
  });
  return { value, scale };
}

/** Rounding budget factor: γ for the longest chain of roundings (sums over m and K, cos/exp), amplified by s·d. */
const budget = (i: ConicInstance) => 8 * highamGamma(i.r.length + i.y.length + 16) * (1 + i.s * i.d);

/** The pointwise identities at z: velocity = −g⁻¹∇J, ‖V‖²_g = ‖∇J‖²_{g⁻¹} = slide norm, dJ/dt = −slide norm. */
function pointwise(i: ConicInstance, z: Float64Array, flow: ConicFlow, c: NamedChecks, where: string) {
  const v = velocity(i, z, flow), g = gradJ(i, z), G = metricDiagonal(i, z);
  const q = slideQuantities(i, z, 2), tol = budget(i);
  // Per component |V + g⁻¹∇J| against the rounding of both sides' absolute sizes.
  const m = q.r.length;
  let velGap = 0, velBound = 0;
  v.forEach((vq, t) => {
    const a = t < m ? t : Math.floor((t - m) / i.d);
    const absSize = t < m ? 2 * i.alpha * q.r[a] * q.jPrimeAbs[a] : i.beta * q.gradJPrimeAbs[a][(t - m) % i.d];
    velGap = Math.max(velGap, Math.abs(vq + g[t] / G[t]) / absSize);
    velBound = tol;
  });
  c.add(`${where}: |V − (−g⁻¹∇J)| per component, relative`, velGap, velBound);
  const slide = slideSquaredNorm(i, z);
  const vNorm = v.reduce((s, vq, t) => s + G[t] * vq * vq, 0);
  const gNorm = g.reduce((s, gq, t) => s + gq * gq / G[t], 0);
  c.add(`${where}: |‖V‖²_g − ∫(4α|J′|² + β‖∇J′‖²)dν|`, Math.abs(vNorm - slide.value), 4 * tol * slide.scale);
  c.add(`${where}: |‖∇J‖²_{g⁻¹} − ∫(4α|J′|² + β‖∇J′‖²)dν|`, Math.abs(gNorm - slide.value), 4 * tol * slide.scale);
  // dJ/dt = ∇J·V, by dual numbers along V (the chain rule, independent of the metric).
  const dJdt = jDual(i, z, v).b;
  c.add(`${where}: |dJ/dt + ∫(4α|J′|² + β‖∇J′‖²)dν|`, Math.abs(dJdt + slide.value), 4 * tol * slide.scale);
}

function check(i: ConicInstance, flow: ConicFlow): ConclusionCheck {
  const c = new NamedChecks();
  const z0 = pack(i.r, i.theta), P = z0.length;
  pointwise(i, z0, flow, c, "t = 0");
  // The flow with the dissipation Q′ = ∫(4α|J′|² + β‖∇J′‖²)dν integrated alongside.
  const times = Array.from({ length: OUTPUT_TIMES }, (_, k) => (i.horizon * (k + 1)) / OUTPUT_TIMES);
  const sol = integrate(
    (_t, s) => {
      const z = s.subarray(0, P);
      return Float64Array.from([...velocity(i, z, flow), slideSquaredNorm(i, z).value]);
    },
    0,
    Float64Array.from([...z0, 0]),
    times,
    { rtol: ODE_RTOL, atol: ODE_ATOL },
  );
  const J0 = slideQuantities(i, z0, 2).J;
  let prev = J0;
  sol.states.forEach((s, k) => {
    const z = s.slice(0, P), Q = s[P];
    const { J } = slideQuantities(i, z, 2);
    // Integration budget: 10 × (accepted steps) × the local error's effect on J, Σ|∂J/∂z|(atol + rtol|z|), plus Q's own.
    const g = gradJ(i, z);
    const local = g.reduce((a, gq, q) => a + Math.abs(gq) * (ODE_ATOL + ODE_RTOL * Math.abs(z[q])), 0) +
      ODE_ATOL + ODE_RTOL * Q;
    const integ = 10 * sol.steps * local + budget(i) * (J0 + J);
    c.add(`t = ${times[k].toFixed(2)}: J(t) − J(t_prev) (non-increasing)`, Math.max(0, J - prev), integ);
    c.add(`t = ${times[k].toFixed(2)}: |J(0) − J(t) − ∫₀ᵗ‖∇J‖²_g|`, Math.abs(J0 - J - Q), integ);
    prev = J;
    if (k === OUTPUT_TIMES - 1) pointwise(i, z, flow, c, `t = T`);
  });
  return c.result(`J(0) = ${J0.toExponential(3)}, J(T) = ${prev.toExponential(3)}: `);
}

/**
 * `chizat-conic-pgd`. `flow` holds the printed coefficients (2, 1 and the exponent p = 2 of ν), so that a
 * wrong one can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { conicPgd } from "./conic_pgd.ts";
 * assert.equal(conicPgd().id, "chizat-conic-pgd");
 * ```
 */
export function conicPgd(flow: ConicFlow = PRINTED_FLOW): Claim {
  return defineClaim<ConicInstance>({
    id: "chizat-conic-pgd",
    title: "Conic particle gradient descent is a gradient flow of J in (rᵢ, θᵢ)",
    kind: "exact",
    source: {
      document: SOURCE,
      where: "slides 'Conic Particle Gradient Descent' and 'Sharpness/Polyak-Łojasiewicz Inequality'",
    },
    statement: String.raw`Take $p = 2$ and the gradient flow
$r_i'(t) = -2\alpha r_i(t)J'_{\nu_t}(\theta_i(t))$, $\theta_i'(t) = -\beta\nabla J'_{\nu_t}(\theta_i(t))$, where
$J'_\nu(\theta) = \langle\phi(\theta), \nabla R(\int\phi d\nu)\rangle + \lambda$ "is" the Fréchet derivative of
$J(\nu) = R(\int_\Theta\phi d\nu) + \lambda\nu(\Theta)$ at $\nu$ and $\nu_t = \frac1m\sum_{i=1}^m r_i(t)^2\delta_{\theta_i(t)}$
($\rightsquigarrow$ gradient flow in the Wasserstein–Fisher–Rao metric); the squared norm of the gradient is
$\int(4\alpha|J'_\nu|^2 + \beta\|\nabla J'_\nu\|^2_\theta)d\nu$.`,
    tightness:
      "worst gap over its budget: rounding budgets for the pointwise identities, an integration budget for J(0) − J(t) = ∫‖∇J‖²_g",
    instances: { test: 6, report: 40 },
    generate,
    describe: (i) =>
      `Θ = 𝕋^${i.d}, m = ${i.r.length} particles, K = ${i.y.length} filters (s = ${i.s.toFixed(2)}), λ = ${
        i.lambda.toFixed(3)
      }, α = ${i.alpha.toFixed(2)}, β = ${i.beta.toFixed(2)}, T = ${i.horizon.toFixed(2)}`,
    hypotheses: [{
      statement: "Θ a compact Riemannian manifold without boundary, φ smooth, R convex and smooth, λ > 0, rᵢ > 0",
      certainty: "certified",
      method:
        "by construction: the flat torus 𝕋^d, φ_k(θ) = exp(s(Σcos(θⱼ − x_kⱼ) − d)), R(f) = ½‖f − y‖², λ ∈ [0.01, 0.3], rᵢ ∈ [0.3, 1.5]",
      check: (i) => ({
        holds: i.lambda > 0 && i.r.every((r) => r > 0) && i.alpha > 0 && i.beta > 0,
        value: `λ = ${i.lambda.toFixed(3)}, min rᵢ = ${Math.min(...i.r).toFixed(3)}`,
      }),
    }],
    conclusion: {
      failure: (c) =>
        `conic particle GD must be a gradient flow of J: J(0) − J(t) = ∫‖∇J‖²_g; ${c.failure ?? c.detail}`,
      statement: String
        .raw`Reading: "gradient flow in (rᵢ, θᵢ)" under the metric $g = \frac1m\sum_i\left(\frac{dr_i^2}{\alpha} + \frac{r_i^2|d\theta_i|^2}{\beta}\right)$ (the cone
metric, WFR restricted to $\nu = \frac1m\sum r_i^2\delta_{\theta_i}$), the one whose squared gradient norm is the PL slide's. At $t = 0$ and $t = T$:
the printed velocity equals $-g^{-1}\nabla J$ per component ($\nabla J$ of $J(r, \theta)$ by dual numbers), $\|V\|_g^2 = \|\nabla J\|_{g^{-1}}^2 = \int(4\alpha|J'|^2 + \beta\|\nabla J'\|^2)d\nu$,
and $dJ/dt = \nabla J\cdot V = -\int(4\alpha|J'|^2 + \beta\|\nabla J'\|^2)d\nu$, each to $8\gamma_{m+K+16}(1 + sd)$ of its terms' absolute size (×4 for the norms);
along the integrated flow (ODEX, rtol $10^{-11}$) $J$ is non-increasing at 12 output times and $J(0) - J(t) = \int_0^t\|\nabla J\|_g^2$, within 10 × steps × the local
error's effect on $J$ plus rounding.`,
      check: (i) => check(i, flow),
    },
    parameters: {
      d: { type: "integer", min: 1, max: 2, help: "dimension of the torus Θ = 𝕋^d" },
      m: { type: "integer", min: 1, max: 12, help: "number of particles" },
    },
    unbreakable:
      "The identities are calculus (the chain rule and ∂J/∂rᵢ = (2rᵢ/m)J′_ν(θᵢ), ∂J/∂θᵢ = (rᵢ²/m)∇J′_ν(θᵢ)) for any smooth φ and R and any particles with rᵢ > 0; there is no hypothesis an instance could break (at rᵢ = 0 the metric degenerates, but the flow keeps rᵢ > 0: r′ᵢ is proportional to rᵢ).",
    nearMiss: {
      mutant:
        "r′ᵢ = −αrᵢJ′_ν(θᵢ) (the factor 2 dropped): still a gradient flow, but of a metric whose squared norm is ∫(2α|J′|² + β‖∇J′‖²)dν, not the slide's",
      caughtBy: '`conic_pgd_test.ts`, "chizat-conic-pgd catches the near miss r′ = −αrJ′"',
    },
  });
}
