/**
 * `yang-lambda-min` — Lecture 13 (002, Haizhao Yang, arXiv:2106.06682), Lemma 'N ≥ 16n⁴C_d/(λ_S²δ)' and 'The
 * law of large number': for N ≥ 16n⁴C_d/(λ_S²δ), λ_min(K̂^(a)(θ⁰)) ≥ (3/4)λ_S with probability ≥ 1 − δ, where
 * C_d = E‖w‖₁⁴. Checked by its failure frequency over many draws of θ⁰ at the printed width, with an exact
 * (Clopper–Pearson) binomial bound against δ.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM, levelText } from "../../engine/false_alarm.ts";
import { failureFrequencyCheck } from "../../engine/verdicts/failure_frequency.ts";
import {
  gaussianL1FourthMoment,
  kernelA,
  kernelGram,
  LectureNetwork,
  sampleGramA,
} from "../../models/lecture_network.ts";
import { symmetricEigen } from "../../numerics/linalg.ts";
import type { Rng } from "../../numerics/random.ts";

const SOURCE = "002_4e8ee8a272f9d000.txt";

/** An instance of `yang-lambda-min`: a sample with its λ_S, a δ and the width N at the printed threshold. */
export interface LambdaMinInstance {
  /** The network at the threshold width. */
  net: LectureNetwork;
  /** λ_S = λ_min(K^(a)). */
  lambdaS: number;
  /** δ. */
  delta: number;
  /** The printed threshold 16n⁴C_d/(λ_S²δ). */
  threshold: number;
  /** The stream for the draws. */
  rng: Rng;
  /** Number of draws. */
  draws: number;
}

/** What an instance keeps: the failure count and the smallest λ_min(K̂^(a)(θ⁰))/λ_S over the draws. */
export interface LambdaMinData {
  /** Draws with λ_min(K̂^(a)(θ⁰)) < (3/4)λ_S. */
  failures: number;
  /** Draws of θ⁰. */
  draws: number;
  /** Smallest λ_min(K̂^(a)(θ⁰))/λ_S. */
  worstRatio: number;
}

/** The threshold under test: N ≥ threshold(n, C_d, λ_S, δ). */
export type WidthThreshold = (n: number, l1FourthMoment: number, lambdaS: number, delta: number) => number;

/**
 * As printed: 16n⁴C_d/(λ_S²δ).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { printedLambdaThreshold } from "./lambda_min.ts";
 * assert.equal(printedLambdaThreshold(1, 1, 1, 0.5), 32);
 * ```
 */
export const printedLambdaThreshold: WidthThreshold = (n, c, l, delta) => 16 * n ** 4 * c / (l * l * delta);

/**
 * `yang-lambda-min`: N ≥ 16n⁴C_d/(λ_S²δ) ⇒ λ_min(K̂^(a)(θ⁰)) ≥ (3/4)λ_S w.p. ≥ 1 − δ.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lambdaMin } from "./lambda_min.ts";
 * assert.equal(lambdaMin().id, "yang-lambda-min");
 * ```
 */
