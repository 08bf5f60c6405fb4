/**
 * Chapter 11, §11.1, Proposition 11.2: the minimum-norm solution of linear least squares
 * f(w) = ‖Aw − y‖² (11.1.1)–(11.1.2) exists, is unique, lies in H̃ = span{xᵢ} and is the unique
 * minimiser of f there (11.1.4). The printed definition (11.1.3) uses a strict inequality, which
 * makes its set empty: shown as an erratum.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim, ConclusionCheck, ConclusionData } from "../../engine/claim.ts";
import { NamedChecks } from "../../engine/verdicts/worst_of_checks.ts";
import type { LeastSquares } from "../../models/least_squares.ts";
import { describeLeastSquares, type LeastSquaresInstance } from "../../models/least_squares_instances.ts";
import { LEAST_SQUARES_PARAMETERS, leastSquaresInstance } from "../../models/least_squares_instances.ts";
import { distance, norm } from "../../numerics/compare.ts";
import { EPS, Matrix, matVec, rowSpaceProjector, transposeMatVec } from "../../numerics/linalg.ts";
import { solve } from "ml-matrix";

const SOURCE = "004_9692536818598e94.txt";

/** The minimum-norm solution under test: A⁺y by default. */
export type MinNormSolver = (ls: LeastSquares) => Float64Array;

/** Float64 error scale of the instance: (m + d)·ε·κ⁺, κ⁺ = s_max / s_min⁺. */
function roundingScale(i: LeastSquaresInstance): number {
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
  const a = ls.x, tol = roundingScale(i);
  const wNorm = norm(w), yNorm = norm(ls.y), smax = i.s[0], smin = i.s[i.rank - 1];
  const scale = wNorm + yNorm / smin;
  const checks = new NamedChecks();
  // (i) normal equations Aᵀ(Aw − y) = 0.
  checks.add("‖Aᵀ(Aw − y)‖", norm(ls.gradient(w)) / 2, tol * smax * (smax * scale + yNorm));
  // (ii) w ∈ H̃: its kernel component vanishes.
  const p = rowSpaceProjector(a);
  checks.add("‖(I − P_H̃)w‖", distance(matVec(p, w), w), tol * scale);
  const fw = ls.loss(w);
  for (const g of i.probes) {
    const k = g.map((v, j) => v - matVec(p, g)[j]);
    const z = matVec(p, g);
    // (iii) w + k, k ∈ ker A: same loss, norm² grows by ‖k‖² (Pythagoras, since w ⊥ ker A).
    if (norm(k) > 1e-8) {
      checks.add(
        "|f(w + k) − f(w)|, k ∈ ker A",
        Math.abs(ls.loss(w.map((v, j) => v + k[j])) - fw),
        tol * (fw + yNorm ** 2 + 1),
      );
      const grow = norm(w.map((v, j) => v + k[j])) ** 2 - wNorm ** 2;
      checks.add("‖k‖² − (‖w + k‖² − ‖w‖²)", Math.abs(grow - norm(k) ** 2), tol * (norm(k) + wNorm) ** 2);
    }
    // (iv) strict increase along H̃: f(w + z) − f(w) ≥ s_min⁺²‖z‖².
    const rise = ls.loss(w.map((v, j) => v + z[j])) - fw;
    checks.add(
      "s_min⁺²‖z‖² − (f(w + z) − f(w)), z ∈ H̃",
      smin ** 2 * norm(z) ** 2 - rise,
      tol * (fw + (smax * (norm(z) + scale)) ** 2 + 1),
    );
  }
  // (v) Tikhonov route: ‖w_λ − A⁺y‖ ≤ (λ/s_min⁺²)‖A⁺y‖ + LU error cond(AᵀA + λI)·ε·scale.
  const lambda = 1e-7 * smax ** 2;
  const gram = a.transpose().mmul(a).add(Matrix.eye(a.columns).mul(lambda));
  const wTik = solve(gram, Matrix.columnVector(Array.from(transposeMatVec(a, ls.y)))).getColumn(0);
  const cond = (smax ** 2 + lambda) / lambda;
  checks.add(
    "‖w − w_Tikhonov‖",
    distance(w, wTik),
    (lambda / smin ** 2) * scale + 64 * a.columns * cond * EPS * scale,
  );
  return checks.result<ConclusionData>("", undefined, "its rounding bound");
}

/**
 * `prop-11.2`: the minimum-norm least-squares solution exists, is unique, lies in span{xᵢ} and
 * is the unique minimiser there. The printed definition (11.1.3) uses a strict inequality, which
 * makes its set empty: shown as an erratum.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { minNormLeastSquares } from "./min_norm_least_squares.ts";
 * assert.ok(minNormLeastSquares().erratum !== undefined);
 * ```
 */
export function minNormLeastSquares(solver: MinNormSolver = (ls) => ls.minNormSolution()): Claim {
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
    describe: describeLeastSquares,
    hypotheses: [{
      statement: "$A \\in \\mathbb{R}^{m\\times d}$, $y \\in \\mathbb{R}^m$ as in (11.1.1) (any shape and rank)",
      certainty: "certified",
      method: "shapes and finiteness checked exactly; rank from the SVD",
      check: (i) => ({ holds: i.ls.y.every(Number.isFinite) && i.rank >= 1, value: describeLeastSquares(i) }),
    }],
    conclusion: {
      failure: (c) =>
        `Proposition 11.2 (printed): A⁺y is the minimum-norm least-squares solution; ${c.failure ?? c.detail}`,
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
      failure: (c) => `the corrected Proposition 11.2: ${c.failure ?? c.detail}`,
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
    parameters: LEAST_SQUARES_PARAMETERS,
    unbreakable:
      "Proposition 11.2 has no hypothesis beyond A ∈ ℝ^{m×d}, y ∈ ℝ^m: it holds for every shape and rank (full column rank, rank-deficient and m < d are all sampled).",
    nearMiss: {
      mutant:
        "the ridge solution (AᵀA + λI)⁻¹Aᵀy with λ = 10⁻⁶‖AᵀA‖_F in place of A⁺y (the Tikhonov route not taken to its limit)",
      caughtBy:
        '`min_norm_least_squares_test.ts`, "prop-11.2 catches the near miss ridge (AᵀA + λI)⁻¹Aᵀy, λ = 10⁻⁶‖AᵀA‖_F, for A⁺y"',
    },
  });
}
