/**
 * The relative scale criterion of Chizat's lazy-training slides (`003_…`, "When does lazy training
 * occur (without α)? Relative scale criterion"): κ_h(w₀) = ‖h(w₀) − y*‖/‖∇h(w₀)‖ · ‖∇²h(w₀)‖/‖∇h(w₀)‖
 * for homogeneous models (κ_f(w₀) ≍ 1/‖w₀‖^L) and for wide two-layer networks f = α(m)Σφ(wᵢ, ·)
 * (printed: κ_f(w₀) ≍ (mα(m))^{-1}; corrected: m^{-1/2} + (mα(m))^{-1}, as (10.47); the printed form still
 * holds for α(m) = O(m^{-1/2}), which includes both scalings the slides contrast, 1/√m and 1/m). Also the
 * slide's first half, err ≲ t²κ_h(w₀): the relative error of the linearised model at normalised time t, on a
 * smooth (tanh) network, against t²κ_h(w₀) and as a local exponent in t.
 *
 * @module
 */
import { defineClaim } from "../../engine/claim.ts";
import { failedAs } from "../../engine/words.ts";
import type { AggregateCheck, Claim, ConclusionCheck, Hypothesis, InstanceContext } from "../../engine/claim.ts";
import type { InstanceRecord, PlotSpec } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM, levelText } from "../../engine/false_alarm.ts";
import { exponentTest } from "../../engine/verdicts/log_log_fit.ts";
import { chart, quantitative } from "../../engine/plots/chart.ts";
import { withData } from "../../engine/records.ts";
import { kappaSweepData, meanKappa } from "../../models/kappa_sweep.ts";
import { antisymmetricInit, kappa, ScaledTwoLayer } from "../../models/scaled_two_layer.ts";
import { relu } from "../../models/activation.ts";
import { type TanhLinearisationError, tanhLinearisationError } from "../../models/lazy_relative_error.ts";
import { atMost, norm, ratio } from "../../numerics/compare.ts";
import { EPS } from "../../numerics/linalg.ts";
import type { Rng } from "../../numerics/random.ts";
import { type LinearFit, linearFit } from "../../numerics/stats.ts";

const SOURCE = "003_ad774dfe7ed191b8.txt";

/** Instances at the report budget; each instance's CI gets CHECK_FALSE_ALARM / this (Bonferroni). */
const KAPPA_REPORT_INSTANCES = 12;
/** Draws per width in the fit (16: power ≈ 1 at the Bonferroni level against the exponent ± 1/4; 8 gave 0.68 for β = 0). */
const KAPPA_DRAWS = 16;
/** Two-sided level of each instance's interval, as a percentage for the text. */
const KAPPA_LEVEL = `${(100 * (1 - CHECK_FALSE_ALARM / KAPPA_REPORT_INSTANCES)).toFixed(4)}%`;
/** Width of the network on which the homogeneity scaling κ(λw₀) = κ(w₀)/λ² is checked. */
const HOMOGENEITY_WIDTH = 8;
/** Scales λ of that check (powers of 2: scaling w₀ is exact in floating point). */
const HOMOGENEITY_SCALES = [0.125, 4, 64];
/** Width of the smooth (tanh, α = m^{-β}) network on which err(t) ≲ t²κ_h(w₀) is checked. */
const ERR_WIDTH = 64;
/** Largest normalised time t = T·‖Dh(w₀)‖² of that check; the times are ERR_T_MAX·2^{-j}, j = 0 … ERR_TIMES − 1. */
const ERR_T_MAX = 0.125;
/** Number of times (t = 2⁻⁷ … 2⁻³). */
const ERR_TIMES = 5;
/** RK4 steps up to ERR_T_MAX (and twice as many for the error estimate). */
const ERR_STEPS = 256;
/**
 * Tolerance on the exponent of err in t as t → 0 (pre-registered): err = c·t² + O(t³) makes local exponents 2 + O(t);
 * at t = 2⁻⁷ the O(t) term stays below 0.1 unless the t³ coefficient exceeds 12c, and the extrapolation removes it.
 */
const ERR_SLOPE_TOLERANCE = 0.1;
/** The integration error estimate must stay below this fraction of err at every time (else undecided). */
const ERR_INTEGRATION_BUDGET = 0.01;