export function lambdaMin(threshold: WidthThreshold = printedLambdaThreshold): Claim {
  return defineClaim<LambdaMinInstance, LambdaMinData>({
    id: "yang-lambda-min",
    title: "λ_min of the discrete NTK K̂^(a)(θ⁰) at least (3/4)λ_S for N above the printed width",
    kind: "probabilistic",
    source: { document: SOURCE, where: "Lecture 13, Lemma 'N ≥ 16n⁴C_d/(λ_S²δ)' and 'The law of large number'" },
    statement: String
      .raw`For any $\delta \in (0,1)$, if $N \ge \frac{16n^4C_d}{\lambda_S^2\delta}$, then with probability at least $1-\delta$ over the random
initialization, $\lambda_{\min}(\hat{\boldsymbol K}^{(a)}(\theta^0)) \ge \frac34\lambda_S$, where $C_d := \mathbb E\|\boldsymbol w\|_1^4$, $\boldsymbol w \sim \mathcal N(0, I_d)$.`,
    tightness:
      "(3/4)λ_S over the smallest λ_min(K̂^(a)(θ⁰)) over the draws: the per-draw event λ_min ≥ (3/4)λ_S read as a lower bound, 1 when the worst draw sits on it, above 1 (∞ for λ_min ≤ 0) when some draw fails the event, which the lemma allows with probability δ; the verdict is the binomial test of the failure frequency against δ",
    instances: { test: 1, report: 4 },
    falseAlarm: CHECK_FALSE_ALARM,
    generate({ rng, index, budget, params = {} }) {
      const d = 2, n = 2, delta = params.delta ?? [0.5, 0.2][index % 2];
      // Points near two corners of [0, 1]²: λ_S ≈ 0.25–0.34, so the printed threshold (≈ 10⁵–4·10⁵) is a width this
      // machine can draw many times (a machine limit; the lemma is checked at its own threshold).
      const xs = [Float64Array.of(1, rng.uniform(0, 0.3)), Float64Array.of(rng.uniform(0, 0.3), 1)];
      const ys = Float64Array.from({ length: n }, () => rng.uniform(-1, 1));
      const lambdaS = symmetricEigen(kernelGram(kernelA, xs)).values[n - 1];
      const t = threshold(n, gaussianL1FourthMoment(d), lambdaS, delta);
      const width = params.width ?? Math.ceil(Math.min(t, 1e6));
      return {
        net: new LectureNetwork(xs, ys, width),
        lambdaS,
        delta,
        threshold: t,
        rng,
        // Draws sized to a fixed amount of work (N·draws ≈ 4·10⁶ in tests, 8·10⁶ in the report), 12 to 2000.
        draws: Math.max(
          12,
          Math.min(2000, Math.floor((budget === "report" ? 8e6 : 4e6) / width)),
        ),
      };
    },
    describe: (i) =>
      `n = ${i.net.xs.length}, d = ${i.net.dim}, λ_S = ${
        i.lambdaS.toFixed(4)
      }, δ = ${i.delta}, N = ${i.net.width} (threshold ${
        i.threshold.toFixed(0)
      }; points near two corners of [0, 1]²), ${i.draws} draws`,
    hypotheses: [{
      statement:
        "$N \\ge 16n^4C_d/(\\lambda_S^2\\delta)$ with $\\lambda_S = \\lambda_{\\min}(K^{(a)}) > 0$ (ReLU closed form), $C_d$ exact",
      certainty: "estimated",
      method:
        "N = ⌈threshold⌉ (capped at 10⁶: beyond, the instance does not meet the hypothesis); λ_S from the closed form of k^(a) and the symmetric eigensolver; C_d by its moment expansion; estimated: λ_S is the computed (not enclosed) smallest eigenvalue of the closed-form Gram matrix, and N = ⌈threshold⌉ sits at the edge of a threshold evaluated without directed rounding",
      check: (i) => ({
        holds: i.net.width >= i.threshold && i.lambdaS > 0,
        value: `N = ${i.net.width} ≥ ${i.threshold.toFixed(0)}, C_d = ${gaussianL1FourthMoment(i.net.dim).toFixed(3)}`,
      }),
    }],
    conclusion: {
      statement: `failure frequency of λ_min(K̂^(a)(θ⁰)) ≥ (3/4)λ_S: the exact one-sided lower confidence bound (level ${
        levelText(CHECK_FALSE_ALARM)
      }/instances) must not exceed δ`,
      check(i) {
        let failures = 0, worst = Infinity;
        for (let r = 0; r < i.draws; r++) {
          const lmin = symmetricEigen(sampleGramA(i.rng, i.net.xs, i.net.width)).values[i.net.xs.length - 1];
          if (!(lmin >= 0.75 * i.lambdaS)) failures++;
          worst = Math.min(worst, lmin / i.lambdaS);
        }
        const c = failureFrequencyCheck(failures, i.draws, i.delta, CHECK_FALSE_ALARM / 4);
        return {
          holds: c.holds,
          observed: failures / i.draws,
          bound: i.delta,
          tightness: worst > 0 ? 0.75 / worst : Infinity,
          detail: `${failures}/${i.draws} draws with λ_min(K̂^(a)) < (3/4)λ_S (95% CP upper ${
            c.upper.toExponential(2)
          } vs δ = ${i.delta}); smallest λ_min/λ_S = ${worst.toFixed(4)}`,
          data: { failures, draws: i.draws, worstRatio: worst },
        };
      },
    },
    parameters: {
      width: {
        type: "integer",
        min: 1,
        max: 1000000,
        help: "width N (default ⌈threshold⌉; the lemma needs N ≥ threshold)",
      },
      delta: { type: "number", min: 0.05, max: 0.9, help: "failure probability δ (sets the threshold)" },
    },
    scenarios: [{
      name: "narrow-network",
      breaks: "$N \\ge 16n^4C_d/(\\lambda_S^2\\delta)$: a network of width $N = 4$, far below the threshold",
      params: { width: 4 },
    }],
  });
}
