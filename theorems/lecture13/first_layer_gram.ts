/**
 * `yang-gram-w` — Lecture 13 (002, Haizhao Yang, arXiv:2106.06682), slides 'NTK k^(w)' and 'Gram matrices': the
 * first-layer kernel k^(w)(x, x′) = E_{(a,w)~N(0,I_{d+1})} a²σ′(wᵀx)σ′(wᵀx′)xᵀx′, its ReLU closed form
 * xᵀx′(π − ϑ)/(2π), the Gram matrix K^(w), and the discrete K̂^(w) converging to K^(w) as N → ∞ at the Monte
 * Carlo rate N^(-1/2). Checked per instance: the closed form against quadrature of the definition (a and w
 * independent, E a² = 1, E σ′σ′ by nested Gauss–Kronrod over the bivariate Gaussian), and the identity
 * K̂^(w)(θ⁰) = γ²K̂^(w)(θ̄⁰) that decides which parameters the limit speaks of; over a width sweep, the fitted
 * exponent of ‖K̂^(w)(θ̄⁰) − K^(w)‖_F/‖K^(w)‖_F.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import { failedAs } from "../../engine/words.ts";
import type { Claim } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM } from "../../engine/false_alarm.ts";
import { logLogScatter } from "../../engine/plots/log_log.ts";
import { withData } from "../../engine/records.ts";
import { agreesWithQuadrature } from "../../engine/verdicts/quadrature_agreement.ts";
import { exponentTest, formatExponent, logLogFit } from "../../engine/verdicts/log_log_fit.ts";
import { relu } from "../../models/activation.ts";
import { GRAM_INITIALISATIONS, GRAM_PARAMETERS, GRAM_WIDTHS, gramInputs } from "../../models/lecture_gram_sweep.ts";
import { kernelGram, kernelW, LectureNetwork } from "../../models/lecture_network.ts";
import { derivativeKernel } from "../../models/ntk_kernels.ts";
import { norm } from "../../numerics/compare.ts";
import { EPS } from "../../numerics/linalg.ts";
import { gaussianExpectation } from "../../numerics/quadrature.ts";
import { gaussian } from "../../numerics/random.ts";

const SOURCE = "002_4e8ee8a272f9d000.txt";

/** This claim's share of the suite's false alarms (one exponent test). */
const ALPHA = CHECK_FALSE_ALARM / 4;

/** An instance: a sample, a width, γ, and independent draws of θ⁰ with their rescaled θ̄⁰. */
export interface FirstLayerGramInstance {
  /** The network (sample and width). */
  net: LectureNetwork;
  /** γ of a_k ~ N(0, γ²). */
  gamma: number;
  /** Its name. */
  gammaName: string;
  /** θ⁰ draws. */
  thetas: Float64Array[];
  /** θ̄⁰ = vec{γ⁻¹a_k, w_k} for each draw (ā_k ~ N(0, 1), the law in k^(w)). */
  bars: Float64Array[];
}

/** What an instance keeps for the rate fit. */
export interface FirstLayerGramData {
  /** Width N. */
  width: number;
  /** RMS over the draws of ‖K̂^(w)(θ̄⁰) − K^(w)‖_F/‖K^(w)‖_F. */
  relative: number;
}

/** The closed form under test for k^(w). */
export type FirstLayerKernel = (x: ArrayLike<number>, y: ArrayLike<number>) => number;

/**
 * k^(w)(x, x′) from its definition by quadrature: E[a²] = 1 exactly (a ~ N(0, 1) independent of w), times
 * E_{w~N(0,I_d)}σ′(wᵀx)σ′(wᵀx′) (nested adaptive Gauss–Kronrod; one-dimensional when x = x′), times xᵀx′.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { firstLayerKernelQuadrature } from "./first_layer_gram.ts";
 * const q = firstLayerKernelQuadrature([1, 0], [1, 1]);
 * assert.ok(Math.abs(q.value - (Math.PI - Math.PI / 4) / (2 * Math.PI)) < 1e-8);
 * ```
 */
