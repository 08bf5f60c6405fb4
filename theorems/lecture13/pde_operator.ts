/**
 * `yang-pde-operator` (Lecture 13, slide "Optimization for PDE Solvers — A simple example"): for the
 * two-layer network h(x; θ) = Σₖ aₖσ(wₖᵀx) and 𝓛u = Σ_{α,β} A_αβ(x)u_{x_αx_β},
 * 𝓛h(x; θ) = Σₖ aₖwₖᵀA(x)wₖσ″(wₖᵀx). The printed formula is checked against second derivatives of h
 * obtained without it: exactly, in dyadic rational arithmetic, from the four-point central difference (exact
 * for piecewise cubics whose stencil crosses no kink) for a cubic polynomial σ, ReLU³ and the lecture's ReLU;
 * and by hyper-dual automatic differentiation in float64 (no truncation, a stated rounding budget) for tanh,
 * the logistic function and softplus (each built from exp and log, not from its closed-form σ″) and sin.
 *
 * @module
 */
import { defineClaim, namedChoice } from "../../engine/claim.ts";
import { flag } from "../../engine/flag.ts";
import type { Claim, ConclusionCheck, InstanceContext } from "../../engine/claim.ts";
import { NamedChecks } from "../../engine/verdicts/worst_of_checks.ts";
import { Dyadic, dyadicSum } from "../../numerics/dyadic.ts";
import { HyperDual } from "../../numerics/hyperdual.ts";
import { EPS } from "../../numerics/linalg.ts";

const SOURCE = "002_4e8ee8a272f9d000.txt";

/** An activation with the closed-form σ″ the printed formula uses, and σ for differentiating h. */
interface PdeActivation {
  name: string;
  /** σ″ in closed form (float64). */
  d2: (z: number) => number;
  /** σ and σ″ exactly on dyadics (piecewise polynomial activations), with their kink (if any) at 0. */
  exact?: { f: (z: Dyadic) => Dyadic; d2: (z: Dyadic) => Dyadic; kink: boolean };
  /** σ on hyper-dual numbers, built from exp, log and sin (smooth activations). */
  hd?: (z: HyperDual) => HyperDual;
}

const ONE = HyperDual.constant(1);
const relu = (z: Dyadic) => (z.sign() > 0 ? z : Dyadic.zero);
const logisticHd = (z: HyperDual) => z.a >= 0 ? ONE.div(ONE.add(z.scale(-1).exp())) : z.exp().div(ONE.add(z.exp()));
const tanhHd = (z: HyperDual): HyperDual => {
  if (z.a < 0) return tanhHd(z.scale(-1)).scale(-1);
  const e = z.scale(-2).exp();
  return ONE.sub(e).div(ONE.add(e));
};
const logistic = (z: number) => 1 / (1 + Math.exp(-z));

/** The activations, by index (the `activation` parameter). */
function activation(index: number, c: readonly number[]): PdeActivation {
  switch (index) {
    case 0: {
      // σ(z) = c₃z³ + c₂z² + c₁z, σ″ = 6c₃z + 2c₂.
      const [c3, c2, c1] = c.map(Dyadic.of);
      return {
        name: `cubic ${c[0]}z³ + ${c[1]}z² + ${c[2]}z`,
        d2: (z) => 6 * c[0] * z + 2 * c[1],
        exact: {
          f: (z) => c3.mul(z).mul(z).mul(z).add(c2.mul(z).mul(z)).add(c1.mul(z)),
          d2: (z) => Dyadic.of(6).mul(c3).mul(z).add(Dyadic.of(2).mul(c2)),
          kink: false,
        },
      };
    }
    case 1:
      return {
        name: "ReLU³ = max(z, 0)³",
        d2: (z) => 6 * Math.max(z, 0),
        exact: { f: (z) => relu(z).mul(relu(z)).mul(relu(z)), d2: (z) => Dyadic.of(6).mul(relu(z)), kink: true },
      };
    case 2:
      // The lecture's ReLU: σ″ = 0 off the kink.
      return { name: "ReLU", d2: () => 0, exact: { f: relu, d2: () => Dyadic.zero, kink: true } };
    case 3:
      return { name: "tanh", d2: (z) => -2 * Math.tanh(z) * (1 - Math.tanh(z) ** 2), hd: tanhHd };
    case 4:
      return {
        name: "logistic",
        d2: (z) => logistic(z) * (1 - logistic(z)) * (1 - 2 * logistic(z)),
        hd: logisticHd,
      };
    case 5:
      return {
        name: "softplus",
        d2: (z) => logistic(z) * (1 - logistic(z)),
        hd: (z) => (z.a >= 0 ? z.add(ONE.add(z.scale(-1).exp()).log()) : ONE.add(z.exp()).log()),
      };
    default:
      return { name: "sin", d2: (z) => -Math.sin(z), hd: (z) => z.sin() };
  }
}