/**
 * The widths of each instance's sweep.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const { RELATIVE_SCALE_WIDTHS } = await import("./relative_scale.ts");
 * assert.equal(RELATIVE_SCALE_WIDTHS.length, 4);
 * ```
 */
export const RELATIVE_SCALE_WIDTHS = [64, 256, 1024, 4096];

/** An instance: one scaling α(m) = m^{-β}, its stream, and a homogeneity test point. */
export interface KappaInstance {
  /** β. */
  beta: number;
  /** Stream for the width sweep. */
  rng: Rng;
  /** Antisymmetric w₀ (f(w₀, ·) = 0) of a width-8 network, for the homogeneity scaling. */
  w0: Float64Array;
}

/** What each instance keeps for the plot: β and the fitted exponent of κ in m with its interval. */
export interface KappaData {
  /** β of α(m) = m^{-β}. */
  beta: number;
  /** Fitted exponent of κ in m. */
  slope: number;
  /** Lower end of its interval. */
  lo: number;
  /** Upper end of its interval. */
  hi: number;
  /** Standard error of the exponent and the fit's number of points (for the test record). */
  se: number;
  /** Points in the fit. */
  n: number;
  /** err(t) of the linearised model at the normalised times `errTimes`. */
  errors: number[];
  /** The normalised times. */
  errTimes: number[];
  /** Rigorous lower and upper bounds on κ_h(w₀) of the smooth network. */
  kappaLo: number;
  /** Upper bound. */
  kappaHi: number;
}

/** The exponent of κ in m under test for α(m) = m^{-β}. */
export type RelativeScaleExponent = (beta: number) => number;

/**
 * As printed: κ_f(w₀) ≍ (mα(m))^{-1} = m^{β−1}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const { printedRelativeScaleExponent } = await import("./relative_scale.ts");
 * assert.equal(printedRelativeScaleExponent(0), -1);
 * ```
 */
export const printedRelativeScaleExponent: RelativeScaleExponent = (beta) => beta - 1;

/**
 * Corrected (as (10.47) and Chizat–Oyallon–Bach): κ ≍ m^{-1/2} + (mα(m))^{-1}, exponent max(−1/2, β − 1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const { correctedRelativeScaleExponent } = await import("./relative_scale.ts");
 * assert.equal(correctedRelativeScaleExponent(0), -0.5);
 * ```
 */
export const correctedRelativeScaleExponent: RelativeScaleExponent = (beta) => Math.max(-0.5, beta - 1);

function generate({ rng, index, params = {} }: InstanceContext): KappaInstance {
  return {
    beta: params.beta ?? [0, 0.5, 1][index % 3],
    rng,
    w0: antisymmetricInit(rng, 3, HOMOGENEITY_WIDTH),
  };
}

const hypotheses: Hypothesis<KappaInstance>[] = [{
  statement:
    "iid weights with $\\mathbb E\\Phi(w_i, \\cdot) = 0$ ($v_i$ symmetric); ReLU network 2-homogeneous; $f(w_0, \\cdot) = 0$ for the homogeneity part",
  certainty: "certified",
  method: "by construction (v ~ N(0, 1) independent of u; antisymmetric w₀)",
  check: (i) => ({ holds: i.w0.every(Number.isFinite), value: `β = ${i.beta}` }),
}, {
  statement: "$Df(w_0) \\ne 0$ on the homogeneity network ($\\kappa_f(w_0)$ (10.42) divides by $\\|Df(w_0)\\|^2$)",
  certainty: "certified",
  method: "‖Df(w₀)‖ computed exactly (zero when no neuron is active on any input)",
  check(i) {
    const { xs, y } = kappaSweepData();
    const j = kappa(new ScaledTwoLayer(xs, HOMOGENEITY_WIDTH, 1, relu), i.w0, y).jacobianNorm;
    return { holds: j > 0, value: `‖Df(w₀)‖ = ${j.toExponential(3)}` };
  },
}];

/** The homogeneity check and the fitted exponent of κ in m of one instance (computed once, for both forms). */
interface Sweep {
  se: number;
  n: number;
  slope: number;
  lo: number;
  hi: number;
  homogeneity: number;
  homogeneityOk: boolean;
  lazy: TanhLinearisationError;
}

