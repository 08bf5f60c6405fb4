/**
 * Chapter 11, Section 11.1: linear least squares, the minimum-norm solution (Proposition 11.2) and
 * the limit of gradient descent (Theorem 11.3).
 *
 * @module
 */
import { defineClaim } from "../engine/claim.ts";
import type { Claim, ConclusionCheck } from "../engine/claim.ts";
import { LeastSquares } from "../models/least_squares.ts";
import { distance, norm, ratio } from "../numerics/compare.ts";
import {
  EPS,
  Matrix,
  matrixWithSingularValues,
  matVec,
  rowSpaceProjector,
  svd,
  transposeMatVec,
} from "../numerics/linalg.ts";
import { solve } from "ml-matrix";
import type { Rng } from "../numerics/random.ts";
import { trajectoryPlot } from "../engine/plots/trajectory.ts";

const SOURCE = "004_9692536818598e94.txt";

/** A least-squares instance of (11.1.1)–(11.1.2) (f = ‖Aw − y‖²). */
export interface LeastSquaresInstance {
  /** f(w) = ‖Aw − y‖². */
  ls: LeastSquares;
  /** "full column rank", "rank-deficient" or "m < d". */
  shape: string;
  /** Rank of A. */
  rank: number;
  /** Singular values of A, decreasing (zeros included up to min(m, d)). */
  s: Float64Array;
  /** Random directions used to probe minimality and uniqueness. */
  probes: Float64Array[];
}

/** A with controlled nonzero singular values in [0.3, 2]: full column rank, rank-deficient, or m < d. */
function leastSquaresInstance(
  rng: Rng,
  index: number,
  params: Readonly<Record<string, number>> = {},
): LeastSquaresInstance {
  let m: number, d: number, rank: number, shape: string;
  switch (index % 3) {
    case 0:
      d = rng.int(1, 5), m = d + rng.int(1, 4), rank = d, shape = "full column rank";
      break;
    case 1:
      m = rng.int(2, 7), d = rng.int(2, 7), rank = rng.int(1, Math.min(m, d) - 1), shape = "rank-deficient";
      break;
    default:
      m = rng.int(1, 5), d = m + rng.int(1, 4), rank = m, shape = "m < d";
  }
  if (params.m !== undefined || params.d !== undefined) {
    m = params.m ?? m, d = params.d ?? d, rank = Math.min(rank, m, d);
    shape = rank < Math.min(m, d)
      ? "rank-deficient"
      : m > d
      ? "full column rank"
      : m < d
      ? "m < d"
      : "square, full rank";
  }
  const sv = Array.from({ length: rank }, () => rng.uniform(0.3, 2)).sort((a, b) => b - a);
  const a = matrixWithSingularValues(rng, m, d, sv);
  const y = Float64Array.from({ length: m }, () => rng.normal());
  const probes = Array.from({ length: 4 }, () => Float64Array.from({ length: d }, () => rng.normal()));
  return { ls: new LeastSquares(a, y, 1), shape, rank, s: svd(a).s, probes };
}

function describeLs(i: LeastSquaresInstance): string {
  return `A ${i.ls.x.rows}×${i.ls.x.columns}, ${i.shape}, rank ${i.rank}`;
}

/** The minimum-norm solution under test: A⁺y by default. */
export type MinNormSolver = (ls: LeastSquares) => Float64Array;

/** Float64 error scale of the instance: (m + d)·ε·κ⁺, κ⁺ = s_max / s_min⁺. */
function roundoff(i: LeastSquaresInstance): number {
  const smin = i.s[i.rank - 1], smax = i.s[0];
  return 64 * (i.ls.x.rows + i.ls.x.columns) * EPS * (smax / smin);
}

/**
 * Checks the content of Proposition 11.2 on w (with f = ‖Aw − y‖²): (i) w minimises f (normal
 * equations), (ii) w ∈ H̃ = span{xᵢ}, (iii) w + k is also a minimiser but longer for k ∈ ker A,
 * (iv) f(w + z) − f(w) = ‖Az‖² ≥ s_min⁺²‖z‖² > 0 for z ∈ H̃ (the unique minimiser in H̃),
 * (v) w agrees with an independent route, the Tikhonov limit (AᵀA + λI)⁻¹Aᵀy by LU.
 */
