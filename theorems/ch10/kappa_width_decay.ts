/**
 * `eq-10.47` (Chapter 10, §10.2.2, (10.46)–(10.47)): for the random two-layer network f(x, U, v) = α(d_hid)·v·σ(Ux)
 * (10.46), E[κ_f(w₀)] ≲ 1/√d_hid + 1/(d_hid·α(d_hid)) (10.47); with α = 1/√d_hid, κ is small for d_hid big. Checked by
 * log–log fits of κ against d_hid for α = d_hid^{-β}, for ReLU (‖D²f‖ exact) and for tanh (‖D²f‖ bracketed rigorously).
 * For tanh with Gaussian v₀ the printed form fails by a factor √(log d_hid): the U–U block α·vₖσ″(uₖ·x)xxᵀ of D²f,
 * which vanishes for ReLU, makes ‖D²f‖ ≍ α·maxₖ|vₖ| ≍ α√(2 log d_hid) (erratum, scope σ″ = 0).
 *
 * @module
 */
import { flag } from "../../engine/flag.ts";
import { failedAs } from "../../engine/words.ts";
import { type Claim, type ConclusionCheck, defineClaim, type StatisticalTest } from "../../engine/claim.ts";
import { CHECK_FALSE_ALARM, levelText } from "../../engine/false_alarm.ts";
import { logLogLines } from "../../engine/plots/log_log.ts";
import { withData } from "../../engine/records.ts";
import { exponentTest } from "../../engine/verdicts/log_log_fit.ts";
import { kappaBoundSweep, meanKappa } from "../../models/kappa_sweep.ts";
import { tanh } from "../../models/activation.ts";
import type { Rng } from "../../numerics/random.ts";
import { type LinearFit, linearFit } from "../../numerics/stats.ts";

const SOURCE = "001_77e89cd23d3b82cd.txt";

/**
 * The families of (10.47): α(d_hid) = d_hid^{-β}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { KAPPA_BETAS } from "./kappa_width_decay.ts";
 * assert.ok(KAPPA_BETAS.includes(0.5));
 * ```
 */
export const KAPPA_BETAS = [0.5, 0, 1];

/**
 * The widths of the (10.47) sweep.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { KAPPA_WIDTHS } from "./kappa_width_decay.ts";
 * assert.equal(KAPPA_WIDTHS.length, 5);
 * ```
 */
export const KAPPA_WIDTHS = [16, 64, 256, 1024, 4096];

/** Initialisations drawn per cell (width, β). */
const DRAWS_PER_CELL = 6;

/**
 * The smooth activation's instances: each one a whole sweep over KAPPA_WIDTHS with this many draws per width
 * (fixed before any tanh data were looked at from the design alone: the fit's standard error ≈ 0.012 that 120
 * points give, against the √(log d_hid) factor's shift of the fitted exponent, `LOG_FACTOR_SHIFT` ≈ 0.1).
 */
const TANH_DRAWS = 24;
/** The smooth instances' β, in order (the test budget takes the first two, the report budget cycles all three). */
const TANH_BETAS = [0.5, 1, 0];
/** Smooth instances per budget (the last ones of the run). */
const TANH_INSTANCES = { test: 2, report: 6 } as const;
/** Level of each tanh one-sided test: ≤ 6 corrected tests at α/12 take half of α, the three ReLU fits the rest. */
const TANH_ALPHA = CHECK_FALSE_ALARM / 12;

/**
 * The shift of the fitted exponent a factor √(log d_hid) causes on the sweep's widths: the least-squares slope of
 * ½·log log d against log d over KAPPA_WIDTHS (≈ 0.099), the alternative the printed tanh test must catch.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LOG_FACTOR_SHIFT } from "./kappa_width_decay.ts";
 * assert.ok(LOG_FACTOR_SHIFT > 0.09 && LOG_FACTOR_SHIFT < 0.11);
 * ```
 */
export const LOG_FACTOR_SHIFT: number = linearFit(
  KAPPA_WIDTHS.map(Math.log),
  KAPPA_WIDTHS.map((d) => 0.5 * Math.log(Math.log(d))),
).slope;

