/**
 * `yang-movement` — Lecture 13 (002, Haizhao Yang, arXiv:2106.06682), Lemma 'for any t ∈ [0, t*) and any
 * k ∈ [N]' (q and η): for N ≥ max{32n⁴C_d/(λ_S²δ), 4√2dn√R_S(θ⁰)/λ_S}, with probability ≥ 1 − δ, the parameters
 * stay within q of initialisation before t* and the initial weights are bounded by γη and η. Checked on
 * two-point samples at the printed width by the frequency of draws of θ⁰ on which the four bounds are not all
 * certified, with an exact (Clopper–Pearson) binomial bound against δ. Every draw is certified without the ODE
 * (`aprioriMovementCertificate`), so there are as many draws as the test's power needs (fixed before any run: the
 * fewest that catch P[fail] = min(2δ, (1 + δ)/2) with the budget's goal); the first draws are also integrated and
 * their movements read at the end of every accepted step of the integrator (a movement above q there is a
 * certified failure).
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import { oncePer } from "../../engine/once_per.ts";
import { tooOften } from "../../engine/words.ts";
import type { Claim } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM, levelText, POWER_GOAL } from "../../engine/false_alarm.ts";
import { drawsForPower, failureFrequencyCheck } from "../../engine/verdicts/failure_frequency.ts";
import { perInstanceBinomialAggregate } from "../../engine/verdicts/instance_tests.ts";
import { gaussianL1FourthMoment, LectureNetwork } from "../../models/lecture_network.ts";
import { aprioriMovementCertificate, type BootstrapBounds } from "../../models/lecture_movement_certificate.ts";
import { movementCertificate } from "../../models/lecture_movement_certificate.ts";
import { describeTwoPoint, INITIALISATION_HYPOTHESIS, twoPointData } from "../../models/lecture_two_point_data.ts";
import { twoPointParameters, type TwoPointPlan, unitCubeHypothesis } from "../../models/lecture_two_point_data.ts";
import { createFastRng } from "../../numerics/random.ts";

const SOURCE = "002_4e8ee8a272f9d000.txt";

/** The instances of `yang-movement` (index mod 4): data set and δ; the width is ⌈32n⁴C_d/(λ_S²δ)⌉. */
const MOVEMENT_PLAN: TwoPointPlan[] = [
  { data: 0, delta: 0.5 },
  { data: 1, delta: 0.5 },
  { data: 2, delta: 0.5 },
  { data: 0, delta: 0.25 },
];

/** Each instance's binomial test is at this level (Bonferroni over the report budget's 4 instances). */
const INSTANCE_LEVEL = CHECK_FALSE_ALARM / MOVEMENT_PLAN.length;

/** Draws of θ⁰ per instance whose flow is also integrated (movements read at every integrator step), per budget. */
const OBSERVED_DRAWS = { test: 1, report: 2 };

/** An instance of `yang-movement`: a sample, δ, γ, the width and independent draws of θ⁰. */
export interface MovementInstance {
  /** The network (sample, width N). */
  net: LectureNetwork;
  /** Name of the data set. */
  data: string;
  /** λ_S = λ_min(K^(a)) (closed form). */
  lambdaS: number;
  /** δ. */
  delta: number;
  /** γ. */
  gamma: number;
  /** The first term of the width threshold, 32n⁴C_d/(λ_S²δ). */
  threshold: number;
  /** The seed of the instance's draws of θ⁰ (drawn from the instance's stream; see `thetas`). */
  seed: number;
  /** Number of draws of θ⁰. */
  draws: number;
  /** Of which the first this many are also integrated. */
  observed: number;
}

/** The instance's draws of θ⁰, regenerated from its seed (they are too many and too wide to keep). */
function* thetas(i: MovementInstance): Generator<Float64Array> {
  const rng = createFastRng(i.seed);
  for (let r = 0; r < i.draws; r++) yield i.net.initialise(rng, i.gamma);
}