function minNormProperties(i: LeastSquaresInstance, w: Float64Array): ConclusionCheck {
  const { ls } = i;
  const a = ls.x, tol = roundoff(i);
  const wNorm = norm(w), yNorm = norm(ls.y), smax = i.s[0], smin = i.s[i.rank - 1];
  const scale = wNorm + yNorm / smin;
  const checks: [string, number, number][] = [];
  // (i) normal equations Aᵀ(Aw − y) = 0.
  checks.push(["‖Aᵀ(Aw − y)‖", norm(ls.gradient(w)) / 2, tol * smax * (smax * scale + yNorm)]);
  // (ii) w ∈ H̃: its kernel component vanishes.
  const p = rowSpaceProjector(a);
  checks.push(["‖(I − P_H̃)w‖", distance(matVec(p, w), w), tol * scale]);
  const fw = ls.loss(w);
  for (const g of i.probes) {
    const k = g.map((v, j) => v - matVec(p, g)[j]);
    const z = matVec(p, g);
    // (iii) w + k, k ∈ ker A: same loss, norm² grows by ‖k‖² (Pythagoras, since w ⊥ ker A).
    if (norm(k) > 1e-8) {
      checks.push([
        "|f(w + k) − f(w)|, k ∈ ker A",
        Math.abs(ls.loss(w.map((v, j) => v + k[j])) - fw),
        tol * (fw + yNorm ** 2 + 1),
      ]);
      const grow = norm(w.map((v, j) => v + k[j])) ** 2 - wNorm ** 2;
      checks.push(["‖k‖² − (‖w + k‖² − ‖w‖²)", Math.abs(grow - norm(k) ** 2), tol * (norm(k) + wNorm) ** 2]);
    }
    // (iv) strict increase along H̃: f(w + z) − f(w) ≥ s_min⁺²‖z‖².
    const rise = ls.loss(w.map((v, j) => v + z[j])) - fw;
    checks.push([
      "s_min⁺²‖z‖² − (f(w + z) − f(w)), z ∈ H̃",
      smin ** 2 * norm(z) ** 2 - rise,
      tol * (fw + (smax * (norm(z) + scale)) ** 2 + 1),
    ]);
  }
  // (v) Tikhonov route: ‖w_λ − A⁺y‖ ≤ (λ/s_min⁺²)‖A⁺y‖ + LU error cond(AᵀA + λI)·ε·scale.
  const lambda = 1e-7 * smax ** 2;
  const gram = a.transpose().mmul(a).add(Matrix.eye(a.columns).mul(lambda));
  const wTik = solve(gram, Matrix.columnVector(Array.from(transposeMatVec(a, ls.y)))).getColumn(0);
  const cond = (smax ** 2 + lambda) / lambda;
  checks.push([
    "‖w − w_Tikhonov‖",
    distance(w, wTik),
    (lambda / smin ** 2) * scale + 64 * a.columns * cond * EPS * scale,
  ]);
  let worst = 0, worstName = "", holds = true;
  for (const [name, obs, bnd] of checks) {
    const r = ratio(obs, bnd);
    if (!(obs <= bnd)) holds = false;
    if (!(r <= worst)) [worst, worstName] = [r, name];
  }
  return {
    holds,
    observed: worst,
    bound: 1,
    tightness: worst,
    detail: `${checks.length} checks; worst ${worstName}: ${worst.toExponential(2)} of its rounding bound`,
  };
}

/**
 * `prop-11.2`: the minimum-norm least-squares solution exists, is unique, lies in span{xᵢ} and
 * is the unique minimiser there. The printed definition (11.1.3) uses a strict inequality, which
 * makes its set empty: shown as an erratum.
 *
 * @example
 * ```ts
 * import { prop112 } from "./ch11_least_squares.ts";
 * console.assert(prop112().erratum !== undefined);
 * ```
 */