/** The network, the operator's coefficients at each point, and the points x ∈ [0, 1]^d. */
export interface PdeOperatorInstance {
  d: number;
  /** Width N. */
  width: number;
  activation: PdeActivation;
  a: number[];
  /** wₖ, k < N. */
  w: number[][];
  /** The points x. */
  xs: number[][];
  /** A(x) at each point (A(x) = A₀ + x₁A₁; symmetric unless `asymmetric`). */
  as: number[][][];
  asymmetric: boolean;
}

/** A draw rounded to 1/64: short dyadics keep the exact arithmetic small. */
const short = (v: number) => Math.round(64 * v) / 64;

function generate({ rng, index, params = {} }: InstanceContext): PdeOperatorInstance {
  const drawnD = rng.int(1, 4), drawnWidth = rng.int(1, 6);
  const d = params.d ?? drawnD, width = params.width ?? drawnWidth;
  const drawnActivation = index % 7;
  const coefficients = [0, 0, 0].map(() => short(rng.normal()));
  const act = activation(params.activation ?? drawnActivation, coefficients);
  const a = Array.from({ length: width }, () => short(rng.normal()));
  const w = Array.from({ length: width }, () => Array.from({ length: d }, () => short(rng.normal())));
  const asymmetric = index % 3 === 2;
  const mat = () => {
    const m = Array.from({ length: d }, () => Array.from({ length: d }, () => short(rng.uniform(-1, 1))));
    if (!asymmetric) { for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) m[i][j] = m[j][i]; }
    return m;
  };
  const a0 = mat(), a1 = mat();
  const xs = Array.from({ length: 3 }, () => Array.from({ length: d }, () => short(rng.double())));
  // Scenario: x on the kink of neuron 0 (w₀ᵀx = 0 exactly, with w₀ = (x₂, −x₁, 0, …), or x = 0 when d = 1).
  if (params.kink === 1) {
    if (d === 1) xs[0][0] = 0;
    else w[0] = w[0].map((_, j) => (j === 0 ? xs[0][1] : j === 1 ? -xs[0][0] : 0));
  }
  const as = xs.map((x) => a0.map((row, i) => row.map((v, j) => v + x[0] * a1[i][j])));
  return { d, width, activation: act, a, w, xs, as, asymmetric };
}

/** The weights of A_αβ in the formula: 1 as printed; a mutant may change them. */
export type TermWeight = (alpha: number, beta: number) => number;

/**
 * Exact check at point p: 4t²·Σ A_αβ D²_αβh (four-point central differences, exact for cubics) against
 * 4t²·(the formula), both in dyadic arithmetic; undecided only for ReLU³ exactly on a kink.
 */
function exactCheck(i: PdeOperatorInstance, p: number, weight: TermWeight): { gap: number; undecided?: string } {
  const ex = i.activation.exact!;
  const x = i.xs[p].map(Dyadic.of), A = i.as[p].map((r) => r.map(Dyadic.of));
  const a = i.a.map(Dyadic.of), w = i.w.map((r) => r.map(Dyadic.of));
  const z = (y: Dyadic[], k: number) => dyadicSum(w[k].map((v, j) => v.mul(y[j])));
  const zs = i.w.map((_, k) => z(x, k));
  const h = (y: Dyadic[]) => dyadicSum(a.map((ak, k) => ak.mul(ex.f(z(y, k)))));
  const shift = (alpha: number, sa: number, beta: number, sb: number, t: Dyadic) =>
    x.map((v, j) => v.add(t.mul(Dyadic.of((j === alpha ? sa : 0) + (j === beta ? sb : 0)))));
  const stencil = (alpha: number, beta: number, t: Dyadic) => [
    shift(alpha, 1, beta, 1, t),
    shift(alpha, 1, beta, -1, t),
    shift(alpha, -1, beta, 1, t),
    shift(alpha, -1, beta, -1, t),
  ];
  const pairs = Array.from({ length: i.d * i.d }, (_, q) => [Math.floor(q / i.d), q % i.d]);
  const crosses = (t: Dyadic) =>
    ex.kink &&
    pairs.some(([al, be]) => stencil(al, be, t).some((y) => zs.some((zk, k) => z(y, k).sign() !== zk.sign())));
  // Piecewise activations: halve t until no stencil point is across a kink (wₖᵀx ≠ 0 guarantees it).
  let t = Dyadic.pow2(-8);
  for (let halvings = 0; halvings < 60 && crosses(t) && zs.every((v) => v.sign() !== 0); halvings++) {
    t = t.mul(Dyadic.pow2(-1));
  }
  if (crosses(t) && i.activation.name.startsWith("ReLU³")) {
    return { gap: NaN, undecided: "x on a kink of ReLU³: four-point differences are not exact there" };
  }
  let lhs = Dyadic.zero;
  for (const [alpha, beta] of pairs) {
    const [pp, pm, mp, mm] = stencil(alpha, beta, t).map(h);
    lhs = lhs.add(A[alpha][beta].mul(pp.sub(pm).sub(mp).add(mm)));
  }
  let rhs = Dyadic.zero;
  i.a.forEach((_, k) => {
    let q = Dyadic.zero;
    for (let al = 0; al < i.d; al++) {
      for (let be = 0; be < i.d; be++) q = q.add(Dyadic.of(weight(al, be)).mul(A[al][be]).mul(w[k][al]).mul(w[k][be]));
    }
    rhs = rhs.add(a[k].mul(q).mul(ex.d2(zs[k])));
  });
  return { gap: Math.abs(lhs.sub(rhs.mul(Dyadic.of(4)).mul(t).mul(t)).toNumber()) };
}

