/**
 * `yang-tstar` — Lecture 13 (002, Haizhao Yang, arXiv:2106.06682), slide 'Lemma: t* = ∞': while t < t*,
 * |θ(t) − θ(0)| ≤ O(1/N) (entrywise), so t* = ∞ for N large (t* the exit time from M(θ⁰), (3)). Checked by the
 * fitted exponent in N of the typical entry's movement sup_t ‖θ(t) − θ(0)‖/√W (root mean square over the W entries)
 * over a width sweep, and the observed exit (or not) from M(θ⁰). The slide's |θ(t) − θ(0)| is entrywise (the
 * Euclidean norm of the W = N(d + 1) entries is of order N^{-1/2}); a fixed entry and the typical one are O(1/N), while
 * the largest entry carries the extreme-value factor √(2 log N) of max_k σ(w_kᵀxᵢ) that the previous lemma's
 * q ∝ √(log(4N(d + 1)/δ))/N states: its exponent is reported for the record, not tested against −1.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import { oncePerContent } from "../../engine/once_per.ts";
import type { Claim } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM, confidencePercent } from "../../engine/false_alarm.ts";
import { withData } from "../../engine/records.ts";
import { exponentTest, formatExponent, logLogFit } from "../../engine/verdicts/log_log_fit.ts";
import { kernelA, kernelGram, LectureNetwork } from "../../models/lecture_network.ts";
import { symmetricEigen } from "../../numerics/linalg.ts";
import { integrate } from "../../numerics/ode.ts";
import { createRng } from "../../numerics/random.ts";

const SOURCE = "002_4e8ee8a272f9d000.txt";

/** An instance of `yang-tstar`: a sample, a width and θ⁰ with γ = 1/√N. */
export interface TstarInstance {
  /** The network. */
  net: LectureNetwork;
  /** θ⁰. */
  theta0: Float64Array;
  /** λ_S. */
  lambdaS: number;
}

/** The widths of the `yang-tstar` sweep. */
export const TSTAR_WIDTHS = [32, 128, 512, 1024];

/** The printed movement exponent: |θ(t) − θ(0)| ≤ O(N^e) with e = −1. */
export type MovementExponent = () => number;

/** What an instance keeps for the fit over widths. */
export interface TstarData {
  /** Width N. */
  width: number;
  /** sup_{t<t*} ‖θ(t) − θ(0)‖/√W over √R_S(θ⁰) (the typical entry's movement, normalised). */
  movement: number;
  /** The largest entry's movement before t*. */
  largest: number;
  /** max over sampled t of ‖K̂^(a)(θ(t)) − K̂^(a)(θ⁰)‖_F/λ_S. */
  shift: number;
}

/** Sampled gradient flow (1) of the lecture's network: the largest movements and the exit from M(θ⁰). */
export interface MovementRun {
  /** max over sampled t and k of |a_k(t) − a_k(0)|. */
  maxA: number;
  /** max over sampled t and k of ‖w_k(t) − w_k(0)‖_∞. */
  maxW: number;
  /** max over sampled t of ‖K̂^(a)(θ(t)) − K̂^(a)(θ⁰)‖_F / λ_S (t* is reached when it exceeds 1/4). */
  maxKernelShift: number;
  /** max over sampled t < t* of the root-mean-square entry movement ‖θ(t) − θ(0)‖/√W. */
  rmsMove: number;
  /** Risk at the end over the risk at 0. */
  riskRatio: number;
  /** max_k |a_k(0)|, max_k ‖w_k(0)‖_∞. */
  initA: number;
  /** max_k ‖w_k(0)‖_∞. */
  initW: number;
  /**
   * Where the flow slid along a kink of ReLU, if it did: the time of the integrator's last evaluation and the
   * smallest |w_kᵀxᵢ|/(‖w_k‖‖xᵢ‖) there. (1) then has no classical solution past that time and every movement is NaN.
   */
  sliding?: { time: number; kinkDistance: number };
}

/** The flows of the worker's recent instances, by content (`tstarInfinite`). */
const FLOWS = oncePerContent<MovementRun>(64);

/** A pre-activation this close to 0 (relative to ‖w_k‖‖xᵢ‖) where the integrator's step size collapses: sliding. */
const SLIDING_KINK_DISTANCE = 1e-6;