export function prop112(solver: MinNormSolver = (ls) => ls.minNormSolution()): Claim {
  return defineClaim<LeastSquaresInstance>({
    id: "prop-11.2",
    title: "The minimum-norm least-squares solution",
    kind: "exact",
    source: { document: SOURCE, where: "Chapter 11, §11.1, (11.1.1)–(11.1.4), Proposition 11.2" },
    statement: String
      .raw`$w_* := \operatorname{argmin}_{\{w \in \mathbb{R}^d \mid f(w) < f(v)\ \forall v \in \mathbb{R}^d\}} \|w\|$ (11.1.3).
**Proposition 11.2.** Let $A \in \mathbb{R}^{m\times d}$ and $y \in \mathbb{R}^m$ be as in (11.1.1). There exists a unique
minimum 2-norm solution of (11.1.2). Denoting $\tilde H := \operatorname{span}\{x_1, \dots, x_m\}$, it is the unique element
$w_* = \operatorname{argmin}_{\tilde w \in \tilde H} f(\tilde w) \in \tilde H$ (11.1.4).`,
    tightness: "worst observed residual over its float64 rounding bound, across the five properties checked",
    instances: { test: 30, report: 300 },
    generate: ({ rng, index, params }) => leastSquaresInstance(rng, index, params),
    describe: describeLs,
    parameters: {
      m: { type: "integer", min: 1, max: 30, help: "number of data points (rows of A)" },
      d: { type: "integer", min: 1, max: 30, help: "dimension (columns of A)" },
    },
    unbreakable:
      "Proposition 11.2 has no hypothesis beyond A ∈ ℝ^{m×d}, y ∈ ℝ^m: it holds for every shape and rank (full column rank, rank-deficient and m < d are all sampled).",
    hypotheses: [{
      statement: "$A \\in \\mathbb{R}^{m\\times d}$, $y \\in \\mathbb{R}^m$ as in (11.1.1) (any shape and rank)",
      certainty: "certified",
      method: "shapes and finiteness checked exactly; rank from the SVD",
      check: (i) => ({ holds: i.ls.y.every(Number.isFinite) && i.rank >= 1, value: describeLs(i) }),
    }],
    conclusion: {
      statement: String
        .raw`The set of (11.1.3) contains a minimum-norm element, it is unique, lies in $\tilde H$ and is the
unique minimiser in $\tilde H$. Membership in the printed set is tested with $v = w$: $f(w) < f(w)$.`,
      check(i) {
        const w = solver(i.ls);
        const props = minNormProperties(i, w);
        // The printed set requires f(w) < f(v) for every v, in particular for v = w.
        const inPrintedSet = i.ls.loss(w) < i.ls.loss(w);
        return {
          ...props,
          holds: props.holds && inPrintedSet,
          detail: `w* = A⁺y is not in the printed set (f(w*) < f(w*) is false); ${props.detail}`,
        };
      },
    },
    erratum: {
      printed: String.raw`$w_* := \operatorname{argmin}_{\{w \mid f(w) < f(v)\ \forall v\}} \|w\|$ (11.1.3)`,
      corrected: String
        .raw`$w_* := \operatorname{argmin}_{\{w \mid f(w) \le f(v)\ \forall v\}} \|w\|$, as in the definition of $w_*$ in §11.2`,
      reasoning:
        "Taking v = w in (11.1.3) requires f(w) < f(w), so the printed set is empty and argmin over it does not exist. The proof of Proposition 11.2 works with the set M of minimisers, and §11.2 defines the same object with ≤: the strict inequality is a typo.",
      check(i) {
        const w = solver(i.ls);
        const props = minNormProperties(i, w);
        return { ...props, detail: `with ≤: ${props.detail}` };
      },
    },
  });
}

/** A GD run of Theorem 11.3: instance, initialisation and step size. */
export interface GdLimitInstance extends LeastSquaresInstance {
  /** w₀. */
  w0: Float64Array;
  /** Step size h. */
  h: number;
}

/** The limit under test: w* + ŵ₀ by default. */
export type GdLimit = (ls: LeastSquares, w0: Float64Array) => Float64Array;

/**
 * `thm-11.3`: GD on f(w) = ‖Aw − y‖² with h ∈ (0, 1/(2 s_max(A)²)) converges to w* + ŵ₀, for
 * every rank of A, and the component of w in ker A never changes. The limit is a parameter so
 * that a wrong one can be shown to be caught.
 *
 * @example
 * ```ts
 * import { thm113 } from "./ch11_least_squares.ts";
 * console.assert(thm113().kind === "limit");
 * ```
 */