const sweeps = new WeakMap<KappaInstance, Sweep>();

function sweep(i: KappaInstance, power: number): Sweep {
  const cached = sweeps.get(i);
  if (cached) return cached;
  // (1) Homogeneous: f(λw, x) = λ²f(w, x) (L = 2), f(w₀, ·) = 0, so κ(λw₀) = κ(w₀)/λ².
  const { xs, y } = kappaSweepData();
  const net = new ScaledTwoLayer(xs, HOMOGENEITY_WIDTH, 1, relu);
  const base = kappa(net, i.w0, y).kappa;
  // f(w₀, ·) = 0 in exact arithmetic, but the two halves of the sum cancel only to rounding, and f(λw₀) carries
  // λ² times that residue; the residual norms ‖y − f(λw₀)‖ and ‖y − f(w₀)‖ then differ by up to ‖f(λw₀)‖ + ‖f(w₀)‖.
  const yNorm = norm(y), fBase = norm(net.outputs(i.w0));
  let homogeneity = 0, homogeneityOk = true;
  for (const lambda of HOMOGENEITY_SCALES) {
    // Powers of 2: scaling w₀ is exact in floating point, so only the norm computations round.
    const scaledW = i.w0.map((v) => lambda * v);
    const scaled = kappa(net, scaledW, y).kappa;
    const rel = Math.abs(scaled * lambda * lambda - base) / base;
    const residue = (norm(net.outputs(scaledW)) + fBase) / (yNorm - fBase);
    const c = atMost(rel, 64 * (xs.length + net.paramCount) * EPS + residue);
    homogeneityOk &&= c.ok;
    homogeneity = Math.max(homogeneity, ratio(c.observed, c.bound));
  }
  // (2) Wide networks: per-draw log κ against log m, KAPPA_DRAWS draws per width.
  const x: number[] = [], yv: number[] = [];
  for (const m of RELATIVE_SCALE_WIDTHS) {
    for (const k of meanKappa(i.rng, m, i.beta, KAPPA_DRAWS)) {
      x.push(Math.log(m));
      yv.push(Math.log(k));
    }
  }
  const fit = linearFit(x, yv, 1 - CHECK_FALSE_ALARM / KAPPA_REPORT_INSTANCES);
  // (3) The first half, err ≲ t²κ_h(w₀), on a smooth network (drawn after the sweep: the sweep's draws are unchanged).
  const lazy = tanhLinearisationError(i.rng, ERR_WIDTH, i.beta, {
    tMax: ERR_T_MAX,
    count: ERR_TIMES,
    steps: ERR_STEPS,
    power,
  });
  const s = {
    slope: fit.slope,
    se: fit.slopeStdErr,
    n: fit.n,
    lo: fit.slopeInterval.lo,
    hi: fit.slopeInterval.hi,
    homogeneity,
    homogeneityOk,
    lazy,
  };
  sweeps.set(i, s);
  return s;
}

/**
 * The homogeneity scaling holds, the interval of the fitted exponent contains `exponent(β)`, and the first half:
 * err(t) ≤ t^p·κ_h(w₀) at every t (failing only if it fails for κ's rigorous upper bound) and the local exponent
 * of err in t is ≥ p − ERR_SLOPE_TOLERANCE (p = 2 as printed). Undecided when the integration error estimate
 * exceeds ERR_INTEGRATION_BUDGET of err.
 */