/**
 * Integrates θ̇ = −∇R_S(θ) (1) with the engine's adaptive integrator to T = 4n/(Nλ_S) (the time scale of the
 * loss bound exp(−Nλ_S t/n)) and records the largest parameter movements at 64 sampled times before t*.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { movementRun } from "./tstar_infinite.ts";
 * import { LectureNetwork } from "../../models/lecture_network.ts";
 * import { createRng } from "../../numerics/random.ts";
 * const net = new LectureNetwork([Float64Array.of(1, 0.2)], [0.5], 32);
 * const run = movementRun(net, net.initialise(createRng(1), 0.2), 0.5);
 * assert.ok(run.maxA >= 0 && run.riskRatio < 1);
 * ```
 */
export function movementRun(net: LectureNetwork, theta0: Float64Array, lambdaS: number): MovementRun {
  const n = net.xs.length, N = net.width, W = net.paramCount;
  const T = 4 * n / (N * lambdaS);
  const times = Array.from({ length: 64 }, (_, j) => (T * (j + 1)) / 64);
  let lastTime = 0, lastState: Float64Array = theta0;
  let sol;
  try {
    // Movements are compared across widths to a few per cent: a loose tolerance suffices.
    sol = integrate(
      (t, th) => {
        lastTime = t;
        lastState = th;
        // Negated in place (riskGradient returns a fresh array): the closure of .map((g) => -g) was about a fifth of
        // this claim's CPU.
        const g = net.riskGradient(th);
        for (let q = 0; q < g.length; q++) g[q] = -g[q];
        return g;
      },
      0,
      theta0,
      times,
      { rtol: 1e-6, atol: 1e-9 },
    );
  } catch (e) {
    // A pre-activation that reaches 0 where the field pushes it back from both sides (a Filippov sliding mode) makes
    // the step size collapse until the step limit (seen: seed 756, N = 32, w_kᵀx₀ = −4.5·10⁻⁴ at θ⁰, stuck at t ≈ 0.02T).
    const kinkDistance = net.kinkDistance(lastState);
    if (!(kinkDistance < SLIDING_KINK_DISTANCE)) throw e;
    return {
      maxA: NaN,
      maxW: NaN,
      maxKernelShift: NaN,
      rmsMove: NaN,
      riskRatio: NaN,
      initA: NaN,
      initW: NaN,
      sliding: { time: lastTime, kinkDistance },
    };
  }
  const k0 = net.gramA(theta0);
  let maxA = 0, maxW = 0, maxKernelShift = 0, rmsMove = 0;
  for (const th of sol.states) {
    const shift = net.gramA(th).sub(k0).norm("frobenius") / lambdaS;
    maxKernelShift = Math.max(maxKernelShift, shift);
    if (shift > 0.25) break; // t ≥ t*: the lemma speaks of t < t* only
    for (let k = 0; k < N; k++) maxA = Math.max(maxA, Math.abs(th[k] - theta0[k]));
    for (let q = N; q < W; q++) maxW = Math.max(maxW, Math.abs(th[q] - theta0[q]));
    let sq = 0;
    for (let q = 0; q < W; q++) sq += (th[q] - theta0[q]) ** 2;
    rmsMove = Math.max(rmsMove, Math.sqrt(sq / W));
  }
  let initA = 0, initW = 0;
  for (let k = 0; k < N; k++) initA = Math.max(initA, Math.abs(theta0[k]));
  for (let q = N; q < W; q++) initW = Math.max(initW, Math.abs(theta0[q]));
  return { maxA, maxW, maxKernelShift, rmsMove, riskRatio: net.risk(sol.states[63]) / net.risk(theta0), initA, initW };
}

/**
 * `yang-tstar`: while t < t*, |θ(t) − θ(0)| ≤ O(1/N) (entrywise), so t* = ∞ for N large: fitted exponent
 * of the typical entry's movement in N, and the observed exit (or not) from M(θ⁰). `exponent` is the exponent under
 * test (the near miss: −5/4).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tstarInfinite } from "./tstar_infinite.ts";
 * assert.equal(tstarInfinite().id, "yang-tstar");
 * ```
 */