/**
 * Float check at point p: Σ A_αβ ∂²h/∂x_α∂x_β by hyper-dual differentiation of h against the formula, within
 * 64(d² + N + 16)ε·Σₖ|aₖ|Σ_αβ|A_αβw_kαw_kβ|·4max(1, |wₖᵀx|) (each side a sum of d²N products of factors
 * computed in a few dozen operations, the activations' intermediates bounded by 4max(1, |z|)).
 */
function floatCheck(i: PdeOperatorInstance, p: number, weight: TermWeight): { gap: number; bound: number } {
  const x = i.xs[p], A = i.as[p], sigma = i.activation.hd!;
  let lhs = 0;
  for (let alpha = 0; alpha < i.d; alpha++) {
    for (let beta = 0; beta < i.d; beta++) {
      const y = x.map((v, j) => new HyperDual(v, j === alpha ? 1 : 0, j === beta ? 1 : 0, 0));
      let hd = HyperDual.constant(0);
      i.w.forEach((wk, k) => {
        const z = wk.reduce((acc, v, j) => acc.add(y[j].scale(v)), HyperDual.constant(0));
        hd = hd.add(sigma(z).scale(i.a[k]));
      });
      lhs += A[alpha][beta] * hd.d;
    }
  }
  let rhs = 0, scale = 0;
  i.w.forEach((wk, k) => {
    const z = wk.reduce((acc, v, j) => acc + v * x[j], 0);
    let q = 0, qa = 0;
    for (let al = 0; al < i.d; al++) {
      for (let be = 0; be < i.d; be++) {
        q += weight(al, be) * A[al][be] * wk[al] * wk[be];
        qa += Math.abs(A[al][be] * wk[al] * wk[be]);
      }
    }
    rhs += i.a[k] * q * i.activation.d2(z);
    scale += Math.abs(i.a[k]) * qa * 4 * Math.max(1, Math.abs(z));
  });
  return { gap: Math.abs(lhs - rhs), bound: 64 * (i.d * i.d + i.width + 16) * EPS * scale };
}

function check(i: PdeOperatorInstance, weight: TermWeight): ConclusionCheck {
  const c = new NamedChecks();
  for (let p = 0; p < i.xs.length; p++) {
    if (i.activation.exact) {
      const r = exactCheck(i, p, weight);
      if (r.undecided) {
        return { holds: false, undecided: r.undecided, observed: NaN, bound: 0, tightness: NaN, detail: r.undecided };
      }
      c.add(`x${p}: |4t²(Σ A_αβ D²h − formula)| (exact)`, r.gap, 0);
    } else {
      const r = floatCheck(i, p, weight);
      c.add(`x${p}: |Σ A_αβ ∂²h (hyper-dual) − formula|`, r.gap, r.bound);
    }
  }
  return c.result(`${i.activation.name}, d = ${i.d}, N = ${i.width}: `);
}

/**
 * `yang-pde-operator`: 𝓛h(x; θ) = Σₖ aₖwₖᵀA(x)wₖσ″(wₖᵀx). `weight` weighs A_αβ in the formula (1 as
 * printed) so that a formula dropping terms can be shown to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pdeOperator } from "./pde_operator.ts";
 * assert.equal(pdeOperator().id, "yang-pde-operator");
 * ```
 */