export function thm113(
  limit: GdLimit = (ls, w0) => {
    const ws = ls.minNormSolution(), k = ls.kernelComponent(w0);
    return ws.map((v, j) => v + k[j]);
  },
): Claim {
  return defineClaim<GdLimitInstance>({
    id: "thm-11.3",
    title: "GD on least squares converges to w* + ŵ₀",
    kind: "limit",
    source: { document: SOURCE, where: "Chapter 11, §11.1, Theorem 11.3, (11.1.5)" },
    statement: String
      .raw`**Theorem 11.3.** Let $A \in \mathbb{R}^{m\times d}$ be as in (11.1.1), let $w_0 = \tilde w_0 + \hat w_0$ where
$\tilde w_0 \in \tilde H$ and $\hat w_0 \in \tilde H^\perp$. Fix $h \in (0, 1/(2s_{\max}(A)^2))$ and set
$w_{k+1} := w_k - h\nabla f(w_k)$ (11.1.5) with $f$ in (11.1.2). Then $\lim_{k\to\infty} w_k = w_* + \hat w_0$.`,
    tightness:
      "worst over steps k of ‖w_k − (w* + ŵ₀)‖ / (ρ^k‖w₀ − (w* + ŵ₀)‖), ρ = max over s > 0 of |1 − 2hs²|: 1 means the linear rate is attained",
    instances: { test: 30, report: 300 },
    generate({ rng, index, params = {} }) {
      const base = leastSquaresInstance(rng, index, params);
      const w0 = Float64Array.from({ length: base.ls.x.columns }, () => rng.normal());
      // h up to 1.1× the theorem's bound, so that the hypothesis is genuinely checked.
      const hRatio = rng.uniform(0.05, 1.1);
      const h = (params.hRatio ?? hRatio) / (2 * base.s[0] ** 2);
      return { ...base, w0, h };
    },
    parameters: {
      m: { type: "integer", min: 1, max: 30, help: "number of data points (rows of A)" },
      d: { type: "integer", min: 1, max: 30, help: "dimension (columns of A)" },
      hRatio: { type: "number", min: 0.01, max: 4, help: "h·2s_max(A)² (the hypothesis is < 1)" },
    },
    scenarios: [
      {
        name: "h-up-to-twice-the-bound",
        breaks: "$h < 1/(2s_{\\max}^2)$: $h = 1.5/(2s_{\\max}^2)$, still below $1/s_{\\max}^2 = 2/\\beta$",
        params: { hRatio: 1.5 },
      },
      {
        name: "h-beyond-2-over-beta",
        breaks: "$h < 1/(2s_{\\max}^2)$: $h = 2.5/(2s_{\\max}^2)$, above $1/s_{\\max}^2 = 2/\\beta$",
        params: { hRatio: 2.5 },
      },
    ],
    describe: (i) => `${describeLs(i)}, h·2s_max² = ${(i.h * 2 * i.s[0] ** 2).toFixed(3)}`,
    hypotheses: [{
      statement: String.raw`$h \in (0, 1/(2 s_{\max}(A)^2))$`,
      certainty: "certified",
      method: "s_max from a float64 SVD (relative error ≲ 1e-15); instances within 1e-9 of the bound are rejected",
      check: (i) => {
        const x = i.h * 2 * i.s[0] ** 2;
        return { holds: i.h > 0 && x < 1 - 1e-9, value: `h·2s_max² = ${x.toFixed(4)}` };
      },
    }],
    conclusion: {
      statement: String
        .raw`$\|w_k - (w_* + \hat w_0)\| \le \rho^k \|w_0 - (w_* + \hat w_0)\|$ up to rounding at every step, below
$10^{-10}$ relative after the predicted number of steps, and $P_{\ker A} w_k = \hat w_0$ at every step.`,
      check(i) {
        const { ls, w0, h } = i;
        const target = limit(ls, w0);
        const what = ls.kernelComponent(w0);
        const p = rowSpaceProjector(ls.x);
        const positive = Array.from(i.s).filter((s) => s > 0).slice(0, i.rank);
        const rho = Math.max(...positive.map((s) => Math.abs(1 - 2 * h * s * s)));
        const d0 = distance(w0, target);
        const scale = norm(w0) + norm(target) + 1;
        const tolFinal = 1e-10 * scale;
        // Steps for ρ^k·d₀ to fall below tol (500 when ρ ≥ 1: no convergence predicted).
        const steps = rho < 1
          ? Math.min(100_000, Math.ceil(Math.log(tolFinal / Math.max(d0, 1e-300)) / Math.log(rho)) + 1)
          : 500;
        const perStep = 64 * (ls.x.rows + ls.x.columns) * EPS * scale * (i.s[0] / i.s[i.rank - 1]);
        let w = w0, holds = true, worst = 0, kernelDrift = 0;
        const ks: number[] = [0], dists: number[] = [d0];
        for (let k = 1; k <= steps; k++) {
          w = ls.gdStep(w, h);
          const dk = distance(w, target), predicted = rho ** k * d0, slack = (k + 1) * perStep;
          if (k === steps || k % Math.ceil(steps / 40) === 0) ks.push(k), dists.push(dk);
          if (!(dk <= predicted + slack)) holds = false;
          if (predicted > 1e3 * slack) worst = Math.max(worst, dk / predicted);
          // The kernel component: w_k − P_H̃ w_k must equal ŵ₀.
          const pk = matVec(p, w);
          const drift = distance(w.map((v, j) => v - pk[j]), what);
          kernelDrift = Math.max(kernelDrift, drift / slack);
          if (!(drift <= slack)) holds = false;
        }
        const final = distance(w, target);
        holds &&= final <= tolFinal + (steps + 1) * perStep;
        return {
          holds,
          observed: worst,
          bound: 1,
          tightness: worst,
          detail: `${steps} steps, ρ = ${rho.toFixed(4)}: ‖w_K − (w* + ŵ₀)‖ = ${
            final.toExponential(2)
          }; kernel drift ≤ ${kernelDrift.toExponential(1)} of its rounding bound`,
          data: { ks, dists },
        };
      },
    },
    plots: (records) => [trajectoryPlot(records, "ks", "dists", "‖w_k − (w* + ŵ₀)‖")],
  });
}