/** What the checks read off one draw of θ⁰ (none of it depends on the radius q under test). */
interface DrawBounds {
  /** R_S(θ⁰). */
  risk: number;
  /** The certified bounds (integrated flow on observed draws, a priori otherwise). */
  cert: BootstrapBounds;
  sampledA: number;
  sampledW: number;
}

/**
 * One pass over the instance's draws for both checks: R_S(θ⁰) of every draw (the width hypothesis) and the
 * certificates (the conclusion), as those checks computed them, in the same order. The draws were regenerated for
 * each check, which was a quarter of the claim's CPU. A certificate that throws stops the certificates there (the
 * conclusion throws it, as it would have at that draw); the risks go on, for the hypothesis.
 */
const drawBounds = oncePer((i: MovementInstance): { risks: number[]; bounds: DrawBounds[]; error?: unknown } => {
  const risks: number[] = [], bounds: DrawBounds[] = [];
  let error: unknown, failed = false;
  for (const theta0 of thetas(i)) {
    const risk = i.net.risk(theta0);
    risks.push(risk);
    if (failed) continue;
    try {
      const flow = bounds.length < i.observed
        ? movementCertificate(i.net, theta0, i.lambdaS, { samples: 4, everyStep: true })
        : undefined;
      const cert = flow ?? aprioriMovementCertificate(i.net, theta0, i.lambdaS);
      bounds.push({ risk, cert, sampledA: flow?.sampledA ?? 0, sampledW: flow?.sampledW ?? 0 });
    } catch (e) {
      [error, failed] = [e, true];
    }
  }
  return failed ? { risks, bounds, error } : { risks, bounds };
});

/** What an instance keeps: the failure count and the worst ratios over its draws. */
export interface MovementData {
  /** Draws without all four bounds certified. */
  failures: number;
  /** Draws of θ⁰. */
  draws: number;
  /** δ of the instance. */
  delta: number;
  /** Largest sampled movement over q. */
  sampled: number;
  /** Largest certified movement bound over q. */
  upper: number;
  /** Largest max_k |a_k(0)|/(γη). */
  initA: number;
  /** Largest max_k ‖w_k(0)‖_∞/η. */
  initW: number;
}

/** The radius q of `yang-movement` under test, as a function of d, n, R_S(θ⁰), N, λ_S and δ. */
export type MovementRadius = (
  d: number,
  n: number,
  risk0: number,
  width: number,
  lambdaS: number,
  delta: number,
) => number;

/**
 * As printed: q = 8dn√(R_S(θ⁰)·log(4N(d+1)/δ))/(Nλ_S).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { printedMovementRadius } from "./parameter_movement.ts";
 * assert.ok(Math.abs(printedMovementRadius(1, 1, 1, 1, 8, 8) - Math.sqrt(Math.log(1))) < 1e-15);
 * ```
 */
export const printedMovementRadius: MovementRadius = (d, n, r0, N, l, delta) =>
  8 * d * n * Math.sqrt(r0 * Math.log(4 * N * (d + 1) / delta)) / (N * l);

/**
 * η = √(2 log(4N(d+1)/δ)) of `yang-movement` (the bound on the initial weights).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { movementEta } from "./parameter_movement.ts";
 * assert.ok(Math.abs(movementEta(1, 1, 8) - 0) < 1e-15);
 * ```
 */
export function movementEta(width: number, d: number, delta: number): number {
  return Math.sqrt(2 * Math.log(4 * width * (d + 1) / delta));
}

/** The verdict on one draw: both initial bounds and both movement bounds, for every t < t* and k. */
interface MovementDraw {
  /** The certified bounds (integrated flow on observed draws, a priori otherwise). */
  cert: BootstrapBounds;
  /** Sampled max_k |a_k(t) − a_k(0)| at every integrator step (0 on draws not integrated). */
  sampledA: number;
  /** Sampled max_k ‖w_k(t) − w_k(0)‖_∞ at every integrator step (0 on draws not integrated). */
  sampledW: number;
  /** The draw was integrated. */
  observed: boolean;
  /** The radius q of the draw. */
  q: number;
  eta: number;
  /** true: certified to hold; false: certified to fail; undefined: neither (counted as a failure). */
  holds: boolean | undefined;
}

