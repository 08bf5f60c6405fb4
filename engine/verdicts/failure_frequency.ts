/**
 * Frequencies of an event against the failure probability a claim prints, by exact (Clopper–Pearson)
 * binomial bounds: one count against δ (`failureFrequencyCheck`), or per cell (a shape, a law, a width)
 * with the exact binomial p-values, failing when some cell's lower confidence bound exceeds the printed
 * probability (`failureFrequencyVerdict`: Bonferroni over the cells, family-wise CHECK_FALSE_ALARM).
 *
 * @module
 */
import type { AggregateCheck, FrequencyCell, InstanceRecord } from "../claim.ts";
import { CHECK_FALSE_ALARM, levelText } from "../false_alarm.ts";
import { withData } from "../records.ts";
import { failureFrequencyPower } from "../../numerics/power.ts";
import { binomialUpperTail, clopperPearson } from "../../numerics/stats.ts";

/** One cell's failure count against its printed failure probability. */
export interface FailureCell {
  /** The cell, e.g. "n=100, d=5, gaussian". */
  key: string;
  /** Draws on which the event failed. */
  failures: number;
  /** Draws in the cell. */
  draws: number;
  /** The printed failure probability (δ, or the printed bound). */
  promised: number;
}

/** What a conclusion keeps so that {@link countFailureCells} can count its cells. */
export interface FailureCellData {
  /** The instance's cell. */
  cell: string;
  /** 1 when the event failed on the instance, else 0. */
  fail: number;
  /** The printed failure probability of the cell. */
  bound: number;
}

/**
 * Frequencies against printed bounds: false when some cell's exact lower confidence bound on the
 * failure probability exceeds its printed bound (Bonferroni over cells, family-wise CHECK_FALSE_ALARM).
 * `what` names the event and the bound in the summary.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { failureFrequencyVerdict } from "./failure_frequency.ts";
 * const ok = failureFrequencyVerdict([{ key: "n=10", failures: 3, draws: 100, promised: 0.1 }], "P[fail] vs 0.1");
 * assert.equal(ok.holds, true);
 * const bad = failureFrequencyVerdict([{ key: "n=10", failures: 40, draws: 100, promised: 0.1 }], "P[fail] vs 0.1");
 * assert.equal(bad.holds, false);
 * assert.ok(bad.pValue! < 1e-10 && bad.frequencies![0].lo > 0.1);
 * assert.equal(failureFrequencyVerdict([], "none").holds, "inconclusive");
 * ```
 */
export function failureFrequencyVerdict(cells: FailureCell[], what: string): AggregateCheck {
  if (cells.length === 0) return { holds: "inconclusive", summary: "no data" };
  const confidence = 1 - 2 * CHECK_FALSE_ALARM / cells.length; // two-sided interval, one side used
  let holds = true, tightness = 0, minPValue = 1;
  const rows: [string, string][] = [];
  const frequencies: FrequencyCell[] = [];
  for (const c of cells) {
    const pValue = binomialUpperTail(c.failures, c.draws, c.promised);
    minPValue = Math.min(minPValue, pValue);
    const ci = clopperPearson(c.failures, c.draws, confidence);
    frequencies.push({
      key: c.key,
      failures: c.failures,
      draws: c.draws,
      promised: c.promised,
      lo: ci.lo,
      hi: ci.hi,
      confidence,
      pValue,
    });
    if (ci.lo > c.promised) holds = false;
    tightness = Math.max(tightness, ci.lo / c.promised);
    rows.push([
      c.key,
      `${c.failures}/${c.draws} = ${(c.failures / c.draws).toFixed(4)}, exact interval [${ci.lo.toFixed(4)}, ${
        ci.hi.toFixed(4)
      }] vs printed ${c.promised.toFixed(4)}`,
    ]);
  }
  const tested = cells.filter((c) => c.promised < 1);
  const power = tested.length
    ? Math.min(
      ...tested.map((c) =>
        failureFrequencyPower(c.draws, c.promised, CHECK_FALSE_ALARM / cells.length, frequencyAlternative(c.promised))
      ),
    )
    : NaN;
  const worst = frequencies.reduce((a, b) => (b.pValue < a.pValue ? b : a));
  return {
    holds,
    summary:
      `${what}: failure frequency per cell with its exact Clopper–Pearson interval (confidence ${
        (confidence * 100).toFixed(4)
      }% two-sided, Bonferroni over ${cells.length} cells: family-wise false alarm ≤ ${
        levelText(CHECK_FALSE_ALARM)
      }); fails when a lower end ` +
      `exceeds the printed probability. ${holds ? "No cell exceeds it." : "Some cell exceeds it."}`,
    alpha: CHECK_FALSE_ALARM,
    pValue: Math.min(1, cells.length * minPValue),
    tightness,
    rows,
    frequencies,
    tests: [{
      name: "failure frequency per cell (exact binomial, Bonferroni over the cells)",
      statistic: `${worst.failures} of ${worst.draws} in cell "${worst.key}" (the smallest p-value)`,
      pValue: Math.min(1, cells.length * minPValue),
      alpha: CHECK_FALSE_ALARM,
      ...(Number.isFinite(power) && {
        power: {
          alternative: "P[fail] = min(2δ, (1 + δ)/2) in a cell (the weakest cell's power)",
          probability: power,
        },
      }),
    }],
  };
}

