/**
 * The test records of claims whose statistical decision is made instance by instance (a per-instance
 * binomial test against δ, a per-instance Clopper–Pearson interval or a k-standard-error band around a
 * closed form): the per-instance p-values combined by Bonferroni over the judged instances, so that the
 * record rejects at its level exactly when some instance's test rejects, with the power against the
 * issue's default alternatives. The verdict stays the instances'; these records report it.
 *
 * @module
 */
import { type AggregateCheck, type InstanceRecord, outcomeOf, type Power, type StatisticalTest } from "../claim.ts";
import { withData } from "../records.ts";
import { frequencyAlternative } from "./failure_frequency.ts";
import { binomialTwoSidedPValue, clopperPearsonPower, normalBandPower } from "../../numerics/interval_power.ts";
import { normalTwoSidedPValue } from "../../numerics/interval_power.ts";
import { failureFrequencyPower } from "../../numerics/power.ts";
import { binomialUpperTail } from "../../numerics/stats.ts";

/** How far a wrong closed form or limit is from the printed one, by default (issue: "a limit 5% off"). */
export const NEAR_MISS_RELATIVE = 0.05;

/**
 * The record of per-instance tests at `level` each, combined by Bonferroni: p-value min(1, m·min pᵢ) at
 * level m·`level`, pᵢ = `pValueOf(instanceᵢ)`; the statistic is `worst` of the instance with the smallest
 * p-value (the first such).
 */
function bonferroniTest<T>(
  instances: readonly T[],
  pValueOf: (instance: T) => number,
  level: number,
  record: { name: string; worst: (instance: T) => string; power: Power },
): StatisticalTest {
  const m = instances.length, ps = instances.map(pValueOf);
  const worst = ps.indexOf(Math.min(...ps));
  return {
    name: record.name,
    statistic: `${record.worst(instances[worst])} (the smallest p-value of ${m} instances)`,
    pValue: Math.min(1, m * ps[worst]),
    alpha: m * level,
    power: record.power,
  };
}

/** The power of "some instance's test rejects", 1 − Π(1 − powerᵢ), the instances' tests being independent. */
function anyRejects<T>(instances: readonly T[], power: (instance: T) => number): number {
  return 1 - instances.reduce((q, c) => q * (1 - power(c)), 1);
}

/** One instance's failure count against its δ (tested at the instance's level). */
export interface InstanceFrequency {
  /** Draws on which the event failed. */
  failures: number;
  /** Draws. */
  draws: number;
  /** The printed failure probability δ. */
  delta: number;
}

/**
 * Per-instance exact binomial tests of "P[fail] ≤ δ", each rejecting when P(Bin(draws, δ) ≥ failures) < `level`
 * (the lower end of the one-sided Clopper–Pearson bound above δ, `failureFrequencyCheck`), combined: p-value
 * min(1, m·min pᵢ) at level m·`level` over the m judged instances. Power: the weakest instance's against
 * P[fail] = min(2δ, (1 + δ)/2) there (the default of `failureFrequencyVerdict`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { instanceFrequencyTest } from "./instance_tests.ts";
 * const t = instanceFrequencyTest([{ failures: 14, draws: 14, delta: 0.5 }, { failures: 0, draws: 7, delta: 0.25 }], 1e-4);
 * assert.equal(t.alpha, 2e-4);
 * assert.ok(Math.abs(t.pValue - 2 * 0.5 ** 14) < 1e-18 && t.pValue <= t.alpha); // 14 of 14 rejects at 1e-4
 * assert.ok(Math.abs(t.power!.probability - 0.5 ** 7) < 1e-15); // δ = 1/4 against 1/2: only 7 of 7 is rejected
 * ```
 */
export function instanceFrequencyTest(instances: readonly InstanceFrequency[], level: number): StatisticalTest {
  const power = Math.min(
    ...instances.map((c) => failureFrequencyPower(c.draws, c.delta, level, frequencyAlternative(c.delta))),
  );
  return bonferroniTest(instances, (c) => binomialUpperTail(c.failures, c.draws, c.delta), level, {
    name: "failure frequency per instance (exact binomial against δ, Bonferroni over the instances)",
    worst: (w) => `${w.failures} of ${w.draws} draws at δ = ${w.delta}`,
    power: {
      alternative: "P[fail] = min(2δ, (1 + δ)/2) on an instance (the weakest instance's power)",
      probability: power,
    },
  });
}

/** One instance's Monte Carlo count of hits against a closed-form probability. */
export interface InstanceCount {
  /** Draws landing in the event. */
  hits: number;
  /** Draws. */
  draws: number;
  /** The closed form under test. */
  p0: number;
}

/**
 * Per-instance exact two-sided Clopper–Pearson tests of a closed-form probability, each rejecting when p0
 * lies outside the interval at confidence 1 − `level`, combined: p-value min(1, m·min pᵢ) at level m·`level`.
 * Power (exact): of the combined decision, 1 − Π(1 − powerᵢ), when the true probability is p0·(1 ± 5%) on
 * every instance, the smaller of the two directions.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { instanceCountTest } from "./instance_tests.ts";
 * const t = instanceCountTest([{ hits: 5000, draws: 20000, p0: 0.25 }], 1e-5);
 * assert.equal(t.pValue, 1);
 * assert.ok(t.power!.probability > 0.2 && t.power!.probability < 1);
 * assert.ok(instanceCountTest([{ hits: 5400, draws: 20000, p0: 0.25 }], 1e-5).pValue < 1e-5);
 * ```
 */
