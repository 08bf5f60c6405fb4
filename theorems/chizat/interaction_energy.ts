/**
 * `chizat-interaction-energy` (Chizat's slides, "Parenthesis (I): square loss and interacting particles
 * system"): for the square loss w.r.t. an input density ρ,
 * F(μ) = ½∫‖∫φ(w, x)dμ(w) − ∫φ(w, x)dμ*(w)‖²dρ(x) = ½∫∫k dμdμ − ∫∫k dμdμ* + C with
 * k(w, w′) = ∫φ(w, x)φ(w′, x)dρ(x), on discrete measures μ = Σpᵢδ_{wᵢ}, μ* = Σp*ⱼδ_{w*ⱼ} and the ReLU particle
 * φ(w, x) = c·σ(a·x + b). Two input laws: ρ discrete (both sides evaluated exactly in dyadic arithmetic, vector
 * outputs c ∈ ℝ^q included), and ρ uniform on the circle S¹ with bias-free particles, where k has the closed
 * form ‖u‖‖v‖((π − θ)cos θ + sin θ)/(4π) (u = c·a, θ the angle between a and a′) and F(μ) is integrated by
 * adaptive quadrature (agreement within ten times its error estimate plus rounding).
 *
 * @module
 */
import { defineClaim, namedChoice } from "../../engine/claim.ts";
import type { Claim, ConclusionCheck, InstanceContext } from "../../engine/claim.ts";
import { agreesWithQuadrature } from "../../engine/verdicts/quadrature_agreement.ts";
import { NamedChecks } from "../../engine/verdicts/worst_of_checks.ts";
import { Dyadic, dyadicSum } from "../../numerics/dyadic.ts";
import { integrate1d } from "../../numerics/quadrature.ts";

const SOURCE = "003_ad774dfe7ed191b8.txt";

/** A particle: a ∈ ℝ^d, b, c ∈ ℝ^q. */
interface Particle {
  a: number[];
  b: number;
  c: number[];
}

/** Two discrete measures and an input law (discrete points with weights, or uniform on S¹). */
export interface InteractionInstance {
  mode: "discrete" | "circle";
  d: number;
  q: number;
  /** μ = Σpᵢδ_{wᵢ}. */
  mu: { p: number[]; w: Particle[] };
  /** μ* = Σp*ⱼδ_{w*ⱼ}. */
  star: { p: number[]; w: Particle[] };
  /** ρ = Σρ_rδ_{x_r} (discrete mode only). */
  rho: { p: number[]; x: number[][] };
}

const short = (v: number) => Math.round(256 * v) / 256;

function drawMeasure(rng: InstanceContext["rng"], m: number, d: number, q: number, bias: boolean) {
  const p = Array.from({ length: m }, () => short(rng.uniform(0.05, 1)));
  const w = Array.from({ length: m }, () => ({
    a: Array.from({ length: d }, () => short(rng.normal())),
    b: bias ? short(rng.normal()) : 0,
    c: Array.from({ length: q }, () => short(rng.normal())),
  }));
  return { p, w };
}

function generate({ rng, index, params = {} }: InstanceContext): InteractionInstance {
  const drawnMode = index % 2;
  const mode = (params.mode ?? drawnMode) === 0 ? "discrete" : "circle";
  const drawnD = rng.int(1, 3), drawnQ = rng.int(1, 2);
  const d = mode === "circle" ? 2 : params.d ?? drawnD, q = mode === "circle" ? 1 : drawnQ;
  const m = rng.int(1, 5), mStar = rng.int(1, 5), n = rng.int(1, 8);
  const bias = mode === "discrete";
  const mu = drawMeasure(rng, m, d, q, bias), star = drawMeasure(rng, mStar, d, q, bias);
  const rho = {
    p: Array.from({ length: n }, () => short(rng.uniform(0.05, 1))),
    x: Array.from({ length: n }, () => Array.from({ length: d }, () => short(rng.normal()))),
  };
  return { mode, d, q, mu, star, rho };
}

/** The coefficients of the three terms of the printed display: ½, −1 (cross term) and the constant ½. */
export interface EnergyCoefficients {
  self: number;
  cross: number;
}

