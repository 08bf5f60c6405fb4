/**
 * Chapter 11, §11.1, Theorem 11.3: gradient descent (11.1.5) on f(w) = ‖Aw − y‖² with
 * h ∈ (0, 1/(2s_max(A)²)) converges to w* + ŵ₀, w* the minimum-norm solution and ŵ₀ the component
 * of w₀ in H̃⊥ = ker A, for every rank of A.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import { change, num } from "../../engine/words.ts";
import type { Claim } from "../../engine/claim.ts";
import { trajectoryPlot } from "../../engine/plots/trajectory.ts";
import type { LeastSquares } from "../../models/least_squares.ts";
import { describeLeastSquares, type LeastSquaresInstance } from "../../models/least_squares_instances.ts";
import { LEAST_SQUARES_PARAMETERS, leastSquaresInstance } from "../../models/least_squares_instances.ts";
import { distance, norm } from "../../numerics/compare.ts";
import { EPS, matVec, rowSpaceProjector } from "../../numerics/linalg.ts";
import { gramEigenEnclosure, matrixRows } from "../../numerics/eigen_enclosure.ts";

const SOURCE = "004_9692536818598e94.txt";

/** A GD run of Theorem 11.3: instance, initialisation and step size. */
export interface GdLimitInstance extends LeastSquaresInstance {
  /** w₀. */
  w0: Float64Array;
  /** Step size h. */
  h: number;
}

/** The distance to the limit along the run (about 40 steps kept), for the trajectory plot. */
export interface GdLimitData {
  /** Steps k kept. */
  ks: number[];
  /** ‖w_k − (w* + ŵ₀)‖ at those steps. */
  dists: number[];
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
 * import assert from "node:assert/strict";
 * import { gdLeastSquaresLimit } from "./gd_least_squares_limit.ts";
 * assert.equal(gdLeastSquaresLimit().kind, "limit");
 * ```
 */
export function gdLeastSquaresLimit(
  limit: GdLimit = (ls, w0) => {
    const ws = ls.minNormSolution(), k = ls.kernelComponent(w0);
    return ws.map((v, j) => v + k[j]);
  },
): Claim {
  return defineClaim<GdLimitInstance, GdLimitData>({
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
    describe: (i) => `${describeLeastSquares(i)}, h·2s_max² = ${(i.h * 2 * i.s[0] ** 2).toFixed(3)}`,
    hypotheses: [{
      statement: String.raw`$h \in (0, 1/(2 s_{\max}(A)^2))$`,
      certainty: "certified",
      method:
        "h compared with a rigorous upper bound on s_max(A)² = λ_max(AAᵀ) (numerics/eigen_enclosure.ts: Weyl with the residual of the computed eigenpairs plus the Gram rounding); instances within 1e-9 of the bound (s_max from a float64 SVD) are rejected as well",
      check: (i) => {
        const x = i.h * 2 * i.s[0] ** 2, upper = i.h * 2 * gramEigenEnclosure(matrixRows(i.ls.x)).max;
        return {
          holds: i.h > 0 && x < 1 - 1e-9 && upper < 1,
          value: `h·2s_max² = ${x.toFixed(4)} (with the certified upper bound on s_max²: ${upper.toFixed(4)})`,
        };
      },
    }],
    conclusion: {
      statement: String
        .raw`$\|w_k - (w_* + \hat w_0)\| \le \rho^k \|w_0 - (w_* + \hat w_0)\|$ up to rounding at every step, below
$10^{-10}$ relative after the predicted number of steps, and $P_{\ker A} w_k = \hat w_0$ at every step.`,
      check(i) {
        const { ls, w0, h } = i;
        const target = limit(ls, w0);
        const w0Hat = ls.kernelComponent(w0);
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
          const drift = distance(w.map((v, j) => v - pk[j]), w0Hat);
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
          ...(!holds && {
            failure: `Theorem 11.3 predicts w_k → w* + ŵ₀ at the rate ρᵏ (ρ < 1); at ρ = ${num(rho)} ${
              change("the distance ‖w_k − (w* + ŵ₀)‖", d0, final)
            } in ${steps} steps${rho >= 1 ? ": GD diverged" : ""}`,
          }),
        };
      },
    },
    plots: (records) => [trajectoryPlot(records, "ks", "dists", "‖w_k − (w* + ŵ₀)‖")],
    parameters: {
      ...LEAST_SQUARES_PARAMETERS,
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
    nearMiss: {
      mutant: "the limit w* in place of w* + ŵ₀ (the kernel component of w₀ dropped)",
      caughtBy: '`gd_least_squares_limit_test.ts`, "thm-11.3 catches a limit that forgets ŵ₀ (w* alone)"',
    },
  });
}