export function tstarInfinite(exponent: MovementExponent = () => -1): Claim {
  const fixed = createRng("yang-tstar-data");
  const xs = [Float64Array.of(1, 0.1), Float64Array.of(0.2, 1)];
  const ys = Float64Array.from(xs, () => fixed.uniform(-1, 1));
  const lambdaS = symmetricEigen(kernelGram(kernelA, xs)).values[1];
  // The flow is integrated once per instance content, for the hypothesis and the conclusion, and for every claim of
  // this module in the worker (the printed one and its mutant, which differ in the aggregate only): it reads the
  // sample, the width, λ_S and θ⁰ alone.
  const run = (i: TstarInstance): MovementRun =>
    FLOWS(
      JSON.stringify([i.net.xs.map((x) => Array.from(x)), Array.from(i.net.ys), i.net.width, i.lambdaS]),
      [i.theta0],
      () => movementRun(i.net, i.theta0, i.lambdaS),
    );
  return defineClaim<TstarInstance, TstarData>({
    id: "yang-tstar",
    title: "Parameters stay within O(1/N) of initialisation, so t* = ∞ for large N",
    kind: "rate",
    source: { document: SOURCE, where: "Lecture 13, slide 'Lemma: t* = ∞'" },
    statement: String
      .raw`When $t \in [0, t^*)$, $|\theta(t) - \theta(0)| \le O(\frac1N)$. Therefore, when $N$ is large enough, $t^* = \infty$
($t^* = \inf\{t \mid \theta(t) \notin \mathcal M(\theta^0)\}$, $\mathcal M(\theta^0) = \{\theta \mid \|\hat{\boldsymbol K}^{(a)}(\theta) - \hat{\boldsymbol K}^{(a)}(\theta^0)\|_F \le \frac14\lambda_S\}$ (3)).`,
    tightness:
      "fitted exponent in N of the typical entry's movement sup_t ‖θ(t) − θ(0)‖/√W against −1 (aggregate); the largest entry's exponent for the record",
    // 24 at the test budget too. With 8 (6 degrees of freedom) the t interval's failing side ("CI above −1") was
    // reached on 3 of 3000 seeds (410, 1083, 2736): log(N·movement) is left-skewed with a sharp upper edge (at
    // N = 1024 none of 5400 draws above 0.87, median 0.67), and two draws per width that happen to agree leave s²
    // tiny. Resampling 5400 draws per width puts that side at 3.5·10⁻⁴ with 8 instances (nominal 1.7·10⁻⁴, declared
    // 3.3·10⁻⁴) and at 2.3·10⁻⁴ with 24.
    instances: { test: 24, report: 24 },
    falseAlarm: CHECK_FALSE_ALARM,
    widthsRefusal:
      "its 24 instances (6 draws at each of N = 32, 128, 512, 1024) were sized for the t interval's false alarm at those widths (log movement is left-skewed with a sharp upper edge, see its instances), and t* = ∞ is judged at N = 1024",
    generate({ rng, index }) {
      const width = TSTAR_WIDTHS[index % TSTAR_WIDTHS.length];
      const net = new LectureNetwork(xs, ys, width);
      return { net, theta0: net.initialise(rng, 1 / Math.sqrt(width)), lambdaS };
    },
    describe: (i) => `n = 2, d = 2 (fixed sample), N = ${i.net.width}, γ = 1/√N, λ_S = ${i.lambdaS.toFixed(4)}`,
    hypotheses: [{
      statement:
        "$\\lambda_S > 0$; $a_k^0 \\sim \\mathcal N(0, \\gamma^2)$, $\\boldsymbol w_k^0 \\sim \\mathcal N(0, I_d)$",
      certainty: "estimated",
      method:
        "λ_S from the closed form of k^(a); initialisation by construction; λ_S is the computed (not enclosed) smallest eigenvalue of the closed-form Gram matrix: estimated",
      check: (i) => ({ holds: i.lambdaS > 0, value: `λ_S = ${i.lambdaS.toFixed(4)}` }),
    }, {
      statement:
        "the gradient flow $\\dot\\theta = -\\nabla_\\theta R_S(\\theta)$ (1) exists on $[0, 4n/(N\\lambda_S)]$ ($\\nabla R_S$ is defined along it: it does not slide along a kink of ReLU)",
      certainty: "estimated",
      method:
        "the adaptive integrator reaches T; where it stops instead (step limit) with a pre-activation w_kᵀxᵢ within 10⁻⁶‖w_k‖‖xᵢ‖ of 0, the flow slides along that kink, where (1) has no solution (seen on 2 of 6000 instances at N = 32 over seeds 1–3000, on none of the 18 000 at larger widths)",
      check(i) {
        const s = run(i).sliding;
        return {
          holds: s === undefined,
          value: s === undefined
            ? "integrated to T"
            : `slides along a ReLU kink from t ≈ ${s.time.toExponential(2)} (min |w_kᵀxᵢ|/(‖w_k‖‖xᵢ‖) = ${
              s.kinkDistance.toExponential(1)
            })`,
        };
      },
    }],
    conclusion: {
      failure: (c) =>
        `gradient flow must lower the risk, R_S(T) < R_S(0), with a finite movement; observed ${c.detail}`,
      statement:
        "the flow (1) to T = 4n/(Nλ_S) decreases R_S; the largest movement before t* and the kernel shift are recorded",
      check(i) {
        const r = run(i);
        const move = Math.max(r.maxA, r.maxW);
        return {
          holds: r.riskRatio < 1 && Number.isFinite(move),
          observed: move,
          bound: Infinity,
          tightness: 0,
          detail: `N = ${i.net.width}: max movement ${move.toExponential(3)} (a: ${r.maxA.toExponential(2)}, w: ${
            r.maxW.toExponential(2)
          }); max ‖ΔK̂^(a)‖_F/λ_S = ${r.maxKernelShift.toExponential(2)} (t* reached iff > 1/4); R_S(T)/R_S(0) = ${
            r.riskRatio.toExponential(2)
          }`,
          // The typical entry's movement ‖θ(t) − θ(0)‖/√W, normalised by √R_S(θ⁰) (the lemma's q ∝ √R_S(θ⁰)). The largest
          // entry carries the extreme-value factor √(2 log N) of max_k σ(w_kᵀx) that q makes explicit (see yang-movement).
          data: {
            width: i.net.width,
            movement: r.rmsMove / Math.sqrt(i.net.risk(i.theta0)),
            largest: move,
            shift: r.maxKernelShift,
          },
        };
      },
    },
    aggregate(records) {
      const pts = withData(records).map(({ data }) => data);
      if (pts.length < 5) return { holds: "inconclusive", summary: "too few widths" };
      const fit = logLogFit(pts.map((p) => p.width), pts.map((p) => p.movement), 1 - CHECK_FALSE_ALARM);
      const largestFit = logLogFit(pts.map((p) => p.width), pts.map((p) => p.largest), 1 - CHECK_FALSE_ALARM);
      const e = exponent();
      const { lo, hi } = fit.slopeInterval;
      const escaped = pts.filter((p) => p.shift > 0.25).map((p) => p.width);
      const largest = Math.max(...TSTAR_WIDTHS);
      const infiniteAtLargest = !escaped.includes(largest);
      return {
        holds: lo <= e && hi < 0 && infiniteAtLargest,
        summary: `sup_t ‖θ(t) − θ(0)‖/√(W·R_S(θ⁰)) (typical entry) against N: exponent ${fit.slope.toFixed(3)}, ${
          confidencePercent(CHECK_FALSE_ALARM)
        } CI [${lo.toFixed(3)}, ${
          hi.toFixed(3)
        }] (O(N^${e}) needs the CI to reach ${e} or below, and below 0); t* reached on [0, 4n/(Nλ_S)] at widths {${
          escaped.join(", ") || "none"
        }} (t* = ∞ observed at N = ${largest}: ${infiniteAtLargest})`,
        alpha: CHECK_FALSE_ALARM,
        // The CI's lower end above the exponent (a slower decay) is a one-sided t test at level α/2; "below 0" and
        // t* = ∞ at the largest width are further conditions, not tests of the exponent.
        tests: [exponentTest(fit, {
          name: `exponent of the typical movement in N (≤ ${String(e).replace("-", "−")})`,
          rate: e,
          sides: "upper",
          alpha: CHECK_FALSE_ALARM / 2,
        })],
        rows: [["fitted exponent of the typical entry sup_t ‖θ(t) − θ(0)‖/√W in N (tested)", formatExponent(fit)], [
          "fitted exponent of the largest entry sup_t max_q |θ_q(t) − θ_q(0)| in N (for the record: O(√(log N)/N), as q)",
          formatExponent(largestFit),
        ]],
      };
    },
    nearMiss: {
      mutant: "the movement O(N^{-5/4}) (the exponent off by 1/4)",
      caughtBy: '`tstar_infinite_test.ts`, "yang-tstar catches the near miss O(N^(-5/4)), by its exponent test"',
    },
    unbreakable:
      "the slide's hypotheses are λ_S > 0 and the Gaussian initialisation, both fixed by construction, and its verdict is a fit over widths, which a scenario (checked instance by instance) cannot exercise. Breaking λ_S > 0 leaves nothing to observe: with collinear inputs M(θ⁰) = {θ : K̂^(a)(θ) = K̂^(a)(θ⁰)} and the time scale 4n/(Nλ_S) is infinite. Nearly collinear inputs only raise the width that is 'large enough': with x = (1, 0.1), (0.9, 0.2) (λ_S ≈ 3·10⁻³) the flow leaves M(θ⁰) on [0, 4n/(Nλ_S)] at N = 32 (‖ΔK̂^(a)‖_F ≈ 0.26λ_S) but not at N = 1024 (≈ 0.002λ_S). The flow's existence (no sliding along a ReLU kink) fails when a pre-activation starts near 0 (seed 756, N = 32: w_kᵀx₀ = −4.5·10⁻⁴), which no parameter aims at",
  });
}
