/**
 * The suite's false-alarm budget. A randomized suite that cries wolf is a bug: every statistical
 * check declares the probability that it fails on correct code under a random master seed, and
 * the declarations add up (union bound, i.e. Bonferroni) to at most {@link SUITE_FALSE_ALARM}.
 * The report also applies Holm's step-down procedure to the p-values the checks return.
 *
 * @module
 */
import { holm, successRateTest } from "../numerics/stats.ts";
import { successRatePower } from "../numerics/power.ts";
import type { AggregateCheck, BudgetName, Claim, StatisticalTest } from "./claim.ts";
import type { ClaimResult } from "./run.ts";

/**
 * A level or a probability as printed: three significant digits ("3.33e-4", not 0.0003333333333333333).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { levelText } from "./false_alarm.ts";
 * assert.equal(levelText(0.01 / 30), "3.33e-4");
 * assert.equal(levelText(0.05), "0.05");
 * ```
 */
export function levelText(x: number): string {
  return x !== 0 && Math.abs(x) < 1e-3 ? x.toExponential(2) : String(Number(x.toPrecision(3)));
}

/**
 * A confidence 1 − α as a percentage, to as many digits as α needs ("99.967%", not 99.96666666666667%).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { confidencePercent } from "./false_alarm.ts";
 * assert.equal(confidencePercent(0.01 / 30), "99.967%");
 * assert.equal(confidencePercent(0.05), "95%");
 * ```
 */
export function confidencePercent(alpha: number): string {
  return `${Number((100 * (1 - alpha)).toPrecision(Math.max(2, 1 - Math.floor(Math.log10(alpha)))))}%`;
}

/** The probability that the whole suite fails on correct code under a random master seed: at most 1%. */
export const SUITE_FALSE_ALARM = 0.01;

/** How many statistical checks the budget is split over. */
export const MAX_STATISTICAL_CHECKS = 30;

/**
 * Each statistical check's false-alarm probability, SUITE_FALSE_ALARM / MAX_STATISTICAL_CHECKS =
 * 1/3000 ≈ 3.3e-4: confidence intervals are built at 1 − CHECK_FALSE_ALARM, tests reject at p ≤ CHECK_FALSE_ALARM.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CHECK_FALSE_ALARM } from "./false_alarm.ts";
 * assert.equal(CHECK_FALSE_ALARM, 0.01 / 30);
 * ```
 */
export const CHECK_FALSE_ALARM = SUITE_FALSE_ALARM / MAX_STATISTICAL_CHECKS;

/**
 * Sum of the false-alarm probabilities the claims declare: a union bound on the chance that the
 * suite fails on correct code.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { declaredFalseAlarm } from "./false_alarm.ts";
 * import { coin, squareNonNegative } from "./_toy_claims.ts";
 * assert.equal(declaredFalseAlarm([coin(), squareNonNegative()]), 1e-3);
 * ```
 */
export function declaredFalseAlarm(claims: readonly Claim[]): number {
  return claims.reduce((s, c) => s + (c.falseAlarm ?? 0), 0);
}

/** Holm's procedure over the p-values the claims' aggregate checks returned. */
export interface HolmSummary {
  /** Family-wise level. */
  level: number;
  /** Claims whose aggregate returned a p-value, with it. */
  tested: { id: string; pValue: number }[];
  /** Ids Holm rejects at the family-wise level (their checks fail). */
  rejected: string[];
}

/**
 * Applies Holm at SUITE_FALSE_ALARM to the p-values the aggregates returned.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { holmOverResults } from "./false_alarm.ts";
 * assert.equal(holmOverResults([]).rejected.length, 0);
 * ```
 */
export function holmOverResults(results: ClaimResult[]): HolmSummary {
  const tested = results.filter((r) => r.aggregate?.pValue !== undefined).map((r) => ({
    id: r.id,
    pValue: r.aggregate!.pValue!,
  }));
  const rejected = holm(tested.map((t) => t.pValue), SUITE_FALSE_ALARM);
  return { level: SUITE_FALSE_ALARM, tested, rejected: tested.filter((_, i) => rejected[i]).map((t) => t.id) };
}

