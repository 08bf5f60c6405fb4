/**
 * `yang-lambda-min` — Lecture 13 (002, Haizhao Yang, arXiv:2106.06682), Lemma 'N ≥ 16n⁴C_d/(λ_S²δ)' and 'The
 * law of large number': for N ≥ 16n⁴C_d/(λ_S²δ), λ_min(K̂^(a)(θ⁰)) ≥ (3/4)λ_S with probability ≥ 1 − δ, where
 * C_d = E‖w‖₁⁴. Checked by its failure frequency over draws of θ⁰ at the printed width, with an exact
 * (Clopper–Pearson) binomial bound against δ; the number of draws is the fewest with which that test catches the
 * default alternative P[fail] = min(2δ, (1 + δ)/2) with the budget's power goal (fixed before any run).
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import type { Claim } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM, levelText, POWER_GOAL } from "../../engine/false_alarm.ts";
import { drawsForPower, failureFrequencyCheck } from "../../engine/verdicts/failure_frequency.ts";
import { perInstanceBinomialAggregate } from "../../engine/verdicts/instance_tests.ts";
import { gaussianL1FourthMoment, kernelA, kernelGram, LectureNetwork } from "../../models/lecture_network.ts";
import { sampleGramA } from "../../models/lecture_network.ts";
import { symmetricEigen } from "../../numerics/linalg.ts";
import type { Rng } from "../../numerics/random.ts";

const SOURCE = "002_4e8ee8a272f9d000.txt";

/** Each instance's binomial test is at this level (Bonferroni over the report budget's 4 instances). */
const INSTANCE_LEVEL = CHECK_FALSE_ALARM / 4;

/** The δ of the instances (index mod 2): δ = 0.2 first, so that the test budget's one instance has it. */
const LAMBDA_MIN_DELTAS = [0.2, 0.5];

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
  /** δ of the instance. */
  delta: number;
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
 * `yang-lambda-min`: N ≥ 16n⁴C_d/(λ_S²δ) ⇒ λ_min(K̂^(a)(θ⁰)) ≥ (3/4)λ_S w.p. ≥ 1 − δ. `margin` is the factor 3/4
 * under test (the near miss: 1, the margin λ_S/4 dropped).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lambdaMin } from "./lambda_min.ts";
 * assert.equal(lambdaMin().id, "yang-lambda-min");
 * ```
 */
export function lambdaMin(threshold: WidthThreshold = printedLambdaThreshold, margin = 3 / 4): Claim {
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
      const d = 2, n = 2, delta = params.delta ?? LAMBDA_MIN_DELTAS[index % LAMBDA_MIN_DELTAS.length];
      // Points near the orthogonal corners (1, 1), (1, −1) of [−1, 1]² (‖xᵢ‖_∞ = 1, which C_d's bound |wᵀx| ≤ ‖w‖₁
      // uses): λ_S ≈ 0.5–0.68, so the printed threshold (≈ 2·10⁴–1.3·10⁵) is a width this machine can draw as often
      // as the test's power needs (a machine limit; the lemma is checked at its own threshold). Every neuron active
      // on one point can be active on the other: K^(a) is not diagonal.
      const xs = [Float64Array.of(1, 1 - rng.uniform(0, 0.3)), Float64Array.of(1 - rng.uniform(0, 0.3), -1)];
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
        // Draws sized for power (fixed before any run): the fewest with which the exact binomial test catches
        // P[fail] = min(2δ, (1 + δ)/2) with the budget's goal probability (0.5 tests, 0.9 report); at least 2·10⁵/N at
        // widths far below the threshold (explorations, scenarios), at most 2000.
        draws: Math.min(
          2000,
          Math.max(drawsForPower(delta, INSTANCE_LEVEL, POWER_GOAL[budget]), Math.floor(2e5 / width)),
        ),
      };
    },
    describe: (i) =>
      `n = ${i.net.xs.length}, d = ${i.net.dim}, λ_S = ${
        i.lambdaS.toFixed(4)
      }, δ = ${i.delta}, N = ${i.net.width} (threshold ${
        i.threshold.toFixed(0)
      }; points near the corners (1, 1), (1, −1)), ${i.draws} draws`,
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
      statement: `failure frequency of λ_min(K̂^(a)(θ⁰)) ≥ ${
        margin === 3 / 4 ? "(3/4)" : margin
      }λ_S: the exact one-sided lower confidence bound (level ${levelText(CHECK_FALSE_ALARM)}/4) must not exceed δ`,
      check(i) {
        let failures = 0, worst = Infinity;
        for (let r = 0; r < i.draws; r++) {
          const lmin = symmetricEigen(sampleGramA(i.rng, i.net.xs, i.net.width)).values[i.net.xs.length - 1];
          if (!(lmin >= margin * i.lambdaS)) failures++;
          worst = Math.min(worst, lmin / i.lambdaS);
        }
        const c = failureFrequencyCheck(failures, i.draws, i.delta, INSTANCE_LEVEL);
        return {
          holds: c.holds,
          observed: failures / i.draws,
          bound: i.delta,
          tightness: worst > 0 ? margin / worst : Infinity,
          detail: `${failures}/${i.draws} draws with λ_min(K̂^(a)) < ${margin}λ_S (95% CP upper ${
            c.upper.toExponential(2)
          } vs δ = ${i.delta}); smallest λ_min/λ_S = ${worst.toFixed(4)}`,
          data: { failures, draws: i.draws, delta: i.delta, worstRatio: worst },
        };
      },
    },
    aggregate: perInstanceBinomialAggregate(INSTANCE_LEVEL),
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
    nearMiss: {
      mutant:
        "λ_min(K̂^(a)(θ⁰)) ≥ λ_S w.p. ≥ 1 − δ (the margin λ_S/4 dropped, as the slide's 'λ_min(K̂^(a)(θ(0))) ≈ λ_S' may suggest; λ_min is concave, so E λ_min(K̂^(a)) ≤ λ_S and the event fails about half the time)",
      caughtBy: '`lambda_min_test.ts`, "yang-lambda-min catches the near miss λ_min(K̂^(a)(θ⁰)) ≥ λ_S"',
    },
  });
}