function checkExponent(i: KappaInstance, exponent: RelativeScaleExponent, power: number): ConclusionCheck<KappaData> {
  const s = sweep(i, power), e = exponent(i.beta), z = s.lazy;
  const inside = s.lo <= e && e <= s.hi;
  const errOk = z.worstHi <= 1 && z.slope >= power - ERR_SLOPE_TOLERANCE;
  const undecided = !(z.integration <= ERR_INTEGRATION_BUDGET)
    ? `RK4 step halving changed err(t) by ${
      z.integration.toExponential(2)
    } of itself (budget ${ERR_INTEGRATION_BUDGET})`
    : undefined;
  const p = power === 2 ? "t²" : `t^${power}`;
  return {
    holds: s.homogeneityOk && inside && errOk && !undecided,
    ...(undecided ? { undecided } : {}),
    observed: s.slope,
    bound: e,
    tightness: Math.abs(s.slope - e),
    detail: `homogeneity κ(λw₀)λ² = κ(w₀) to ${
      s.homogeneity.toExponential(2)
    } of the rounding tolerance; α = m^-${i.beta}: fitted exponent ${s.slope.toFixed(3)} [${s.lo.toFixed(3)}, ${
      s.hi.toFixed(3)
    }] vs ${e}${inside ? "" : ` (outside the ${KAPPA_LEVEL} CI)`}; err(t) over ${p}κ_h(w₀) at t ∈ [2⁻⁷, 2⁻³]: ≤ ${
      z.worstHi.toPrecision(3)
    } with κ's upper bound ${z.kappaHi.toPrecision(3)}, ≤ ${z.worstLo.toPrecision(3)} with its lower bound ${
      z.kappaLo.toPrecision(3)
    }; exponent of err in t as t → 0 (extrapolated) ${z.slope.toFixed(3)} (≥ ${power - ERR_SLOPE_TOLERANCE} required)`,
    data: {
      beta: i.beta,
      slope: s.slope,
      lo: s.lo,
      hi: s.hi,
      se: s.se,
      n: s.n,
      errors: z.errors,
      errTimes: z.times,
      kappaLo: z.kappaLo,
      kappaHi: z.kappaHi,
    },
  };
}

/** The corrected fits as one record: per-instance two-sided t tests at ℓ = α/12, combined min(1, m·min pᵢ) at m·ℓ. */
function aggregate(records: InstanceRecord<KappaData>[], corrected: RelativeScaleExponent): AggregateCheck {
  const ell = CHECK_FALSE_ALARM / KAPPA_REPORT_INSTANCES;
  const per = withData(records.filter((r) => r.met)).map(({ data }) =>
    exponentTest({ slope: data.slope, slopeStdErr: data.se, n: data.n } as LinearFit, {
      name: `β = ${data.beta}`,
      rate: corrected(data.beta),
      sides: "two-sided",
      alpha: ell,
    })
  );
  if (per.length === 0) return { holds: "inconclusive", summary: "no instance met the hypotheses" };
  const m = per.length, minP = Math.min(...per.map((t) => t.pValue));
  const weakest = per.reduce((a, b) => (a.power!.probability <= b.power!.probability ? a : b));
  const test = {
    name: `exponent of κ in m against the corrected max(−1/2, β − 1) (two-sided t per instance, Bonferroni)`,
    statistic: per.map((t) => `${t.name}: ${t.statistic}`).join("; "),
    pValue: Math.min(1, m * minP),
    alpha: m * ell,
    power: {
      alternative: `${weakest.power!.alternative} on the weakest instance (${weakest.name})`,
      probability: weakest.power!.probability,
    },
  };
  return {
    holds: !(minP <= ell),
    summary: `the corrected exponent's two-sided tests at level ${
      levelText(ell)
    } per instance, combined (Bonferroni): p = ${levelText(test.pValue)} at level ${levelText(test.alpha)}`,
    tests: [test],
  };
}

function plots(records: InstanceRecord<KappaData>[]): PlotSpec[] {
  const values = withData(records).map(({ data }) => ({
    beta: data.beta,
    slope: data.slope,
    lo: data.lo,
    hi: data.hi,
  }));
  return [chart({
    name: "kappa-exponents",
    title: `fitted exponent of κ in m against β (α = m^-β), ${KAPPA_LEVEL} CIs`,
    values,
    layer: [
      { mark: { type: "rule" }, encoding: { x: quantitative("beta"), y: quantitative("lo"), y2: { field: "hi" } } },
      { mark: { type: "point", filled: true }, encoding: { x: quantitative("beta"), y: quantitative("slope") } },
    ],
  })];
}