/**
 * `yang-movement`: for N ≥ max{32n⁴C_d/(λ_S²δ), 4√2dn√R_S(θ⁰)/λ_S}, with probability ≥ 1 − δ, for every t < t* and
 * k: |a_k(t) − a_k(0)| ≤ q, ‖w_k(t) − w_k(0)‖_∞ ≤ q, |a_k(0)| ≤ γη, ‖w_k(0)‖_∞ ≤ η. The frequency of draws of θ⁰
 * on which the four bounds are not all certified (`movementCertificate`) is held to δ with an exact binomial bound.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parameterMovement } from "./parameter_movement.ts";
 * assert.equal(parameterMovement().id, "yang-movement");
 * ```
 */
export function parameterMovement(radius: MovementRadius = printedMovementRadius): Claim {
  const judge = (i: MovementInstance, draw: DrawBounds, observe: boolean): MovementDraw => {
    const n = i.net.xs.length, d = i.net.dim, N = i.net.width;
    const { cert, sampledA, sampledW, risk } = draw;
    const q = radius(d, n, risk, N, i.lambdaS, i.delta), eta = movementEta(N, d, i.delta);
    const init = cert.initA <= i.gamma * eta && cert.initW <= eta;
    const holds = !init || sampledA > q || sampledW > q
      ? false
      : cert.upperA <= q && cert.upperW <= q
      ? true
      : undefined;
    return { cert, sampledA, sampledW, observed: observe, q, eta, holds };
  };
  return defineClaim<MovementInstance, MovementData>({
    id: "yang-movement",
    title: "Parameters stay within q of initialisation before t* (w.p. ≥ 1 − δ)",
    kind: "probabilistic",
    source: { document: SOURCE, where: "Lecture 13, Lemma 'for any t ∈ [0, t*) and any k ∈ [N]' (q and η)" },
    statement: String
      .raw`For any $\delta \in (0,1)$, if $N \ge \max\left\{\frac{32n^4C_d}{\lambda_S^2\delta}, \frac{4\sqrt2dn\sqrt{R_S(\theta^0)}}{\lambda_S}\right\}$, then with probability at least $1-\delta$ over the random
initialization, for any $t \in [0,t^*)$ and any $k \in [N]$: $|a_k(t)-a_k(0)| \le q$, $\|\boldsymbol w_k(t)-\boldsymbol w_k(0)\|_\infty \le q$,
$|a_k(0)| \le \gamma\eta$, $\|\boldsymbol w_k(0)\|_\infty \le \eta$, where $q := \frac{8dn\sqrt{R_S(\theta^0)\log\frac{4N(d+1)}\delta}}{N\lambda_S}$ and $\eta := \sqrt{2\log\frac{4N(d+1)}\delta}$.`,
    tightness:
      "largest sampled movement over q (worst draw; a lower bound on sup_t movement/q); detail: the certified upper bound over q and max|a_k(0)|/(γη), max‖w_k(0)‖_∞/η",
    instances: { test: 1, report: 4 },
    falseAlarm: CHECK_FALSE_ALARM,
    generate({ rng, index, budget, params = {} }) {
      const { targets, name, xs, n, d, delta, lambdaS } = twoPointData(
        rng,
        MOVEMENT_PLAN[index % MOVEMENT_PLAN.length],
        params,
      );
      const threshold = 32 * n ** 4 * gaussianL1FourthMoment(d) / (lambdaS ** 2 * delta);
      // At the threshold; the second term 4√2dn√R_S(θ⁰)/λ_S is checked on every draw (hypothesis).
      const width = params.width ?? Math.ceil(threshold);
      // γ = 1/√N (the lecture's first example): h(x; θ⁰) = O(1), so R_S(θ⁰) carries the random network, not only f.
      const gamma = params.gamma ?? 1 / Math.sqrt(width);
      const net = new LectureNetwork(xs, targets, width);
      // Draws sized for power (fixed before any run): the fewest with which the binomial test at α/4 catches
      // P[fail] = min(2δ, (1 + δ)/2) with the budget's goal (0.5 tests, 0.9 report); at most 2000.
      const draws = Math.min(2000, drawsForPower(delta, INSTANCE_LEVEL, POWER_GOAL[budget]));
      return {
        net,
        data: name,
        lambdaS,
        delta,
        gamma,
        threshold,
        seed: rng.double(),
        draws,
        observed: Math.min(draws, OBSERVED_DRAWS[budget]),
      };
    },
    describe: (i) =>
      `${describeTwoPoint(i)} (threshold ${i.threshold.toFixed(1)}), γ = ${
        i.gamma.toPrecision(3)
      }, ${i.draws} draws of θ⁰ (${i.observed} integrated)`,
    hypotheses: [
      {
        statement:
          "$N \\ge \\max\\{32n^4C_d/(\\lambda_S^2\\delta), 4\\sqrt2dn\\sqrt{R_S(\\theta^0)}/\\lambda_S\\}$ ($C_d$ exact, $\\lambda_S$ from the closed form of $k^{(a)}$; the second term on every draw of $\\theta^0$)",
        certainty: "estimated",
        method:
          "both terms evaluated exactly; R_S(θ⁰) on every draw; estimated: λ_S is the computed (not enclosed) smallest eigenvalue of the closed-form Gram matrix, and the terms are evaluated in float64 without directed rounding",
        check(i) {
          const n = i.net.xs.length, d = i.net.dim;
          let r0 = 0;
          for (const risk of drawBounds(i).risks) r0 = Math.max(r0, risk);
          const second = 4 * Math.SQRT2 * d * n * Math.sqrt(r0) / i.lambdaS;
          return {
            holds: i.lambdaS > 0 && i.net.width >= i.threshold && i.net.width >= second,
            value: `N = ${i.net.width} vs 32n⁴C_d/(λ_S²δ) = ${
              i.threshold.toFixed(1)
            } and max over draws 4√2dn√R_S(θ⁰)/λ_S = ${second.toFixed(1)}`,
          };
        },
      },
      INITIALISATION_HYPOTHESIS,
      unitCubeHypothesis(
        "$\\|\\boldsymbol x_i\\|_\\infty \\le 1$ (implicit: the proof bounds $|\\boldsymbol w^\\top\\boldsymbol x_i| \\le \\|\\boldsymbol w\\|_1\\|\\boldsymbol x_i\\|_\\infty \\le \\|\\boldsymbol w\\|_1$, which is where $C_d = \\mathbb E\\|\\boldsymbol w\\|_1^4$ comes from)",
      ),
    ],
    conclusion: {
      failure: (c) => tooOften("movement within q of θ⁰ before t*, certified", c),
      statement:
        `on each draw of θ⁰ the four bounds are certified for every t < t* by the lemma's bootstrap (aprioriMovementCertificate: ∫₀^{t*}|eᵢ| ≤ ‖e(0)‖n/(Nμ) from (2)); on the first draws the flow (1) is also integrated to T = 4n/(Nλ_S) and the movements read at every accepted step (outputs at T/4, T/2, 3T/4, T) (a movement above q is a certified failure; movementCertificate); the frequency of draws where the bounds are not certified must pass the exact one-sided binomial test against δ (level ${
          levelText(CHECK_FALSE_ALARM)
        }/${MOVEMENT_PLAN.length})`,
      check(i) {
        const draws: MovementDraw[] = [], { bounds, error } = drawBounds(i);
        for (const b of bounds) draws.push(judge(i, b, draws.length < i.observed));
        if (error !== undefined) throw error;
        const failures = draws.filter((r) => r.holds !== true).length;
        const certifiedFail = draws.filter((r) => r.holds === false).length;
        const c = failureFrequencyCheck(failures, draws.length, i.delta, INSTANCE_LEVEL);
        const worst = (f: (r: MovementDraw) => number) => Math.max(...draws.map(f));
        const sampled = worst((r) => Math.max(r.sampledA, r.sampledW) / r.q);
        const upper = worst((r) => Math.max(r.cert.upperA, r.cert.upperW) / r.q);
        const initA = worst((r) => r.cert.initA / (i.gamma * r.eta)), initW = worst((r) => r.cert.initW / r.eta);
        return {
          holds: c.holds,
          observed: failures / draws.length,
          bound: i.delta,
          tightness: sampled,
          detail:
            `${failures}/${draws.length} draws without all four bounds certified (${certifiedFail} certified to fail; 95% CP upper ${
              c.upper.toExponential(2)
            } vs δ = ${i.delta}); worst over the ${i.observed} integrated draws: sampled movement/q = ${
              sampled.toExponential(3)
            } (a: ${worst((r) => r.sampledA / r.q).toExponential(2)}, w: ${
              worst((r) => r.sampledW / r.q).toExponential(2)
            }); worst over all draws: certified bound/q = ${upper.toExponential(3)}, max|a_k(0)|/(γη) = ${
              initA.toFixed(3)
            }, max‖w_k(0)‖_∞/η = ${initW.toFixed(3)}; t* = ∞ certified on ${
              draws.filter((r) => r.cert.shiftBound < 0.25).length
            }/${draws.length} draws (largest sup‖ΔK̂^(a)‖_F/λ_S bound ${
              worst((r) => r.cert.shiftBound).toExponential(2)
            })`,
          data: { failures, draws: draws.length, delta: i.delta, sampled, upper, initA, initW },
        };
      },
    },
    aggregate: perInstanceBinomialAggregate(INSTANCE_LEVEL),
    parameters: twoPointParameters({
      width: { type: "integer", min: 1, max: 100000, help: "width N (default ⌈32n⁴C_d/(λ_S²δ)⌉)" },
      gamma: {
        type: "number",
        min: 1e-3,
        max: 8,
        help: "scale γ of the output weights (default 1/√N; the lemma needs γ < 1)",
      },
      unitCubeNeededBy: "the proof needs",
    }),
    scenarios: [{
      name: "inputs-beyond-unit-cube",
      breaks:
        "$\\|\\boldsymbol x_i\\|_\\infty \\le 1$: inputs $\\pm 30$ ($d = 1$), $N = 1000$, $\\gamma = 0.03$, which meet both printed width terms ($\\lambda_S$ grows like the squared scale, so the threshold falls below 1)",
      params: { data: 0, scale: 30, width: 1000, delta: 0.5, gamma: 0.03 },
      instances: 4,
      searchRuns: 4,
    }, {
      name: "narrow-network",
      breaks:
        "$N \\ge 32n^4C_d/(\\lambda_S^2\\delta)$: width $N = 64$, about 200 times below the threshold 12288 ($x = \\pm1$, $\\delta = 1/2$)",
      params: { data: 0, scale: 1, width: 64, delta: 0.5, gamma: 0.125 },
      instances: 4,
      searchRuns: 4,
    }],
    nearMiss: {
      mutant:
        "the radius q with its exponent in N off by 1/4, $q\\,N^{-1/4} = 8dn\\sqrt{R_S(\\theta^0)\\log(4N(d+1)/\\delta)}/(N^{5/4}\\lambda_S)$",
      caughtBy:
        '`parameter_movement_test.ts`, "yang-movement catches the near miss q·N^(-1/4) (the exponent of N off by 1/4)"',
    },
    sourceGaps: [
      {
        hypothesis: String
          .raw`$\|\boldsymbol x_i\|_\infty \le 1$ (inputs in the unit cube, which the proof uses; the slide does not state it)`,
        why: String
          .raw`with inputs $\pm 30$ both printed width terms are met ($\lambda_S$ grows like the squared scale), yet the parameters move farther than $q$.`,
        scenario: "inputs-beyond-unit-cube",
      },
    ],
  });
}