export function instanceCountTest(instances: readonly InstanceCount[], level: number): StatisticalTest {
  const combined = (factor: number) =>
    anyRejects(instances, (c) => clopperPearsonPower(c.draws, c.p0, 1 - level, c.p0 * factor));
  return bonferroniTest(instances, (c) => binomialTwoSidedPValue(c.hits, c.draws, c.p0), level, {
    name: "Monte Carlo frequency per instance against the closed form (exact Clopper–Pearson, Bonferroni)",
    worst: (w) => `${w.hits} of ${w.draws} against ${w.p0.toFixed(5)}`,
    power: {
      alternative: "the true probability 5% off the closed form on every instance (×1.05 or ×0.95, the weaker)",
      probability: Math.min(combined(1 + NEAR_MISS_RELATIVE), combined(1 - NEAR_MISS_RELATIVE)),
    },
  });
}

/** One instance's estimate against the value under test, with its standard errors. */
export interface InstanceBand {
  /** |estimate − value|. */
  gap: number;
  /** The estimate's standard error. */
  se: number;
  /** The band's half-width (c·se plus any rounding allowance). */
  band: number;
  /** The value the wrong theory is 5% away from (its magnitude sets the shift). */
  value: number;
}

/**
 * Per-instance band tests "|estimate − value| ≤ band" with band = c·se (plus a rounding allowance), read as
 * normal tests: zᵢ = c·gapᵢ/bandᵢ, pᵢ = 2(1 − Φ(zᵢ)) (normal approximation of the estimate), each rejecting
 * when zᵢ > c, i.e. pᵢ < 2(1 − Φ(c)); combined: min(1, m·min pᵢ) at level m·2(1 − Φ(c)). Power, from the
 * normal model with the measured standard errors: 1 − Π(1 − powerᵢ) when the true mean is 5% of |value| away
 * on every instance.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { instanceBandTest } from "./instance_tests.ts";
 * const t = instanceBandTest([{ gap: 0.01, se: 0.01, band: 0.05, value: 2 }], 5);
 * assert.ok(t.pValue > 0.3 && t.alpha < 1e-6 && t.power!.probability > 0.99); // 5% of 2 is 10 s.e.
 * assert.ok(instanceBandTest([{ gap: 0.06, se: 0.01, band: 0.05, value: 2 }], 5).pValue < t.alpha);
 * ```
 */
export function instanceBandTest(instances: readonly InstanceBand[], c: number): StatisticalTest {
  const m = instances.length;
  const zs = instances.map((b) => c * b.gap / b.band);
  const worst = zs.indexOf(Math.max(...zs));
  const combined = anyRejects(
    instances,
    (b) => normalBandPower(NEAR_MISS_RELATIVE * Math.abs(b.value), b.se, b.band / c, c),
  );
  return {
    name: `estimate per instance within ${c} standard errors (normal approximation, Bonferroni over the instances)`,
    statistic: `${zs[worst].toFixed(2)} standard errors (the largest of ${m} instances)`,
    pValue: Math.min(1, m * normalTwoSidedPValue(zs[worst])),
    alpha: m * normalTwoSidedPValue(c),
    power: {
      alternative:
        "the true mean 5% of the value under test away on every instance (normal model, measured standard errors)",
      probability: combined,
    },
  };
}

/**
 * An aggregate that only reports tests for a claim decided instance by instance: it holds unless some
 * judged instance failed (so it never changes the verdict) and carries no p-value of its own. `judged` are
 * the data of the instances that met the hypotheses; `tests` builds the records from them (not called when
 * there are none).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { instanceFrequencyTest, reportingAggregate } from "./instance_tests.ts";
 * const checked = { holds: true, observed: 0, bound: 1, tightness: 0, detail: "" };
 * const data = { failures: 0, draws: 14, delta: 0.5 };
 * const records = [{ index: 0, description: "", hypotheses: [], met: true, conclusion: { ...checked, data } }];
 * const a = reportingAggregate(records, "per-instance tests", (d) => [instanceFrequencyTest(d, 1e-4)]);
 * assert.equal(a.holds, true);
 * assert.equal(a.pValue, undefined);
 * assert.equal(a.tests![0].pValue, 1);
 * assert.equal(reportingAggregate([], "none", () => []).tests, undefined);
 * ```
 */
export function reportingAggregate<D>(
  records: readonly InstanceRecord<D>[],
  summary: string,
  tests: (judged: D[]) => StatisticalTest[],
): AggregateCheck {
  const failed = records.some((r) => r.met && outcomeOf(r.conclusion) === "failed");
  const judged = withData(records).filter(({ record }) => record.met).map(({ data }) => data);
  return judged.length ? { holds: !failed, summary, tests: tests(judged) } : { holds: !failed, summary };
}

/**
 * The aggregate of a claim decided by per-instance binomial tests of "P[fail] ≤ δ" at `level` each: the
 * records' `reportingAggregate` with their combined `instanceFrequencyTest`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { perInstanceBinomialAggregate } from "./instance_tests.ts";
 * const checked = { holds: true, observed: 0, bound: 1, tightness: 0, detail: "" };
 * const data = { failures: 9, draws: 14, delta: 0.1 };
 * const records = [{ index: 0, description: "", hypotheses: [], met: true, conclusion: { ...checked, data } }];
 * const a = perInstanceBinomialAggregate(1e-4)(records);
 * assert.equal(a.holds, true); // the verdict stays the instance's
 * assert.ok(a.tests![0].pValue < 1e-4); // the record says its test rejects
 * ```
 */
export function perInstanceBinomialAggregate(
  level: number,
): (records: readonly InstanceRecord<InstanceFrequency>[]) => AggregateCheck {
  return (records) =>
    reportingAggregate(
      records,
      "for the record (the verdict is the per-instance binomial tests): their p-values combined over the judged instances",
      (judged) => [instanceFrequencyTest(judged, level)],
    );
}
