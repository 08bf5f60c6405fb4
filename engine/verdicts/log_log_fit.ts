/**
 * Rates fitted on log–log axes: the slope of log y against log x (an exponent in a width, a number of
 * features or particles) with a Student-t interval; whether a gap vanishes as a size grows (the whole
 * interval below 0; false alarm 1 − confidence when the log–log model holds), whether the interval
 * contains a stated rate, and how a fit is printed in a report.
 *
 * @module
 */
import tCdf from "npm:@stdlib/stats-base-dists-t-cdf@0.2.3";
import type { AggregateCheck, StatisticalTest } from "../claim.ts";
import { type TestSides, tTestPower } from "../../numerics/power.ts";
import { type LinearFit, linearFit } from "../../numerics/stats.ts";

/**
 * The least-squares fit of log y against log x, with a `confidence` interval on the slope (the exponent).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logLogFit } from "./log_log_fit.ts";
 * const fit = logLogFit([16, 64, 256], [0.25, 0.125, 0.0625], 0.99);
 * assert.ok(Math.abs(fit.slope + 0.5) < 1e-12);
 * ```
 */
export function logLogFit(x: readonly number[], y: readonly number[], confidence: number): LinearFit {
  return linearFit(x.map((v) => Math.log(v)), y.map((v) => Math.log(v)), confidence);
}

/**
 * A fitted exponent and its interval as "slope [lo, hi]", three decimals.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatExponent } from "./log_log_fit.ts";
 * assert.equal(formatExponent({ slope: -0.5, slopeInterval: { lo: -0.61, hi: -0.4 } }), "-0.500 [-0.610, -0.400]");
 * ```
 */
export function formatExponent(fit: Pick<LinearFit, "slope" | "slopeInterval">): string {
  const { lo, hi } = fit.slopeInterval;
  return `${fit.slope.toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}]`;
}

/** A fitted exponent p of gap ∝ m^p with its confidence interval. */
export interface LogLogDecay {
  /** Fitted exponent p. */
  slope: number;
  /** Lower end of its interval. */
  lo: number;
  /** Upper end of its interval. */
  hi: number;
  /** The gap decays: the whole interval lies below 0. */
  decays: boolean;
}

/** The verdict when too few sizes have a finite positive gap to fit (`logLogDecay` returns undefined). */
export const TOO_FEW_SIZES: AggregateCheck = {
  holds: "inconclusive",
  summary: "fewer than 3 widths with a finite positive gap",
};

/**
 * The log–log fit of `gaps` against `sizes` at two-sided level `confidence`, or undefined when fewer
 * than 3 distinct sizes are given or a gap is not finite and positive.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logLogDecay } from "./log_log_fit.ts";
 * const sizes = [8, 16, 32, 64], gaps = sizes.map((m, k) => (1 + 0.01 * (k % 2)) / Math.sqrt(m));
 * const fit = logLogDecay(sizes, gaps, 0.99)!;
 * assert.ok(fit.decays && fit.lo < -0.5 && -0.5 < fit.hi);
 * assert.equal(logLogDecay([8, 8, 16], [1, 1, 1], 0.99), undefined);
 * ```
 */
export function logLogDecay(sizes: number[], gaps: number[], confidence: number): LogLogDecay | undefined {
  if (new Set(sizes).size < 3 || !gaps.every((g) => g > 0 && Number.isFinite(g))) return undefined;
  const fit = logLogFit(sizes, gaps, confidence);
  const { lo, hi } = fit.slopeInterval;
  return { slope: fit.slope, lo, hi, decays: hi < 0 };
}

/**
 * Whether the fit's interval contains the exponent `rate`, as the words a summary prints.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { containsRate } from "./log_log_fit.ts";
 * assert.equal(containsRate({ slope: -0.4, lo: -0.6, hi: -0.2, decays: true }, -0.5), "contains");
 * assert.equal(containsRate({ slope: -1, lo: -1.2, hi: -0.8, decays: true }, -0.5), "does not contain");
 * ```
 */
export function containsRate(fit: LogLogDecay, rate: number): "contains" | "does not contain" {
  return fit.lo <= rate && rate <= fit.hi ? "contains" : "does not contain";
}

/**
 * The evidence rows of a fit: the exponent and its interval, at the level `percent` (as printed).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logLogDecayRows } from "./log_log_fit.ts";
 * const rows = logLogDecayRows({ slope: -0.5, lo: -0.7, hi: -0.3, decays: true }, "99.97");
 * assert.deepEqual(rows[1], ["99.97% CI of p", "[-0.700, -0.300]"]);
 * ```
 */
export function logLogDecayRows(fit: LogLogDecay, percent: string): [string, string][] {
  return [
    ["fitted exponent p (gap ∝ m^p)", fit.slope.toFixed(3)],
    [`${percent}% CI of p`, `[${fit.lo.toFixed(3)}, ${fit.hi.toFixed(3)}]`],
  ];
}

