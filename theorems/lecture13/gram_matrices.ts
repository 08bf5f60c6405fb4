/**
 * `yang-gram` — Lecture 13 (002, Haizhao Yang, arXiv:2106.06682), slides 'NTK k^(a)', 'discrete NTK
 * matrix', 'law of large numbers': K̂^(a)(θ) and K̂^(w)(θ) are PSD Gram matrices, and K̂^(a)(θ⁰) → K^(a)
 * (ReLU closed form) as N → ∞, in the lecture's conventions (h = Σ_k a_kσ(w_kᵀx), K̂ with 1/N).
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import { failedAs } from "../../engine/words.ts";
import type { Claim } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM, confidencePercent } from "../../engine/false_alarm.ts";
import { logLogScatter } from "../../engine/plots/log_log.ts";
import { withData } from "../../engine/records.ts";
import { exponentTest, formatExponent, logLogFit } from "../../engine/verdicts/log_log_fit.ts";
import { GRAM_INITIALISATIONS, GRAM_PARAMETERS, GRAM_WIDTHS, gramInputs } from "../../models/lecture_gram_sweep.ts";
import { kernelA, kernelGram, LectureNetwork } from "../../models/lecture_network.ts";
import { norm, ratio } from "../../numerics/compare.ts";
import { isPsd } from "../../numerics/linalg.ts";

const SOURCE = "002_4e8ee8a272f9d000.txt";

/** An instance of `yang-gram`: a sample, a width, and independent initialisations. */
export interface GramMatricesInstance {
  /** The network (sample and width). */
  net: LectureNetwork;
  /** Independent θ⁰ draws (a_k ~ N(0, γ²), w_k ~ N(0, I_d)). */
  thetas: Float64Array[];
  /** A θ away from initialisation (θ⁰ plus an O(1) perturbation): PSD must hold for every θ. */
  moved: Float64Array;
}

/** What an instance keeps for the rate fit. */
export interface GramMatricesData {
  /** Width N. */
  width: number;
  /** RMS over the draws of ‖K̂^(a)(θ⁰) − K^(a)‖_F. */
  rms: number;
  /** ‖K^(a)‖_F. */
  scale: number;
}

/** The limit kernel under test for K̂^(a). */
export type GramLimit = (x: ArrayLike<number>, y: ArrayLike<number>) => number;

/**
 * `yang-gram`: K̂^(a)(θ) and K̂^(w)(θ) are PSD Gram matrices, and K̂^(a)(θ⁰) → K^(a) (ReLU
 * closed form) as N → ∞, with the fitted rate over a width sweep.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gramMatrices } from "./gram_matrices.ts";
 * assert.equal(gramMatrices().id, "yang-gram");
 * ```
 */