/**
 * `chizat-kappa`: κ_f(w₀) ≍ 1/‖w₀‖^L for L-homogeneous models with f(w₀, ·) = 0 (exact scaling),
 * and κ ≍ (mα(m))^{-1} for wide two-layer networks with iid weights (fitted exponent per scaling
 * α(m) = m^{-β}). As printed the second drops the term m^{-1/2} coming from ‖h(w₀) − y*‖ ≍ α√m
 * (erratum: κ ≍ m^{-1/2} + (mα(m))^{-1}, as in (10.47)).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { relativeScale } from "./relative_scale.ts";
 * assert.equal(relativeScale().id, "chizat-kappa");
 * ```
 */
export function relativeScale(
  printed: RelativeScaleExponent = printedRelativeScaleExponent,
  corrected: RelativeScaleExponent = correctedRelativeScaleExponent,
  power = 2,
): Claim {
  return defineClaim<KappaInstance, KappaData>({
    id: "chizat-kappa",
    title: "Relative scale κ for homogeneous models and wide two-layer networks",
    kind: "rate",
    source: { document: SOURCE, where: "slide 'When does lazy training occur (without α)? Relative scale criterion'" },
    statement: String
      .raw`For $R(y) = \frac12\|y - y^\star\|^2$, relative error at (normalized) time $t$ is $\mathrm{err} \lesssim t^2\kappa_h(w_0)$ where $\kappa_h(w_0) := \frac{\|h(w_0) - y^\star\|}{\|\nabla h(w_0)\|}\frac{\|\nabla^2h(w_0)\|}{\|\nabla h(w_0)\|}$. Homogeneous models with $f(w_0, \cdot) = 0$:
if $f(\lambda w, x) = \lambda^Lf(w, x)$ then $\kappa_f(w_0) \asymp 1/\|w_0\|^L$. Wide two-layer NNs with iid weights, $\mathbb E\Phi(w_i, \cdot) = 0$:
if $f(w, x) = \alpha(m)\sum_{i=1}^m\Phi(w_i, x)$ then $\kappa_f(w_0) \asymp (m\alpha(m))^{-1}$.`,
    tightness:
      "|fitted exponent − printed exponent| per scaling; err(t)/(t²κ_h) for the first half is in each instance's detail (against κ's upper and lower bounds)",
    instances: { test: 3, report: KAPPA_REPORT_INSTANCES },
    falseAlarm: CHECK_FALSE_ALARM,
    generate,
    widthsRefusal:
      "its verdict (which exponent the CI of the fit contains: the printed β − 1 or max(−1/2, β − 1)) is read on its fixed grid m = 64…4096, where κ ≍ m^{-1/2} + (mα(m))^{-1} has one exponent only asymptotically",
    describe: (i) =>
      `ReLU two-layer f = α(m)Σ vᵢσ(uᵢ·x), α(m) = m^-${i.beta}, m ∈ {${
        RELATIVE_SCALE_WIDTHS.join(", ")
      }}, ${KAPPA_DRAWS} draws each; homogeneity on m = 8; err(t) on tanh, m = ${ERR_WIDTH}`,
    hypotheses,
    conclusion: {
      failure: (c) => failedAs("κ must scale with the printed exponent and err(t) ≲ t²κ_h(w₀)", c, "="),
      statement:
        `κ(λw₀)·λ² = κ(w₀) to rounding for λ ∈ {1/8, 4, 64}; the ${KAPPA_LEVEL} CI of the fitted exponent of κ in m contains the printed exponent β − 1; and the first half, err ≲ t²κ_h(w₀), on a tanh network (m = ${ERR_WIDTH}, α = m^-β, iid w₀, the sweep's data): with err(t) = ‖h(w(T)) − h̄(w̄(T))‖/‖h(w₀) − y*‖ at normalised time t = T‖∇h(w₀)‖² (w the gradient flow of R(h), w̄ that of R(h̄), h̄ the linearisation at w₀; h̄'s flow solved exactly, h's by RK4, ${ERR_STEPS} and ${
          2 * ERR_STEPS
        } steps, undecided if they differ by more than ${ERR_INTEGRATION_BUDGET} of err), (i) err(t) ≤ t²·κ_h(w₀) at t = 2⁻⁷, …, 2⁻³ — "≲" read with the constant 1 that the second-order expansion gives as t → 0 (h − h̄ = (T²/2)(Dh·D²h[g]ᵀr₀ + D²h[g, g]) + O(T³), g = Dhᵀr₀, each term ≤ T²‖Dh‖²‖D²h‖‖r₀‖²/2), judged with κ's rigorous upper bound (‖D²h‖ bracketed, models/scaled_two_layer.ts hessianNormBounds), so a failure refutes the bound for the exact κ; (ii) err = O(t²) as t → 0: the exponent of err in t as t → 0, extrapolated from the local exponents s₀₁ (t = 2⁻⁷ to 2⁻⁶) and s₁₂ (2⁻⁶ to 2⁻⁵) as 2s₀₁ − s₁₂ (each is 2 + at + O(t²)), is ≥ 2 − ${ERR_SLOPE_TOLERANCE}. Criteria (i), (ii) and their tolerances fixed before any err(t) was computed; the extrapolation replaced the raw s₀₁ after seed 9 gave s₀₁ = 1.902 (the O(t) bias, not the tolerance, was changed)`,
      check: (i) => checkExponent(i, printed, power),
    },
    erratum: {
      failure: (c) => failedAs("κ must scale with the corrected exponent and err(t) ≲ t²κ_h(w₀)", c, "="),
      printed: String.raw`$\kappa_f(w_0) \asymp (m\alpha(m))^{-1}$`,
      corrected: String
        .raw`$\kappa_f(w_0) \asymp m^{-1/2} + (m\alpha(m))^{-1}$ (exponent $\max(-\frac12, \beta - 1)$ for $\alpha = m^{-\beta}$)`,
      reasoning: String
        .raw`With iid weights $h(w_0)$ is a sum of $m$ centred terms of size $\alpha$, so $\|h(w_0) - y^\star\| \asymp \|y^\star\| + \alpha\sqrt m$,
while $\|\nabla h\|^2 \asymp \alpha^2m$ and $\|\nabla^2h\| \asymp \alpha$ (block diagonal over neurons). Hence
$\kappa \asymp (\|y^\star\| + \alpha\sqrt m)\alpha/(\alpha^2m) = \|y^\star\|/(m\alpha) + m^{-1/2}$: the printed form keeps only the first term, which is
wrong whenever $\alpha(m) \gg m^{-1/2}$ (e.g. $\alpha = 1$: κ decays like $m^{-1/2}$, not $m^{-1}$). Chapter 10's (10.47) and Chizat–Oyallon–Bach state both terms.`,
      check: (i) => checkExponent(i, corrected, power),
      scope: {
        statement: String
          .raw`whenever $\alpha(m) = O(m^{-1/2})$ ($\beta \ge \frac12$ for $\alpha = m^{-\beta}$), where the dropped $m^{-1/2}$ is at most of the order of the kept term: in particular for both scalings the slides contrast, $\alpha = m^{-1/2}$ (lazy, $\tilde f_m$) and $\alpha = 1/m$ (mean field, $f_m$); it fails for $\alpha(m) \gg m^{-1/2}$ (sampled: $\alpha = 1$)`,
        contains: (i) => i.beta >= 0.5,
      },
    },
    aggregate: (records) => aggregate(records, corrected),
    plots,
    parameters: {
      beta: { type: "number", min: 0, max: 1.5, help: "scaling exponent: α(m) = m^-β" },
    },
    unbreakable:
      "the hypotheses (iid weights, v symmetric so EΦ = 0, ReLU 2-homogeneity, antisymmetric w₀; for err ≲ t²κ the square loss and a differentiable model, tanh) are fixed by construction in the shared sampler (models/kappa_sweep.ts meanKappa) and the tanh network; the only knob, β, is not a hypothesis: every β is covered by the statement",
    nearMiss: {
      mutant:
        "err ≲ t^{9/4}·κ_h(w₀) (the time exponent off by 1/4). A constant off by 2 cannot be caught: over seeds 1–10 (30 instances) the largest err(t)/(t²κ_h) is 0.004–0.048 with κ's upper bound and 0.009–0.10 with its lower: a bound 10–250× loose on these random instances",
      caughtBy:
        '`relative_scale_test.ts`, "chizat-kappa catches the near miss err ≲ t^{9/4}κ_h(w₀) (the local exponent of err in t is 2)"',
    },
  });
}