/** A number as printed, with a typographic minus sign. */
function minus(text: string): string {
  return text.replace("-", "−");
}

/** How far a wrong theory's exponent is from the stated one, by default (issue: "an exponent off by 1/4"). */
export const NEAR_MISS_EXPONENT = 0.25;

/**
 * The t test of a fitted exponent against a stated `rate` at level `alpha`, with its power against an
 * exponent off by `nearMiss` (default 1/4) in the direction that falsifies the claim, computed from the
 * fitted model (the fit's standard error, n − 2 degrees of freedom, noncentral t). `sides`: "two-sided"
 * when the claim states the rate, "upper" when it states a decay at least as fast ("≲": it fails when the
 * exponent is larger), "lower" when it fails when the exponent is smaller.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { exponentTest, logLogFit } from "./log_log_fit.ts";
 * const sizes = [16, 32, 64, 128, 256], noise = [1, -1, 0.5, -0.5, 0].map((e) => Math.exp(0.02 * e));
 * const fit = logLogFit(sizes, sizes.map((n, i) => noise[i] / Math.sqrt(n)), 0.99);
 * const t = exponentTest(fit, { name: "gap exponent", rate: -0.5, sides: "two-sided", alpha: 0.01 });
 * assert.ok(t.pValue > 0.01 && t.power!.probability > 0.99);
 * assert.equal(t.power!.alternative, "exponent −0.5 ± 1/4");
 * ```
 */
export function exponentTest(
  fit: LinearFit,
  o: { name: string; rate: number; sides: TestSides; alpha: number; nearMiss?: number },
): StatisticalTest {
  const df = fit.n - 2, t = (fit.slope - o.rate) / fit.slopeStdErr;
  const pValue = o.sides === "two-sided"
    ? 2 * (1 - tCdf(Math.abs(t), df))
    : o.sides === "upper"
    ? 1 - tCdf(t, df)
    : tCdf(t, df);
  const miss = o.nearMiss ?? NEAR_MISS_EXPONENT;
  const shift = (o.sides === "lower" ? -miss : miss) / fit.slopeStdErr;
  const sign = o.sides === "two-sided" ? "±" : o.sides === "upper" ? "+" : "−";
  const missText = miss === NEAR_MISS_EXPONENT ? "1/4" : String(miss);
  return {
    name: o.name,
    statistic: `exponent ${minus(fit.slope.toFixed(3))} (standard error ${fit.slopeStdErr.toPrecision(2)}), t = ${
      minus(t.toFixed(2))
    } (${df} df)`,
    pValue: Number.isFinite(pValue) ? pValue : NaN,
    alpha: o.alpha,
    power: {
      alternative: `exponent ${minus(String(Number(o.rate.toPrecision(3))))} ${sign} ${missText}`,
      probability: tTestPower(df, shift, o.alpha, o.sides),
    },
  };
}

/** An upper bound O(n^p) judged on a fitted exponent, with how sharp it is. */
export interface BigOSharpness {
  /** The bound holds: the interval does not lie wholly above p. */
  holds: boolean;
  /** The bound is sharp: the interval contains p (false when it lies wholly below: a true but loose bound). */
  sharp: boolean;
  /** E.g. "O(n) holds; measured n^0.500 [0.490, 0.510]; not sharp". */
  text: string;
}

function bigO(p: number, variable: string): string {
  return p === 0 ? "O(1)" : p === 1 ? `O(${variable})` : `O(${variable}^${p})`;
}

/**
 * The bound O(n^p) on a quantity whose log–log fit against n is `fit` (its interval at the caller's level):
 * it holds unless the whole interval lies above p (the quantity grows faster), and it is sharp when the
 * interval contains p; a bound that holds with the interval wholly below p is true but not sharp (verified,
 * with the measured exponent).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bigOSharpness } from "./log_log_fit.ts";
 * const loose = bigOSharpness(1, { slope: 0.5, lo: 0.49, hi: 0.51 });
 * assert.deepEqual([loose.holds, loose.sharp], [true, false]);
 * assert.equal(loose.text, "O(n) holds; measured n^0.500 [0.490, 0.510]; not sharp");
 * assert.equal(bigOSharpness(0.25, { slope: 0.5, lo: 0.49, hi: 0.51 }).holds, false);
 * assert.equal(bigOSharpness(0.5, { slope: 0.5, lo: 0.49, hi: 0.51 }).sharp, true);
 * ```
 */
export function bigOSharpness(
  p: number,
  fit: { slope: number; lo: number; hi: number },
  variable = "n",
): BigOSharpness {
  const holds = fit.lo <= p, sharp = holds && p <= fit.hi;
  const measured = `measured ${variable}^${fit.slope.toFixed(3)} [${fit.lo.toFixed(3)}, ${fit.hi.toFixed(3)}]`;
  const text = !holds
    ? `${bigO(p, variable)} fails; ${measured}`
    : `${bigO(p, variable)} holds; ${measured}; ${sharp ? "sharp" : "not sharp"}`;
  return { holds, sharp, text };
}