export function firstLayerKernelQuadrature(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { value: number; error: number } {
  let dot = 0, same = true;
  for (let j = 0; j < x.length; j++) {
    dot += x[j] * y[j];
    same &&= x[j] === y[j];
  }
  if (same) {
    // x = x′ (the Gram matrix's diagonal): wᵀx ~ N(0, ‖x‖²) and E σ′(wᵀx)² = E σ′(g)², a one-dimensional quadrature
    // (the bivariate rule is degenerate at correlation 1 and under-reports its error there).
    const q = gaussianExpectation((z) => relu.df(z) ** 2, [0]);
    return { value: dot * q.value, error: dot * q.error };
  }
  const e = derivativeKernel(x, y, {
    parametrisation: "ntk",
    activation: relu,
    distribution: gaussian,
    weightVariance: x.length, // w ~ N(0, I_d): pairLaw scales by √(weightVariance/d)
  });
  return { value: dot * e.value, error: Math.abs(dot) * e.error };
}

/**
 * A rounding budget for evaluating xᵀx′(π − ϑ)/(2π) in float64: the computed cos ϑ = xᵀx′/(‖x‖‖x′‖) is off by at most
 * η = 4(d + 2)ε, and acos is ill-conditioned near ±1 (acos(1 − η) ≈ √(2η)), so ϑ is off by at most
 * acos(c − η) − acos(c + η) (clamped to [−1, 1]); the budget is |xᵀx′|/(2π) times that.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { closedFormRounding } from "./first_layer_gram.ts";
 * assert.ok(closedFormRounding([1, 1], [1, 1]) > 1e-9); // ϑ = 0: √η
 * assert.ok(closedFormRounding([1, 0], [0, 1]) === 0); // xᵀx′ = 0
 * ```
 */
export function closedFormRounding(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const d = x.length, eta = 4 * (d + 2) * Number.EPSILON;
  let dot = 0, nx = 0, ny = 0;
  for (let j = 0; j < d; j++) {
    dot += x[j] * y[j];
    nx += x[j] * x[j];
    ny += y[j] * y[j];
  }
  const c = Math.max(-1, Math.min(1, dot / Math.sqrt(nx * ny)));
  const spread = Math.acos(Math.max(-1, c - eta)) - Math.acos(Math.min(1, c + eta));
  return Math.abs(dot) * spread / (2 * Math.PI);
}

/**
 * `yang-gram-w`: k^(w), its ReLU closed form, K^(w), and K̂^(w) → K^(w) at the rate N^(-1/2). `closedForm`
 * replaces the closed form (near-miss tests).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { firstLayerGram } from "./first_layer_gram.ts";
 * assert.equal(firstLayerGram().id, "yang-gram-w");
 * ```
 */
export function firstLayerGram(closedForm: FirstLayerKernel = kernelW): Claim {
  return defineClaim<FirstLayerGramInstance, FirstLayerGramData>({
    id: "yang-gram-w",
    title: "The first-layer NTK k^(w), its ReLU closed form, and K̂^(w) → K^(w) at the rate N^(-1/2)",
    kind: "limit",
    source: { document: SOURCE, where: "Lecture 13, slides 'NTK k^(w)', 'Gram matrices', 'discrete NTK matrix'" },
    statement: String
      .raw`$k^{(w)}(\boldsymbol x, \boldsymbol x') := \mathbb E_{(a, \boldsymbol w)\sim\mathcal N(\boldsymbol 0, \boldsymbol I_{d+1})} g^{(w)}(a, \boldsymbol w; \boldsymbol x, \boldsymbol x')$,
$g^{(w)}(a, \boldsymbol w; \boldsymbol x, \boldsymbol x') := a^2[\sigma'(\boldsymbol w^\top\boldsymbol x)\boldsymbol x]\cdot[\sigma'(\boldsymbol w^\top\boldsymbol x')\boldsymbol x']$;
Gram matrix $K^{(w)}_{ii} = k^{(w)}(\boldsymbol x_i, \boldsymbol x_i)$ (as printed);
$\hat{\boldsymbol K}^{(w)}_{ij}(\theta) := \frac1N\sum_{k=1}^N g^{(w)}(a_k, \boldsymbol w_k; \boldsymbol x_i, \boldsymbol x_j)$.
Catalog: for ReLU $k^{(w)} = \boldsymbol x^\top\boldsymbol x'(\pi - \vartheta)/(2\pi)$, and $\hat{\boldsymbol K}^{(w)} \to \boldsymbol K^{(w)}$ as $N \to \infty$ at the Monte Carlo rate.`,
    tightness:
      "per instance: worst |closed form − quadrature| over its budget (≤ 1 passes); aggregate: the fitted exponent of the relative error",
    instances: { test: 15, report: 50 },
    falseAlarm: ALPHA,
    sweepParameter: "width",
    generate({ rng, index, params = {} }) {
      const drawnN = rng.int(2, 6), drawnD = rng.int(2, 4), choice = rng.int(0, 2);
      const n = params.n ?? drawnN, d = params.d ?? drawnD;
      const width = params.width ?? GRAM_WIDTHS[index % GRAM_WIDTHS.length];
      const xs = gramInputs(rng, n, d, params.zeroInput === 1);
      const net = new LectureNetwork(xs, new Float64Array(n), width);
      const gamma = [1 / Math.sqrt(width), 1 / width, 0.5][choice];
      const thetas = Array.from({ length: GRAM_INITIALISATIONS }, () => net.initialise(rng, gamma));
      const bars = thetas.map((t) => t.map((v, q) => (q < width ? v / gamma : v)));
      return { net, gamma, gammaName: ["1/√N", "1/N", "1/2"][choice], thetas, bars };
    },
    describe: (i) =>
      `n = ${i.net.xs.length}, d = ${i.net.dim}, N = ${i.net.width}, γ = ${i.gammaName}, ${GRAM_INITIALISATIONS} draws of θ⁰`,
    hypotheses: [{
      statement: "$\\sigma$ = ReLU, $\\boldsymbol x_i \\ne 0$ (the angle $\\vartheta$ is defined)",
      certainty: "certified",
      method: "checked exactly",
      check: (i) => ({ holds: i.net.xs.every((x) => norm(x) > 0), value: `n = ${i.net.xs.length}` }),
    }],
    conclusion: {
      failure: (c) => failedAs("k^(w) must match its ReLU closed form (quadrature) and K̂^(w) scale with γ²", c),
      statement: String
        .raw`(i) for every pair $(\boldsymbol x_i, \boldsymbol x_j)$ the closed form equals the quadrature of the definition
within 10× its error estimate plus 64 roundings plus the closed form's own rounding (acos near ±1); (ii) $\hat K^{(w)}(\theta^0) = \gamma^2\hat K^{(w)}(\bar\theta^0)$ entrywise to rounding
($\bar a_k = \gamma^{-1}a_k \sim \mathcal N(0, 1)$, the law of $a$ in $k^{(w)}$: the limit speaks of $\bar\theta^0$); the relative error
$\|\hat K^{(w)}(\bar\theta^0) - K^{(w)}\|_F/\|K^{(w)}\|_F$ is kept for the rate fit`,
      check(i) {
        const xs = i.net.xs, n = xs.length, N = i.net.width;
        let worst = 0, detail = "";
        for (let a = 0; a < n; a++) {
          for (let b = a; b < n; b++) {
            const closed = closedForm(xs[a], xs[b]), q = firstLayerKernelQuadrature(xs[a], xs[b]);
            const agree = agreesWithQuadrature(closed, q, norm(xs[a]) * norm(xs[b]));
            const r = agree.gap / (agree.bound + closedFormRounding(xs[a], xs[b]));
            if (r > worst) {
              worst = r;
              detail = `(${a},${b}): closed ${closed.toPrecision(10)} vs quadrature ${q.value.toPrecision(10)}`;
            }
          }
        }
        // (ii): each entry of K̂^(w)(θ⁰) is (1/N)Σ_k a_k²(…) with a_k = γā_k: the two sides differ by rounding only,
        // at most (N + 4)ε·(1/N)Σ_k a_k²|xᵢᵀxⱼ| per entry (a sum of N non-negative-weighted terms).
        let scaleGap = 0;
        for (let t = 0; t < i.thetas.length; t++) {
          const k = i.net.gramW(i.thetas[t]), kb = i.net.gramW(i.bars[t]);
          let a2 = 0;
          for (let q = 0; q < N; q++) a2 += i.thetas[t][q] ** 2;
          for (let a = 0; a < n; a++) {
            for (let b = 0; b < n; b++) {
              const budget = 8 * (N + 4) * EPS * (a2 / N) * norm(xs[a]) * norm(xs[b]) + Number.MIN_VALUE;
              scaleGap = Math.max(scaleGap, Math.abs(k.get(a, b) - i.gamma ** 2 * kb.get(a, b)) / budget);
            }
          }
        }
        const target = kernelGram(closedForm, xs), scale = target.norm("frobenius");
        let sq = 0;
        for (const bar of i.bars) sq += (i.net.gramW(bar).sub(target).norm("frobenius") / scale) ** 2;
        const relative = Math.sqrt(sq / i.bars.length);
        const tight = Math.max(worst, scaleGap);
        return {
          holds: worst <= 1 && scaleGap <= 1,
          observed: tight,
          bound: 1,
          tightness: tight,
          detail: `closed form vs quadrature: worst gap/budget ${
            worst.toExponential(2)
          } ${detail}; K̂^(w)(θ⁰) vs γ²K̂^(w)(θ̄⁰): ${
            scaleGap.toExponential(2)
          } of the rounding budget; RMS relative ‖K̂^(w)(θ̄⁰) − K^(w)‖_F = ${relative.toExponential(3)} at N = ${N}`,
          data: { width: N, relative },
        };
      },
    },
    aggregate(records) {
      const pts = withData(records).filter(({ record }) => record.met).map(({ data }) => data);
      if (new Set(pts.map((p) => p.width)).size < 3) return { holds: "inconclusive", summary: "too few widths" };
      const fit = logLogFit(pts.map((p) => p.width), pts.map((p) => p.relative), 1 - ALPHA);
      const { lo, hi } = fit.slopeInterval;
      const test = exponentTest(fit, {
        name: "exponent of the relative K̂^(w)(θ̄⁰) error in N (= −1/2)",
        rate: -0.5,
        sides: "two-sided",
        alpha: ALPHA,
      });
      return {
        holds: hi < 0 && test.pValue > ALPHA,
        summary: `log RMS ‖K̂^(w)(θ̄⁰) − K^(w)‖_F/‖K^(w)‖_F against log N over N ∈ {${
          [...new Set(pts.map((p) => p.width))].sort((a, b) => a - b).join(", ")
        }}: slope ${fit.slope.toFixed(3)}, ${(100 * (1 - ALPHA)).toFixed(4)}% CI [${lo.toFixed(3)}, ${
          hi.toFixed(3)
        }]; convergence needs the CI below 0, and the Monte Carlo rate −1/2 must not be rejected (two-sided t test at level ${
          ALPHA.toPrecision(3)
        })`,
        pValue: test.pValue,
        alpha: ALPHA,
        tests: [test],
        rows: [["fitted exponent of the relative K̂^(w) error in N", formatExponent(fit)]],
      };
    },
    plots(records) {
      const values = withData(records).map(({ data }) => ({ N: data.width, error: data.relative }));
      return [
        logLogScatter(
          "gram-w-error",
          "RMS ‖K̂^(w)(θ̄⁰) − K^(w)‖_F/‖K^(w)‖_F against the width N (log–log; slope −1/2 expected)",
          values,
          { x: "N", y: "error" },
        ),
      ];
    },
    parameters: GRAM_PARAMETERS,
    scenarios: [{
      name: "zero-input",
      breaks: "$\\boldsymbol x_i \\ne 0$: the first input is the origin (the angle, and the relative error, undefined)",
      params: { zeroInput: 1 },
    }],
    nearMiss: {
      mutant: "the closed form with a constant off by 2: k^(w) = xᵀx′(π − ϑ)/π",
      caughtBy:
        '`first_layer_gram_test.ts`, "yang-gram-w catches the near miss k^(w) = xᵀx′(π − ϑ)/π (a constant off by 2)"',
    },
    sourceGaps: [{
      hypothesis: String
        .raw`$\hat{\boldsymbol K}^{(w)}$ is evaluated at $\bar\theta^0 = \mathrm{vec}\{\gamma^{-1}a_k^0, \boldsymbol w_k^0\}$ (output weights of variance 1), not at $\theta^0$`,
      why: String
        .raw`$k^{(w)}$ takes $a \sim \mathcal N(0, 1)$ while the initialisation draws $a_k^0 \sim \mathcal N(0, \gamma^2)$ with $\gamma < 1$ ($1/\sqrt N$ or $1/N$ on the 'Notations' slide), so $\hat K^{(w)}(\theta^0) = \gamma^2\hat K^{(w)}(\bar\theta^0) \to \gamma^2K^{(w)}$ (→ 0 for $\gamma = 1/\sqrt N$), not $K^{(w)}$; checked to rounding on every draw (conclusion (ii)).`,
    }],
    slips: [
      {
        where: "slide 'Gram matrices'",
        printed: String.raw`$K_{ii}^{(w)} = k^{(w)}(\mathbf x_i, \mathbf x_i)$`,
        fix: String
          .raw`$K_{ij}^{(w)} = k^{(w)}(\mathbf x_i, \mathbf x_j)$ (the Gram matrix has every entry, not only its diagonal)`,
      },
      {
        where: "slide 'discrete NTK matrix'",
        printed: String
          .raw`$\hat{\mathbf K}_{ij}^{(w)}(\mathbf a) := \frac1N\sum_k g^{(w)}(\mathbf a, \mathbf w_k; \mathbf x_i, \mathbf x_j)$ (one $\mathbf a$ for all $k$)`,
        fix: String
          .raw`$\hat{\mathbf K}_{ij}^{(w)}(\theta) := \frac1N\sum_k g^{(w)}(a_k, \mathbf w_k; \mathbf x_i, \mathbf x_j)$, the line printed after it`,
      },
    ],
  });
}
