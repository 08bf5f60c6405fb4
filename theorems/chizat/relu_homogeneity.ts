/**
 * Chizat's slides (`003_…`), "Parenthesis (II): homogeneity": the ReLU particle φ(w, x) = c·σ(a·x + b)
 * is positively 2-homogeneous, φ(λw, x) = λ²φ(w, x) for every λ > 0.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import { failedAs } from "../../engine/words.ts";
import type { Claim, ConclusionCheck, Hypothesis, InstanceContext, Scenario } from "../../engine/claim.ts";
import { particleOutput } from "../../models/mean_field.ts";
import { type Activation, relu } from "../../models/activation.ts";
import { atMost, ratio } from "../../numerics/compare.ts";
import { highamGamma } from "../../numerics/rounding.ts";

const SOURCE = "003_ad774dfe7ed191b8.txt";

/** Inputs x at which φ(λw, x) and λ²φ(w, x) are compared. */
const INPUTS_PER_INSTANCE = 8;

/** One particle w = (a, b, c) ∈ ℝ^{d+2}, a scale λ > 0 and inputs x at which φ is compared. */
export interface HomogeneityInstance {
  /** Input dimension d. */
  d: number;
  /** The particle (a, b, c). */
  w: Float64Array;
  /** The scale λ > 0. */
  lambda: number;
  /** Input points, each of length d. */
  xs: Float64Array[];
}

function generate({ rng, params = {} }: InstanceContext): HomogeneityInstance {
  const drawnD = rng.int(1, 6);
  const d = params.d ?? drawnD;
  // Parameters and λ over several orders of magnitude: λ = 10^U(−3, 3).
  const scale = 10 ** rng.uniform(-2, 2);
  const w = Float64Array.from({ length: d + 2 }, () => scale * rng.normal());
  const drawnLambda = 10 ** rng.uniform(-3, 3);
  const lambda = params.lambda ?? drawnLambda;
  const xs = Array.from({ length: INPUTS_PER_INSTANCE }, () => Float64Array.from({ length: d }, () => rng.normal()));
  return { d, w, lambda, xs };
}

const hypotheses: Hypothesis<HomogeneityInstance>[] = [{
  statement: String.raw`$\lambda > 0$, $w \in \mathbb{R}^{d+2}$ finite`,
  certainty: "certified",
  method: "λ and every parameter checked exactly",
  check: (i) => ({
    holds: i.lambda > 0 && Number.isFinite(i.lambda) && i.w.every(Number.isFinite),
    value: `λ = ${i.lambda.toExponential(3)}`,
  }),
}];

/**
 * |φ(λw, x) − λ²φ(w, x)| against the rounding bound 4γ_{d+6}·λ²|c|·(Σ|aₖxₖ| + |b|) of both
 * evaluations, worst over the instance's inputs.
 */
function checkHomogeneity(i: HomogeneityInstance, sigma: Activation): ConclusionCheck {
  const { d, w, lambda } = i;
  const scaled = w.map((v) => lambda * v);
  const c = w[d + 1];
  let holds = true, worst = 0, worstObserved = 0, worstBound = 0;
  for (const x of i.xs) {
    const lhs = particleOutput(scaled, 0, x, sigma);
    const rhs = lambda * lambda * particleOutput(w, 0, x, sigma);
    let absSum = Math.abs(w[d]);
    for (let k = 0; k < d; k++) absSum += Math.abs(w[k] * x[k]);
    const bound = 4 * highamGamma(d + 6) * lambda * lambda * Math.abs(c) * absSum;
    const cmp = atMost(Math.abs(lhs - rhs), bound);
    holds &&= cmp.ok;
    const t = ratio(cmp.observed, cmp.bound);
    if (!(t <= worst)) {
      worst = t;
      worstObserved = cmp.observed;
      worstBound = cmp.bound;
    }
  }
  return {
    holds,
    observed: worstObserved,
    bound: worstBound,
    tightness: worst,
    detail: `max |φ(λw,x) − λ²φ(w,x)| = ${worstObserved.toExponential(2)} vs rounding bound ${
      worstBound.toExponential(2)
    } (σ = ${sigma.name})`,
  };
}

const scenarios: Scenario[] = [{
  name: "negative-lambda",
  breaks: "$\\lambda > 0$: the scale $\\lambda = -1$ (ReLU is only positively homogeneous)",
  params: { lambda: -1 },
}, {
  name: "zero-lambda",
  breaks: "$\\lambda > 0$: the scale $\\lambda = 0$ (the boundary; both sides vanish)",
  params: { lambda: 0 },
}];

/**
 * `chizat-homogeneity`: φ(λw, x) = λ²φ(w, x) for every λ > 0, exactly up to a rigorous
 * floating-point bound. The activation is a parameter so that a non-homogeneous one can be shown
 * to be caught.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reluHomogeneity } from "./relu_homogeneity.ts";
 * assert.equal(reluHomogeneity().kind, "exact");
 * ```
 */
export function reluHomogeneity(sigma: Activation = relu): Claim {
  return defineClaim<HomogeneityInstance>({
    id: "chizat-homogeneity",
    title: "The ReLU particle c·σ(a·x + b) is positively 2-homogeneous",
    kind: "exact",
    source: { document: SOURCE, where: "slides, “Two-layer neural networks” and “Parenthesis (II): homogeneity”" },
    statement: String
      .raw`With $\phi(w_i, x) = c_i\sigma(a_i\cdot x + b_i)$, $w_i = (a_i, b_i, c_i) \in \mathbb{R}^p$ and
$\sigma$ the ReLU: $\phi$ is positively 2-homogeneous, $\phi(\lambda w, x) = \lambda^2\phi(w, x)$ for all $\lambda > 0$.`,
    tightness:
      "max over the inputs of |φ(λw, x) − λ²φ(w, x)| over the rigorous rounding bound 4γ_{d+6}·λ²|c|·(Σ|aₖxₖ| + |b|)",
    instances: { test: 200, report: 2000 },
    generate,
    describe: (i) =>
      `d = ${i.d}, λ = ${i.lambda.toExponential(2)}, ‖w‖∞ = ${Math.max(...i.w.map(Math.abs)).toFixed(3)}`,
    hypotheses,
    conclusion: {
      failure: (c) => failedAs("φ(λw, x) = λ²φ(w, x) for λ > 0, to rounding", c),
      statement: String
        .raw`$|\phi(\lambda w, x) - \lambda^2\phi(w, x)| \le 4\gamma_{d+6}\,\lambda^2|c|\,(\sum_k|a_kx_k| + |b|)$
at 8 random inputs $x$ (the right side bounds the rounding of both evaluations: $d$ products and $d$ sums for
$a\cdot x + b$, the scalings by $\lambda$, σ 1-Lipschitz, the product by $c$ and by $\lambda^2$).`,
      check: (i) => checkHomogeneity(i, sigma),
    },
    parameters: {
      d: { type: "integer", min: 1, max: 20, help: "input dimension d (the particle has d + 2 coordinates)" },
      lambda: {
        type: "number",
        min: -10,
        max: 1000,
        help: "the scale λ (the hypothesis is λ > 0; drawn log-uniformly in [10⁻³, 10³])",
      },
    },
    scenarios,
    nearMiss: {
      mutant: "σ(z) = max{0, z}^{5/4}, whose particle is (2 + 1/4)-homogeneous (the degree off by 1/4)",
      caughtBy:
        '`relu_homogeneity_test.ts`, "chizat-homogeneity catches the near miss σ(z) = max{0, z}^{5/4}: a particle (2 + 1/4)-homogeneous"',
    },
  });
}