/** One cell of the (10.47) sweep (ReLU), or a whole sweep over KAPPA_WIDTHS (tanh). */
export interface KappaCell {
  /** d_hid (ReLU cells; for tanh the largest width of the sweep). */
  width: number;
  /** α = d_hid^{-β}. */
  beta: number;
  /** σ. */
  activation: "ReLU" | "tanh";
  /** The instance's stream. */
  rng: Rng;
}

/** What each cell keeps for the fits and the plot. */
export interface KappaCellData {
  /** d_hid. */
  width: number;
  /** α = d_hid^{-β}. */
  beta: number;
  /** Sample mean of κ_f(w₀) over the draws. */
  kappa: number;
  /** κ_f(w₀) of each draw (tanh: its rigorous lower bound). */
  draws: number[];
  /** σ. */
  activation: string;
  /** tanh: d_hid of each draw. */
  widths?: number[];
  /** tanh: the rigorous upper bound on κ_f(w₀) of each draw. */
  upper?: number[];
}

/** The exponent bound under test: E[κ] ≲ d^{e(β)} for α = d^{-β}. */
export type KappaExponent = (beta: number) => number;

/**
 * (10.47): 1/√d + 1/(d·α(d)) = d^{-1/2} + d^{β−1}, exponent max(−1/2, β − 1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { printedKappaExponent } from "./kappa_width_decay.ts";
 * assert.equal(printedKappaExponent(0.5), -0.5);
 * assert.equal(printedKappaExponent(1), 0);
 * ```
 */
export const printedKappaExponent: KappaExponent = (beta) => Math.max(-0.5, beta - 1);

/** ReLU cell: the draws' κ (exact), finite and positive, recorded for the aggregate's fits. */
function reluCell(c: KappaCell): ConclusionCheck<KappaCellData> {
  const ks = meanKappa(c.rng, c.width, c.beta, DRAWS_PER_CELL);
  const mean = ks.reduce((a, b) => a + b, 0) / ks.length;
  return {
    holds: Number.isFinite(mean) && mean > 0,
    observed: mean,
    bound: Infinity,
    tightness: 0,
    detail: `mean κ = ${mean.toExponential(3)}`,
    data: { width: c.width, beta: c.beta, kappa: mean, draws: ks, activation: "ReLU" },
  };
}

/** The tanh draws of one sweep, computed once for the printed and the corrected check. */
const smoothDraws = new WeakMap<KappaCell, KappaCellData>();

function smoothData(c: KappaCell): KappaCellData {
  const cached = smoothDraws.get(c);
  if (cached) return cached;
  const { widths, lower, upper } = kappaBoundSweep(c.rng, KAPPA_WIDTHS, c.beta, TANH_DRAWS, tanh);
  const kappa = lower.reduce((a, b) => a + b, 0) / lower.length;
  const data = { width: c.width, beta: c.beta, kappa, draws: lower, activation: "tanh", widths, upper };
  smoothDraws.set(c, data);
  return data;
}

/** The printed form's fit (log of κ's lower bound) or the corrected one's (log of its upper bound − ½ log log d). */
function smoothFit(data: KappaCellData, form: "printed" | "corrected"): LinearFit {
  const widths = data.widths ?? [], values = form === "printed" ? data.draws : data.upper ?? [];
  return linearFit(
    widths.map(Math.log),
    values.map((k, j) => Math.log(k) - (form === "printed" ? 0 : 0.5 * Math.log(Math.log(widths[j])))),
    1 - 2 * TANH_ALPHA,
  );
}

/** The one-sided test at TANH_ALPHA of a tanh fit against the exponent e (power: printed against the √log factor). */
function smoothTest(fit: LinearFit, beta: number, e: number, form: "printed" | "corrected"): StatisticalTest {
  const bound = String(e).replace("-", "−");
  return exponentTest(fit, {
    name: form === "printed"
      ? `tanh, α = d_hid^-${beta}: exponent of κ's lower bound in d_hid (printed ≤ ${bound})`
      : `tanh, α = d_hid^-${beta}: exponent of κ's upper bound / √(log d_hid) in d_hid (corrected ≤ ${bound})`,
    rate: e,
    sides: "upper",
    alpha: TANH_ALPHA,
    ...(form === "printed" ? { nearMiss: Number(LOG_FACTOR_SHIFT.toFixed(3)) } : {}),
  });
}