export function gramMatrices(limit: GramLimit = kernelA): Claim {
  return defineClaim<GramMatricesInstance, GramMatricesData>({
    id: "yang-gram",
    title: "Discrete NTK matrices are PSD Gram matrices; K̂^(a) → K^(a)",
    kind: "exact",
    source: {
      document: SOURCE,
      where: "Lecture 13, slides 'NTK k^(a)', 'discrete NTK matrix', 'law of large numbers'",
    },
    statement: String
      .raw`$\hat{\boldsymbol K}^{(a)}_{ij}(\theta) = \frac1N\sum_{k=1}^N g^{(a)}(\boldsymbol w_k; \boldsymbol x_i, \boldsymbol x_j)$ and
$\hat{\boldsymbol K}^{(w)}_{ij}(\theta) = \frac1N\sum_{k=1}^N g^{(w)}(a_k, \boldsymbol w_k; \boldsymbol x_i, \boldsymbol x_j)$ "are both Gram matrices (positive semi-definite)";
law of large numbers: $\hat{\boldsymbol K}^{(a)} \to \boldsymbol K^{(a)}$, $K^{(a)}_{ij} = \mathbb E_{\boldsymbol w\sim\mathcal N(0, I_d)}\sigma(\boldsymbol w^\top\boldsymbol x_i)\sigma(\boldsymbol w^\top\boldsymbol x_j)$,
for ReLU $= \frac{\|\boldsymbol x_i\|\|\boldsymbol x_j\|}{2\pi}(\sin\vartheta + (\pi - \vartheta)\cos\vartheta)$.`,
    tightness:
      "PSD: most negative eigenvalue over the eigensolver tolerance (≤ 1 passes); rate: fitted exponent in the aggregate",
    instances: { test: 15, report: 50 },
    falseAlarm: CHECK_FALSE_ALARM,
    generate({ rng, index, params = {} }) {
      const drawnN = rng.int(2, 6), drawnD = rng.int(2, 4);
      const n = params.n ?? drawnN, d = params.d ?? drawnD;
      const width = params.width ?? GRAM_WIDTHS[index % GRAM_WIDTHS.length];
      // params.zeroInput = 1: the first point is the origin (breaks xᵢ ≠ 0), after the same draws.
      const xs = gramInputs(rng, n, d, params.zeroInput === 1);
      const net = new LectureNetwork(xs, new Float64Array(n), width);
      const gamma = 1 / Math.sqrt(width);
      const thetas = Array.from({ length: GRAM_INITIALISATIONS }, () => net.initialise(rng, gamma));
      const moved = thetas[0].map((v) => v + rng.normal());
      return { net, thetas, moved };
    },
    describe: (i) =>
      `n = ${i.net.xs.length}, d = ${i.net.dim}, N = ${i.net.width}, γ = 1/√N, ${GRAM_INITIALISATIONS} draws of θ⁰`,
    hypotheses: [{
      statement: "$\\sigma$ = ReLU, $\\boldsymbol x_i \\ne 0$",
      certainty: "certified",
      method: "checked exactly",
      check: (i) => ({ holds: i.net.xs.every((x) => norm(x) > 0), value: `n = ${i.net.xs.length}` }),
    }],
    conclusion: {
      failure: (c) => failedAs("every discrete NTK matrix K̂^(a), K̂^(w) must be PSD", c),
      statement:
        "$\\hat K^{(a)}(\\theta)$, $\\hat K^{(w)}(\\theta)$ PSD (eigensolver tolerance) at every θ⁰ draw and at a moved θ; the error $\\|\\hat K^{(a)}(\\theta^0) - K^{(a)}\\|_F$ is recorded for the rate fit",
      check(i) {
        const target = kernelGram(limit, i.net.xs);
        let holds = true, worst = 0, sq = 0;
        for (const theta of [...i.thetas, i.moved]) {
          for (const k of [i.net.gramA(theta), i.net.gramW(theta)]) {
            const t = isPsd(k);
            holds &&= t.psd;
            worst = Math.max(worst, ratio(Math.max(-t.minEigenvalue, 0), t.tolerance));
          }
        }
        for (const theta of i.thetas) sq += i.net.gramA(theta).sub(target).norm("frobenius") ** 2;
        const rms = Math.sqrt(sq / i.thetas.length);
        return {
          holds,
          observed: worst,
          bound: 1,
          tightness: worst,
          detail: `PSD at all θ (worst −λ_min/tol = ${worst.toExponential(2)}); RMS ‖K̂^(a) − K^(a)‖_F = ${
            rms.toExponential(3)
          } at N = ${i.net.width}`,
          data: { width: i.net.width, rms, scale: target.norm("frobenius") },
        };
      },
    },
    aggregate(records) {
      const pts = withData(records).map(({ data }) => data);
      if (pts.length < 5) return { holds: "inconclusive", summary: "too few widths" };
      // The relative error ‖K̂^(a) − K^(a)‖_F/‖K^(a)‖_F: the inputs' norms are drawn in [0.5, 2], so the absolute
      // error's constant varies by up to 16× between instances, which the common-intercept fit does not model
      // (it widened the slope's interval until "below 0" failed on correct code in about 2% of seeds).
      const fit = logLogFit(pts.map((p) => p.width), pts.map((p) => p.rms / p.scale), 1 - CHECK_FALSE_ALARM);
      const { lo, hi } = fit.slopeInterval;
      const holds = hi < 0 && lo <= -0.5 && -0.5 <= hi;
      return {
        holds,
        summary: `log RMS ‖K̂^(a)(θ⁰) − K^(a)‖_F/‖K^(a)‖_F against log N over N ∈ {${GRAM_WIDTHS.join(", ")}}: slope ${
          fit.slope.toFixed(3)
        }, ${confidencePercent(CHECK_FALSE_ALARM)} CI [${lo.toFixed(3)}, ${
          hi.toFixed(3)
        }]; convergence needs the CI below 0, and the law-of-large-numbers rate −1/2 must lie in it`,
        alpha: CHECK_FALSE_ALARM,
        // −1/2 outside the CI is the two-sided t test at level α; "below 0" is a further condition.
        tests: [exponentTest(fit, {
          name: "exponent of the relative K̂^(a) error in N (= −1/2)",
          rate: -0.5,
          sides: "two-sided",
          alpha: CHECK_FALSE_ALARM,
        })],
        rows: [["fitted exponent of the relative K̂^(a) error in N", formatExponent(fit)]],
      };
    },
    plots(records) {
      const values = withData(records).map(({ data }) => ({ N: data.width, error: data.rms / data.scale }));
      return [
        logLogScatter(
          "gram-error",
          "RMS ‖K̂^(a)(θ⁰) − K^(a)‖_F/‖K^(a)‖_F against the width N (log–log; slope −1/2 expected)",
          values,
          { x: "N", y: "error" },
        ),
      ];
    },
    parameters: GRAM_PARAMETERS,
    scenarios: [{
      name: "zero-input",
      breaks: "$\\boldsymbol x_i \\ne 0$: the first input is the origin",
      params: { zeroInput: 1 },
    }],
    nearMiss: {
      mutant: "the limit 1.2·k^(a) (a limit kernel 20% off)",
      caughtBy:
        '`gram_matrices_test.ts`, "yang-gram catches a limit kernel off by a factor 1.2 (the error stops decaying)"; falsified on seeds 1–10 at the test budget (10/10: fitted slopes −0.16 to −0.23, the interval never reaching −1/2)',
    },
    slips: [
      {
        where: "slide 'Gram matrices'",
        printed: String.raw`$K_{ii}^{(w)} = k^{(w)}(\mathbf x_i, \mathbf x_i)$`,
        fix: String
          .raw`$K_{ij}^{(w)} = k^{(w)}(\mathbf x_i, \mathbf x_j)$ (a Gram matrix has every entry, not only its diagonal)`,
      },
    ],
  });
}