export function pdeOperator(weight: TermWeight = () => 1): Claim {
  return defineClaim<PdeOperatorInstance>({
    id: "yang-pde-operator",
    title: "The second-order operator applied to a two-layer network",
    kind: "exact",
    source: { document: SOURCE, where: "Lecture 13, slide 'Optimization for PDE Solvers' — 'A simple example'" },
    statement: String
      .raw`Two-layer network $h(\boldsymbol x;\theta) = \sum_{k=1}^N a_k\sigma(\boldsymbol w_k^\top\boldsymbol x)$; a second
order differential equation $\mathcal Lu = f$ with $\mathcal Lu = \sum_{\alpha,\beta=1}^d A_{\alpha\beta}(\boldsymbol x)u_{x_\alpha x_\beta}$:
$f(\boldsymbol x;\theta) := \mathcal Lh(\boldsymbol x;\theta) = \sum_{k=1}^N a_k\boldsymbol w_k^\top A(\boldsymbol x)\boldsymbol w_k\sigma''(\boldsymbol w_k^\top\boldsymbol x)$.`,
    tightness:
      "worst gap over its bound across 3 points: exact activations 0 over 0 (any gap fails), hyper-dual ones over the rounding budget",
    instances: { test: 28, report: 280 },
    generate,
    describe: (i) =>
      `${i.activation.name}, d = ${i.d}, N = ${i.width}, A(x) ${i.asymmetric ? "not symmetric" : "symmetric"}`,
    hypotheses: [{
      statement: String.raw`$\sigma$ twice differentiable at every $\boldsymbol w_k^\top\boldsymbol x$`,
      certainty: "certified",
      method:
        "smooth activations everywhere; ReLU (and ReLU³, C² but cubic only piecewise) need wₖᵀx ≠ 0, checked exactly",
      check: (i) => {
        const ex = i.activation.exact;
        const onKink = ex?.kink === true && i.activation.name === "ReLU" &&
          i.xs.some((x) =>
            i.w.some((wk) => dyadicSum(wk.map((v, j) => Dyadic.of(v).mul(Dyadic.of(x[j])))).sign() === 0)
          );
        return { holds: !onKink, value: onKink ? "some wₖᵀx = 0 (ReLU kink)" : "σ twice differentiable at every wₖᵀx" };
      },
    }],
    conclusion: {
      failure: (c) =>
        `the second-order operator on the network must match its printed formula; ${c.failure ?? c.detail}`,
      statement: String.raw`At 3 points $\boldsymbol x \in [0, 1]^d$:
$\sum_{\alpha\beta}A_{\alpha\beta}(\boldsymbol x)\partial_{x_\alpha}\partial_{x_\beta}h = \sum_k a_k\boldsymbol w_k^\top A(\boldsymbol x)\boldsymbol w_k\sigma''(\boldsymbol w_k^\top\boldsymbol x)$ —
exactly (dyadic rationals; the Hessian from four-point central differences with step $t = 2^{-8}$ halved until no
stencil point crosses a kink) for a cubic $\sigma$, ReLU³ and ReLU; to $64(d^2 + N + 16)\varepsilon\cdot\sum_k|a_k|\sum_{\alpha\beta}|A_{\alpha\beta}w_{k\alpha}w_{k\beta}|\cdot4\max(1, |\boldsymbol w_k^\top\boldsymbol x|)$
with the Hessian by hyper-dual differentiation for tanh, logistic, softplus (built from exp and log) and sin.`,
      check: (i) => check(i, weight),
    },
    parameters: {
      d: { type: "integer", min: 1, max: 6, help: "input dimension d" },
      width: { type: "integer", min: 1, max: 20, help: "width N" },
      activation: namedChoice("0 cubic, 1 ReLU³, 2 ReLU, 3 tanh, 4 logistic, 5 softplus, 6 sin", [
        "cubic",
        "relu3",
        "relu",
        "tanh",
        "logistic",
        "softplus",
        "sin",
      ]),
      kink: flag("1 puts the first point on neuron 0's kink w₀ᵀx = 0"),
    },
    scenarios: [{
      name: "relu-on-kink",
      breaks: "$\\sigma$ twice differentiable at $w_k^\\top x$: the ReLU with $w_0^\\top x = 0$ (σ″ taken as 0 there)",
      params: { activation: 2, kink: 1 },
    }],
    nearMiss: {
      mutant: "the formula without the mixed derivatives: Σₖ aₖ(Σ_α A_αα w_kα²)σ″(wₖᵀx)",
      caughtBy: '`pde_operator_test.ts`, "yang-pde-operator catches the near miss without the mixed terms α ≠ β"',
    },
    sourceGaps: [{
      hypothesis: String
        .raw`$\sigma \in C^2$ (e.g. ReLU³ or tanh): the slide's formula needs $\sigma''$, and the lecture's network uses the ReLU`,
      why: String
        .raw`With the ReLU, $\sigma'' = 0$ off the hyperplanes $w_k^\top x = 0$ (and is $\delta_0$ as a distribution), so both sides are 0 at every point checked:
$\mathcal Lh(x_i;\theta) = 0$ at the samples almost surely and $R_S(\theta) = \frac1{2n}\sum_i f(x_i)^2$ does not depend on $\theta$ (zero gradient) —
the PDE fit cannot be trained. At a kink the second difference grows like $1/t$ (scenario relu-on-kink).`,
      scenario: "relu-on-kink",
    }],
  });
}