/** A pre-registered per-unit criterion, counted over independent units (runs, disjoint pairs of runs). */
export interface SuccessCount {
  /** Units meeting the criterion. */
  successes: number;
  /** Units. */
  trials: number;
  /** H0 (the claim holds): each unit meets the criterion with probability ≥ p0. */
  p0: number;
  /** The false-alarm probability the check declares. */
  alpha: number;
  /** The units and their criterion, plural, e.g. "runs that reach 2/η and settle there". */
  units: string;
}

/**
 * The verdict of an exact binomial test on a count of units meeting a criterion (`successRateTest`):
 * fails only when P(Bin(n, p0) ≤ successes) ≤ alpha, so on correct code (each unit succeeding with
 * probability ≥ p0, independently) with probability ≤ alpha. Tightness is the observed failure rate
 * over the tolerated one, 1 − p0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { successRateVerdict } from "./false_alarm.ts";
 * const v = successRateVerdict({ successes: 0, trials: 4, p0: 0.9, alpha: 2e-4, units: "pairs" });
 * assert.ok(v.holds === false && v.pValue! < 2e-4);
 * ```
 */
export function successRateVerdict(
  c: SuccessCount,
):
  & Required<Pick<AggregateCheck, "holds" | "summary" | "alpha" | "rows">>
  & Pick<AggregateCheck, "pValue" | "tightness" | "tests"> {
  const { successes: k, trials: n, p0, alpha } = c;
  if (n === 0) return { holds: "inconclusive", summary: `no ${c.units} to count`, alpha, rows: [] };
  const t = successRateTest(k, n, p0, alpha);
  const p = t.pValue.toExponential(2);
  const summary = `${k} of ${n} ${c.units}; H0 "each meets the criterion with probability ≥ ${p0}" ${
    t.reject ? "rejected" : "not rejected"
  } at level ${levelText(alpha)} (exact binomial p-value P(Bin(${n}, ${p0}) ≤ ${k}) = ${p}${
    t.minPValue > alpha ? `; with ${n} units no count can reach it: this budget has no power` : ""
  })`;
  return {
    holds: !t.reject,
    summary,
    pValue: t.pValue,
    alpha,
    tests: [{
      name: `success rate of the ${c.units} (exact binomial, H0: rate ≥ ${p0})`,
      statistic: `${k} of ${n} ${c.units}`,
      pValue: t.pValue,
      alpha,
      power: { alternative: `rate = p₀/2 = ${p0 / 2}`, probability: successRatePower(n, p0, alpha, p0 / 2) },
    }],
    tightness: (n - k) / n / (1 - p0),
    rows: [
      [`${c.units}`, `${k} of ${n}`],
      [`p-value of H0: rate ≥ ${p0} (level ${levelText(alpha)})`, p],
      [`${confidencePercent(alpha)} upper confidence bound on the rate`, t.upper.toFixed(3)],
    ],
  };
}

/** The power every statistical check should reach against its stated alternative, per budget. */
export const POWER_GOAL: Record<BudgetName, number> = { test: 0.5, report: 0.9 };

/**
 * The words "low power: …" for the tests whose power is below the budget's goal (or unknown), or
 * undefined when every test reaches it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lowPower } from "./false_alarm.ts";
 * const t = { name: "rate", statistic: "3 of 4", pValue: 0.3, alpha: 1e-4 };
 * assert.equal(lowPower([{ ...t, power: { alternative: "rate 0.45", probability: 0.95 } }], "report"), undefined);
 * assert.equal(
 *   lowPower([{ ...t, power: { alternative: "rate 0.45", probability: 0.2 } }], "report"),
 *   "low power: rate catches rate 0.45 with probability 0.2 (goal 0.9)",
 * );
 * ```
 */
export function lowPower(tests: readonly StatisticalTest[], budget: BudgetName): string | undefined {
  const goal = POWER_GOAL[budget];
  const weak = tests.filter((t) => !(t.power && t.power.probability >= goal));
  if (weak.length === 0) return undefined;
  return "low power: " +
    weak.map((t) =>
      t.power
        ? `${t.name} catches ${t.power.alternative} with probability ${Number(t.power.probability.toPrecision(2))}`
        : `${t.name} has no power computed`
    ).join("; ") + ` (goal ${goal})`;
}