/** Exact check with ρ discrete: F(μ) and the interaction form in dyadic arithmetic; the gap must be 0. */
function discreteCheck(i: InteractionInstance, co: EnergyCoefficients, c: NamedChecks): void {
  const D = Dyadic.of;
  const phi = (w: Particle, x: number[]) => {
    const z = dyadicSum(w.a.map((v, j) => D(v).mul(D(x[j])))).add(D(w.b));
    const s = z.sign() > 0 ? z : Dyadic.zero;
    return w.c.map((cv) => D(cv).mul(s));
  };
  const dot = (u: Dyadic[], v: Dyadic[]) => dyadicSum(u.map((x, j) => x.mul(v[j])));
  // k(w, w′) = Σ_r ρ_r⟨φ(w, x_r), φ(w′, x_r)⟩.
  const k = (u: Particle, v: Particle) =>
    dyadicSum(i.rho.x.map((x, r) => D(i.rho.p[r]).mul(dot(phi(u, x), phi(v, x)))));
  const integral = (mu: typeof i.mu, x: number[]) =>
    Array.from({ length: i.q }, (_, t) => dyadicSum(mu.w.map((w, j) => D(mu.p[j]).mul(phi(w, x)[t]))));
  const half = Dyadic.pow2(-1);
  const lhs = half.mul(dyadicSum(i.rho.x.map((x, r) => {
    const diff = integral(i.mu, x).map((v, t) => v.sub(integral(i.star, x)[t]));
    return D(i.rho.p[r]).mul(dot(diff, diff));
  })));
  const pair = (a: typeof i.mu, b: typeof i.mu) =>
    dyadicSum(a.w.flatMap((u, s) => b.w.map((v, t) => D(a.p[s]).mul(D(b.p[t])).mul(k(u, v)))));
  const constant = half.mul(pair(i.star, i.star));
  const rhs = D(co.self).mul(pair(i.mu, i.mu)).add(D(co.cross).mul(pair(i.mu, i.star))).add(constant);
  c.add("|F(μ) − (½∫∫k dμdμ − ∫∫k dμdμ* + C)|, ρ discrete (exact)", Math.abs(lhs.sub(rhs).toNumber()), 0);
}

/** k(w, w′) for ρ uniform on S¹ and bias-free scalar particles: ‖c a‖‖c′a′‖((π − θ)cos θ + sin θ)/(4π), sign of cc′. */
export function circleKernel(u: Particle, v: Particle): number {
  const na = Math.hypot(...u.a), nb = Math.hypot(...v.a);
  if (na === 0 || nb === 0) return 0;
  const cos = Math.min(1, Math.max(-1, (u.a[0] * v.a[0] + u.a[1] * v.a[1]) / (na * nb)));
  const theta = Math.acos(cos);
  return u.c[0] * v.c[0] * na * nb * ((Math.PI - theta) * cos + Math.sin(theta)) / (4 * Math.PI);
}