/** A tanh sweep judged by the printed form (lower bound) or the corrected one (upper bound over √(log d_hid)). */
function smoothSweep(
  c: KappaCell,
  exponent: KappaExponent,
  form: "printed" | "corrected",
): ConclusionCheck<KappaCellData> {
  const data = smoothData(c), fit = smoothFit(data, form), e = exponent(c.beta);
  const test = smoothTest(fit, c.beta, e, form);
  const rejects = !(test.pValue > test.alpha);
  return {
    holds: !rejects,
    observed: fit.slope,
    bound: e,
    tightness: Math.abs(fit.slope - e),
    detail: `${form === "printed" ? "lower bound" : "upper bound / √(log d_hid)"}: fitted exponent ${
      fit.slope.toFixed(3)
    } [${fit.slopeInterval.lo.toFixed(3)}, ${fit.slopeInterval.hi.toFixed(3)}] vs ${e}; p = ${
      test.pValue.toPrecision(3)
    } (level ${levelText(test.alpha)})${rejects ? ": decays slower than the bound" : ""}`,
    data,
  };
}

/**
 * `eq-10.47`: E[κ_f(w₀)] ≲ 1/√d_hid + 1/(d_hid·α(d_hid)) for the random two-layer network (10.46), ReLU and
 * tanh: fitted exponent in d_hid for α = d_hid^{-β}, β ∈ {1/2, 0, 1}, each compared with the bound's exponent
 * max(−1/2, β − 1); for α = 1/√d_hid the decay d_hid^{-1/2} itself. For tanh the printed form is judged on a
 * rigorous lower bound of κ and the corrected one (an extra factor √(log d_hid)) on a rigorous upper bound.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { kappaWidthDecay } from "./kappa_width_decay.ts";
 * assert.equal(kappaWidthDecay().id, "eq-10.47");
 * ```
 */