/**
 * The default alternative a frequency claim "P[fail] ≤ δ" is tested against: min(2δ, (1 + δ)/2).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { frequencyAlternative } from "./failure_frequency.ts";
 * assert.equal(frequencyAlternative(0.1), 0.2);
 * assert.equal(frequencyAlternative(0.8), 0.9);
 * ```
 */
export function frequencyAlternative(delta: number): number {
  return Math.min(2 * delta, (1 + delta) / 2);
}

/**
 * The cells of the checked records, in order of first appearance, each with its failure count; a cell's
 * printed probability is that of its first record.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { countFailureCells, type FailureCellData } from "./failure_frequency.ts";
 * import type { InstanceRecord } from "../claim.ts";
 * const record = (index: number, cell: string, fail: number): InstanceRecord<FailureCellData> => ({
 *   index, description: "", hypotheses: [], met: true,
 *   conclusion: { holds: true, observed: 0, bound: 1, tightness: 0, detail: "", data: { cell, fail, bound: 0.1 } },
 * });
 * const cells = countFailureCells([record(0, "a", 1), record(1, "b", 0), record(2, "a", 0)]);
 * assert.deepEqual(cells, [{ key: "a", failures: 1, draws: 2, promised: 0.1 }, { key: "b", failures: 0, draws: 1, promised: 0.1 }]);
 * ```
 */
export function countFailureCells<D extends FailureCellData>(records: readonly InstanceRecord<D>[]): FailureCell[] {
  const cells = new Map<string, FailureCell>();
  for (const { data } of withData(records)) {
    const cell = cells.get(data.cell) ?? { key: data.cell, failures: 0, draws: 0, promised: data.bound };
    cell.draws++;
    if (data.fail === 1) cell.failures++;
    cells.set(data.cell, cell);
  }
  return [...cells.values()];
}

/** The failure frequency's verdict and its intervals. */
export interface FailureFrequencyCheck {
  /** False when the one-sided lower confidence bound on P(failure) exceeds δ. */
  holds: boolean;
  /** The one-sided lower confidence bound at level 1 − α. */
  lower: number;
  /** The upper end of the two-sided 95% interval (for the evidence). */
  upper: number;
}

/**
 * Rejects "P(failure) ≤ δ" when the one-sided lower confidence bound (level 1 − α) on the failure
 * probability exceeds δ, so on a correct claim it fails with probability ≤ α.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { failureFrequencyCheck } from "./failure_frequency.ts";
 * assert.equal(failureFrequencyCheck(0, 20, 0.1, 1e-3).holds, true);
 * assert.equal(failureFrequencyCheck(14, 14, 0.5, 1e-4).holds, false); // 0.5¹⁴ < 10⁻⁴
 * ```
 */
export function failureFrequencyCheck(
  failures: number,
  draws: number,
  delta: number,
  alpha: number,
): FailureFrequencyCheck {
  // One-sided lower bound at confidence 1 − α = lower end of the two-sided interval at 1 − 2α.
  const lower = clopperPearson(failures, draws, 1 - 2 * alpha).lo;
  const upper = clopperPearson(failures, draws, 0.95).hi;
  return { holds: !(lower > delta), lower, upper };
}

/**
 * The fewest draws whose exact binomial test at `level` rejects "P[fail] ≤ δ" with probability ≥ `goal` when
 * P[fail] = min(2δ, (1 + δ)/2) (the default alternative).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { drawsForPower } from "./failure_frequency.ts";
 * import { failureFrequencyPower } from "../../numerics/power.ts";
 * const m = drawsForPower(0.5, 1e-4, 0.5);
 * assert.ok(failureFrequencyPower(m, 0.5, 1e-4, 0.75) >= 0.5);
 * assert.ok(failureFrequencyPower(m - 1, 0.5, 1e-4, 0.75) < 0.5);
 * assert.ok(drawsForPower(0.2, 1e-4, 0.9) > drawsForPower(0.2, 1e-4, 0.5));
 * ```
 */
export function drawsForPower(delta: number, level: number, goal: number): number {
  let n = 1;
  while (failureFrequencyPower(n, delta, level, frequencyAlternative(delta)) < goal) n++;
  return n;
}