/** Quadrature check with ρ uniform on S¹: each k against its defining integral, then F(μ) against the display. */
function circleCheck(i: InteractionInstance, co: EnergyCoefficients, c: NamedChecks): void {
  const phi = (w: Particle, psi: number) => w.c[0] * Math.max(0, w.a[0] * Math.cos(psi) + w.a[1] * Math.sin(psi));
  const all = [...i.mu.w, ...i.star.w];
  // Kinks of every particle: a·x(ψ) = 0 at ψ = angle(a) ± π/2 (mod 2π).
  const breaks = all.flatMap((w) => {
    const base = Math.atan2(w.a[1], w.a[0]);
    return [base + Math.PI / 2, base - Math.PI / 2].map((t) => ((t % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI));
  });
  const mean = (g: (psi: number) => number) => {
    const qd = integrate1d(g, 0, 2 * Math.PI, breaks, 1e-13);
    return { value: qd.value / (2 * Math.PI), error: qd.error / (2 * Math.PI) };
  };
  // (1) k(w, w′) = ∫φ(w, x)φ(w′, x)dρ(x): the closed form against quadrature, for every pair.
  all.forEach((u, s) =>
    all.forEach((v, t) => {
      if (t < s) return;
      const quad = mean((psi) => phi(u, psi) * phi(v, psi));
      const closed = circleKernel(u, v);
      const scale = Math.abs(u.c[0] * v.c[0]) * Math.hypot(...u.a) * Math.hypot(...v.a);
      const ag = agreesWithQuadrature(closed, quad, scale);
      c.add("k(w, w′): closed form vs ∫φφdρ", ag.gap, ag.bound);
    })
  );
  // (2) F(μ) by quadrature against the display with the closed-form k.
  const f = (mu: typeof i.mu, psi: number) => mu.w.reduce((acc, w, j) => acc + mu.p[j] * phi(w, psi), 0);
  const lhs = mean((psi) => 0.5 * (f(i.mu, psi) - f(i.star, psi)) ** 2);
  const pair = (a: typeof i.mu, b: typeof i.mu) =>
    a.w.reduce((acc, u, s) => acc + b.w.reduce((a2, v, t) => a2 + a.p[s] * b.p[t] * circleKernel(u, v), 0), 0);
  const absPair = (a: typeof i.mu, b: typeof i.mu) =>
    a.w.reduce(
      (acc, u, s) => acc + b.w.reduce((a2, v, t) => a2 + Math.abs(a.p[s] * b.p[t] * circleKernel(u, v)), 0),
      0,
    );
  const rhs = co.self * pair(i.mu, i.mu) + co.cross * pair(i.mu, i.star) + 0.5 * pair(i.star, i.star);
  const scale = absPair(i.mu, i.mu) + absPair(i.mu, i.star) + absPair(i.star, i.star);
  const ag = agreesWithQuadrature(rhs, lhs, scale);
  c.add("F(μ) (quadrature) vs ½∫∫k dμdμ − ∫∫k dμdμ* + C", ag.gap, ag.bound);
}

function check(i: InteractionInstance, co: EnergyCoefficients): ConclusionCheck {
  const c = new NamedChecks();
  if (i.mode === "discrete") discreteCheck(i, co, c);
  else circleCheck(i, co, c);
  return c.result(`ρ ${i.mode === "discrete" ? `discrete (${i.rho.p.length} points)` : "uniform on S¹"}: `);
}

/**
 * `chizat-interaction-energy`. `co` holds the display's coefficients (½ and −1 as printed) so that a wrong
 * one can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { interactionEnergy } from "./interaction_energy.ts";
 * assert.equal(interactionEnergy().id, "chizat-interaction-energy");
 * ```
 */
export function interactionEnergy(co: EnergyCoefficients = { self: 0.5, cross: -1 }): Claim {
  return defineClaim<InteractionInstance>({
    id: "chizat-interaction-energy",
    title: "The square loss as an interaction energy",
    kind: "exact",
    source: { document: SOURCE, where: "slides, 'Parenthesis (I): square loss and interacting particles system'" },
    statement: String.raw`When $R$ is the square loss w.r.t. input density $\rho$:
$F(\mu) = \frac12\int\left\|\int\phi(w, x)d\mu(w) - \int\phi(w, x)d\mu^*(w)\right\|^2d\rho(x)
= \frac12\int\int k(w, w')d\mu(x)d\mu(w') - \int\int k(w, w')d\mu(x)d\mu^*(w') + C$
where $k(w, w') = \int\phi(w, x)\phi(w', x)d\rho(x)$.`,
    tightness:
      "worst gap over its bound: 0 over 0 for the exact (ρ discrete) instances, over 10× the quadrature's error estimate plus rounding for ρ uniform on S¹",
    instances: { test: 20, report: 200 },
    generate,
    describe: (i) =>
      `${
        i.mode === "discrete" ? `ρ on ${i.rho.p.length} points` : "ρ uniform on S¹"
      }, d = ${i.d}, q = ${i.q}, |supp μ| = ${i.mu.p.length}, |supp μ*| = ${i.star.p.length}`,
    hypotheses: [{
      statement:
        "$\\mu, \\mu^*$ finite measures, $\\rho$ a probability measure (or finite), $\\phi(\\cdot, x)$ square integrable",
      certainty: "certified",
      method: "discrete measures with positive finite weights; the ReLU particle is bounded on compact sets",
      check: (i) => ({
        holds: [...i.mu.p, ...i.star.p, ...i.rho.p].every((p) => p > 0 && Number.isFinite(p)),
        value: "weights positive",
      }),
    }],
    conclusion: {
      failure: (c) => `the square loss must equal its interaction-energy form; ${c.failure ?? c.detail}`,
      statement: String
        .raw`With $C = \frac12\int\int k\,d\mu^*d\mu^*$ (the slide leaves it implicit): the display holds exactly (dyadic arithmetic) for $\rho$
discrete; for $\rho$ uniform on $S^1$, the closed form of $k$ agrees with $\int\phi\phi\,d\rho$ and $F(\mu)$ (adaptive quadrature with the
particles' kinks as break points) with the display, each within ten times the quadrature's error estimate plus $64\varepsilon$ of the terms' size.`,
      check: (i) => check(i, co),
    },
    parameters: {
      mode: namedChoice("0 ρ discrete (exact), 1 ρ uniform on the circle (quadrature)", ["discrete", "circle"]),
      d: { type: "integer", min: 1, max: 5, help: "input dimension (discrete mode; the circle has d = 2)" },
    },
    unbreakable:
      "The display is algebra (expanding the square and Fubini) for any finite measures with φ square integrable; there is no hypothesis a discrete instance could break.",
    nearMiss: {
      mutant: "the cross term with ½: ½∫∫k dμdμ − ½∫∫k dμdμ* + C",
      caughtBy: '`interaction_energy_test.ts`, "chizat-interaction-energy catches the near miss −½∫∫k dμdμ*"',
    },
    slips: [{
      where: "slide 'Parenthesis (I)', second line of the display",
      printed: "$\\int\\int k(w, w')d\\mu(x)d\\mu(w')$ and $\\int\\int k(w, w')d\\mu(x)d\\mu^*(w')$",
      fix:
        "$d\\mu(w)$ in place of $d\\mu(x)$; and $C = \\frac12\\int\\int k\\,d\\mu^*d\\mu^*$, which does not depend on $\\mu$",
    }],
  });
}