export function kappaWidthDecay(exponent: KappaExponent = printedKappaExponent): Claim {
  return defineClaim<KappaCell, KappaCellData>({
    id: "eq-10.47",
    title: "E[κ] of a random two-layer network decays like d_hid^{-1/2} when α = 1/√d_hid",
    kind: "rate",
    source: { document: SOURCE, where: "Chapter 10, §10.2.2, (10.46)–(10.47)" },
    statement: String
      .raw`$f(\mathbf x, \mathbf U, \mathbf v) = \alpha(d_{hid})\mathbf v\cdot\sigma(\mathbf U\mathbf x)$ (10.46), $\mathbf w_0$ random:
$E[\kappa_f(\mathbf w_0)] \lesssim \frac1{\sqrt{d_{hid}}} + \frac1{d_{hid}\alpha(d_{hid})}$ (10.47); with $\alpha(d_{hid}) = 1/\sqrt{d_{hid}}$, $\kappa$ is small for $d_{hid}$ big.`,
    tightness: "fitted exponents against the bound's exponents are in the aggregate",
    instances: { test: 15 + TANH_INSTANCES.test, report: 45 + TANH_INSTANCES.report },
    falseAlarm: CHECK_FALSE_ALARM,
    widthsRefusal:
      "its tanh test is pre-registered against the √(log d_hid) factor's exponent shift on its own grid d_hid = 16…4096 (LOG_FACTOR_SHIFT ≈ 0.1), and its ReLU cells cycle that grid with β",
    generate: ({ rng, index, count, budget, params = {} }) => {
      // The last TANH_INSTANCES[budget] instances are tanh sweeps; the ReLU cells keep their indices (and streams).
      const smooth = index - (count - TANH_INSTANCES[budget]);
      const tanh = params.activation !== undefined ? params.activation === 1 : smooth >= 0;
      return {
        width: tanh ? KAPPA_WIDTHS[KAPPA_WIDTHS.length - 1] : params.width ?? KAPPA_WIDTHS[index % KAPPA_WIDTHS.length],
        beta: params.beta ??
          (tanh
            ? TANH_BETAS[Math.max(smooth, 0) % TANH_BETAS.length]
            : KAPPA_BETAS[Math.floor(index / KAPPA_WIDTHS.length) % KAPPA_BETAS.length]),
        activation: tanh ? "tanh" : "ReLU",
        rng,
      };
    },
    describe: (c) =>
      c.activation === "ReLU"
        ? `d_hid = ${c.width}, α = d_hid^-${c.beta}, ReLU, N = 4, d = 3, U ~ N(0, 1/d), v ~ N(0, 1), ${DRAWS_PER_CELL} draws`
        : `tanh sweep d_hid ∈ {${
          KAPPA_WIDTHS.join(", ")
        }}, α = d_hid^-${c.beta}, N = 4, d = 3, U ~ N(0, 1/d), v ~ N(0, 1), ${TANH_DRAWS} draws per width`,
    hypotheses: [{
      statement:
        "random initialisation (10.46): U₀ ~ N(0, 1/d) and v₀ ~ N(0, 1) entrywise, iid (the text fixes no law: these are the laws used); σ ∈ {ReLU, tanh} (the text fixes none)",
      certainty: "certified",
      method: "by construction (ReLU: ‖D²f‖ computed exactly; tanh: bracketed by rigorous lower and upper bounds)",
      check: (c) => ({ holds: c.width > 0, value: `${c.activation}, d_hid = ${c.width}` }),
    }],
    conclusion: {
      failure: (c) => failedAs("(10.47) predicts E[κ_f(w₀)] ≲ 1/√d_hid + 1/(d_hid·α(d_hid)) for any σ", c, "≤"),
      statement:
        `ReLU: the sample mean of κ_f(w₀) over ${DRAWS_PER_CELL} draws is finite and positive (recorded for the fits in the aggregate). tanh (a whole sweep, ${TANH_DRAWS} draws per width): the one-sided test at level α/12 = ${
          levelText(TANH_ALPHA)
        } of the fitted exponent of the rigorous **lower** bound on κ (each draw a point) does not reject the bound's exponent max(−1/2, β − 1) (κ ≥ its lower bound, so a rejection shows κ decaying slower than printed)`,
      check: (c) => c.activation === "ReLU" ? reluCell(c) : smoothSweep(c, exponent, "printed"),
    },
    erratum: {
      failure: (c) =>
        failedAs("the corrected bound predicts E[κ_f(w₀)] ≲ √(log d_hid)·(1/√d_hid + 1/(d_hid·α))", c, "≤"),
      printed: String
        .raw`$E[\kappa_f(\mathbf w_0)] \lesssim \frac1{\sqrt{d_{hid}}} + \frac1{d_{hid}\alpha(d_{hid})}$ for the network (10.46), σ unrestricted`,
      corrected: String
        .raw`for a smooth σ with σ″ ≢ 0 and Gaussian $\mathbf v_0$: $E[\kappa_f(\mathbf w_0)] \lesssim \sqrt{\log d_{hid}}\,\big(\frac1{\sqrt{d_{hid}}} + \frac1{d_{hid}\alpha(d_{hid})}\big)$; the printed form where σ″ = 0 (ReLU). Checked on tanh: the one-sided test (level α/12) of the fitted exponent of the rigorous **upper** bound on κ divided by √(log d_hid) does not reject max(−1/2, β − 1)`,
      reasoning: String
        .raw`$\sum_i a_i\nabla^2 f_i$ is block diagonal over neurons, block $k$ = $\alpha\begin{pmatrix} v_k\sum_i a_i\sigma''(u_k\cdot x_i)x_ix_i^\top & \sum_i a_i\sigma'(u_k\cdot x_i)x_i\\ \cdot^\top & 0\end{pmatrix}$,
so $\|D^2f\|$ is a **maximum over the $d_{hid}$ neurons**. For ReLU the U–U block vanishes ($\sigma'' = 0$) and $\|D^2f\| = \alpha\max_k\|[\sigma'(u_k\cdot x_i)x_i]_i\| \le \alpha\|X\|$:
bounded, and (10.47) follows from $\|Df\|^2 \asymp \alpha^2 d_{hid}$, $\|y - f(w_0)\| \lesssim \|y\| + \alpha\sqrt{d_{hid}}$. For a smooth σ the U–U block gives
$\|D^2f\| \ge \alpha\max_k|v_k|\max_i|\sigma''(u_k\cdot x_i)|\,\|x_i\|^2 \asymp \alpha\sqrt{2\log d_{hid}}$ (the maximum of $d_{hid}$ Gaussians $|v_k|$; $u_k\cdot x_i$ is independent of $v_k$), and at most $\alpha(\max_k|v_k|\cdot 2\sup|\sigma''| + \|X\|)$ in the same order:
κ gains exactly a factor $\sqrt{\log d_{hid}}$. On the sweep's widths that shifts the fitted exponent by $${
        LOG_FACTOR_SHIFT.toFixed(3)
      }$ (the slope of $\frac12\log\log d$ against $\log d$), which the tanh fits show
(lower bound's exponent above the printed one; upper bound's over $\sqrt{\log d}$ at or below it). The code is not the cause: the ReLU path is exact, the tanh path brackets the exact norm rigorously (hessianNormBounds in models/scaled_two_layer.ts), and the growth is in the lower end. The bound Chizat–Oyallon–Bach prove uses $\mathrm{Lip}(D\phi)$, finite only for bounded weights: with $\mathbf v_0$ bounded (not sampled here) the printed form would hold for a smooth σ as well.`,
      check: (c) => c.activation === "ReLU" ? reluCell(c) : smoothSweep(c, exponent, "corrected"),
      scope: {
        statement: String
          .raw`σ″ = 0 (ReLU, the sampled piecewise-linear σ); it fails for tanh with Gaussian $\mathbf v_0$ by the factor $\sqrt{\log d_{hid}}$`,
        contains: (c) => c.activation === "ReLU",
      },
    },
    aggregate(records) {
      const rows: [string, string][] = [];
      let holds: boolean | "inconclusive" = true;
      const parts: string[] = [];
      const tests: StatisticalTest[] = [];
      for (const beta of KAPPA_BETAS) {
        const cells = withData(records).filter(({ data }) => data.beta === beta && data.activation === "ReLU");
        if (cells.length < 4) {
          holds = "inconclusive";
          continue;
        }
        // Three fits: each at confidence 1 − CHECK_FALSE_ALARM/3 (Bonferroni), so the family's false-alarm
        // probability is ≤ CHECK_FALSE_ALARM.
        // Every draw is a point (log κ against log d_hid): the fit estimates the exponent of the typical κ, which
        // equals that of E[κ] when κ·d_hid^{-e} has a width-independent law.
        const xs: number[] = [], ys: number[] = [];
        for (const { data } of cells) {
          for (const k of data.draws) {
            xs.push(Math.log(data.width));
            ys.push(Math.log(k));
          }
        }
        const fit = linearFit(xs, ys, 1 - CHECK_FALSE_ALARM / 3);
        const { lo, hi } = fit.slopeInterval, e = exponent(beta);
        // "≲" is an upper bound: it fails only if the exponent is significantly above the bound's (lo > e). Whether
        // the bound is attained (e inside the CI) is tightness, reported, not judged: a significantly faster decay
        // (seed 56 of a sweep: −0.617 [−0.731, −0.503] against −1/2) does not contradict it.
        // lo > e at confidence 1 − α/3 is the one-sided t test at level α/6 (power against an exponent e + 1/4).
        tests.push(exponentTest(fit, {
          name: `exponent of κ in d_hid, α = d_hid^-${beta} (≤ ${String(e).replace("-", "−")})`,
          rate: e,
          sides: "upper",
          alpha: CHECK_FALSE_ALARM / 6,
        }));
        let ok = lo <= e;
        if (beta === 0.5) ok &&= hi < 0;
        if (!ok && holds === true) holds = false;
        parts.push(
          `α = d^-${beta}: exponent ${fit.slope.toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}] vs bound ${e} (${
            lo <= e && e <= hi ? "attained" : hi < e ? "decays faster than the bound" : "above the bound"
          })`,
        );
        rows.push([
          `fitted exponent of E[κ] in d_hid, α = d_hid^-${beta} (bound exponent ${e})`,
          `${fit.slope.toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}]`,
        ]);
      }
      // tanh: the corrected form's tests (a rejection falsifies); the printed form's are rows (they decide the erratum).
      for (const { data } of withData(records).filter(({ data }) => data.activation === "tanh")) {
        const e = exponent(data.beta);
        for (const form of ["printed", "corrected"] as const) {
          const fit = smoothFit(data, form);
          const test = smoothTest(fit, data.beta, e, form);
          if (form === "corrected") {
            tests.push(test);
            if (!(test.pValue > test.alpha) && holds === true) holds = false;
            continue;
          }
          rows.push([
            test.name,
            `${test.statistic}, p = ${test.pValue.toPrecision(3)} at level ${levelText(test.alpha)}; power ${
              test.power!.probability.toFixed(3)
            } against ${test.power!.alternative}`,
          ]);
        }
      }
      return {
        holds,
        summary: `ReLU: log κ (each draw) against log d_hid over d_hid ∈ {${KAPPA_WIDTHS.join(", ")}}: ${
          parts.join("; ")
        }. "≲" holds if each CI reaches the bound's exponent or below; for α = 1/√d_hid the CI must also lie below 0 (decay). tanh: per sweep, the printed form judged on κ's rigorous lower bound, the corrected form (× √(log d_hid)) on its upper bound; the corrected tests are below, a rejection falsifies`,
        alpha: CHECK_FALSE_ALARM,
        rows,
        tests,
      };
    },
    plots(records) {
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const values = withData(records).flatMap(({ data }) => {
        if (data.activation === "ReLU") {
          return [{ d_hid: data.width, kappa: data.kappa, alpha: `ReLU, α = d_hid^-${data.beta}` }];
        }
        // tanh: per width, the mean of κ's lower and upper bounds.
        return KAPPA_WIDTHS.flatMap((width) => {
          const at = (data.widths ?? []).flatMap((w, j) => w === width ? [j] : []);
          return [
            { d_hid: width, kappa: mean(at.map((j) => data.draws[j])), alpha: `tanh (lower), α = d_hid^-${data.beta}` },
            {
              d_hid: width,
              kappa: mean(at.map((j) => (data.upper ?? [])[j])),
              alpha: `tanh (upper), α = d_hid^-${data.beta}`,
            },
          ];
        });
      });
      return [logLogLines(
        "kappa-width",
        "mean κ_f(w₀) against d_hid (log–log) for three scalings α(d_hid): ReLU exact, tanh bracketed",
        values,
        { x: "d_hid", y: "kappa", color: "alpha" },
      )];
    },
    parameters: {
      width: { type: "integer", min: 2, max: 1024, help: "hidden width d_hid (the sweep uses 16…4096)" },
      beta: { type: "number", min: -0.5, max: 1.5, help: "scaling α = d_hid^{-β} (the sweep uses 1/2, 0, 1)" },
      activation: flag("0 ReLU (one cell), 1 tanh (a whole sweep)"),
    },
    unbreakable:
      "(10.47) is stated for every scaling α(d_hid) and σ, and the only hypothesis is a random initialisation of (10.46), which every instance has by construction; β, d_hid and σ are parameters to explore, none of them violates a hypothesis",
    nearMiss: {
      mutant: "the bound exponent 1/4 too small for every scaling (κ ≲ d_hid^{-3/4} for α = 1/√d_hid)",
      caughtBy:
        '`kappa_width_decay_test.ts`, "eq-10.47 catches the near miss: the bound exponent off by 1/4 (κ ≲ d_hid^{-3/4} for α = 1/√d_hid)"',
    },
  });
}
