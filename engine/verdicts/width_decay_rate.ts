/**
 * A rate verdict over a width sweep: the fitted exponent of a per-instance quantity against the width n
 * (least squares on log–log data, with a confidence interval), compared with the printed C·n^{-1/2}.
 *
 * @module
 */
import type { AggregateCheck, InstanceRecord } from "../claim.ts";
import { withData } from "../records.ts";
import { exponentTest } from "./log_log_fit.ts";
import { exponentWords } from "../words.ts";
import { confidencePercent } from "../false_alarm.ts";
import { linearFit } from "../../numerics/stats.ts";

/** One instance of a width sweep: its width and the quantity whose decay in the width is tested. */
export interface WidthSample {
  /** Width n. */
  width: number;
  /** The quantity (positive). */
  value: number;
}

/**
 * The samples of a width sweep: per record with data, its width and the quantity `value` reads from the data.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { widthSamples } from "./width_decay_rate.ts";
 * const checked = { holds: true, observed: 0, bound: 1, tightness: 0, detail: "" };
 * const record = { index: 0, description: "", hypotheses: [], met: true, conclusion: { ...checked, data: { width: 8, gap: 2 } } };
 * assert.deepEqual(widthSamples([record], (d) => d.gap), [{ width: 8, value: 2 }]);
 * ```
 */
export function widthSamples<D extends { width: number }>(
  records: readonly InstanceRecord<D>[],
  value: (data: D) => number,
): WidthSample[] {
  return withData(records).map(({ data }) => ({ width: data.width, value: value(data) }));
}

/**
 * Holds when the (1 − alpha) confidence interval of the fitted exponent of `value` in `width` reaches
 * −1/2 or below and lies below 0 (a decay slower than n^{-1/2} would falsify C·n^{-1/2}); inconclusive
 * with fewer than 5 samples. `widths` are the sweep's widths (for the summary).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { inverseSqrtDecayVerdict } from "./width_decay_rate.ts";
 * const widths = [16, 64, 256, 1024, 4096];
 * const decaying = widths.map((width, k) => ({ width, value: (1 + 0.02 * (k % 2)) / Math.sqrt(width) }));
 * assert.equal(inverseSqrtDecayVerdict(decaying, "gap", widths, 0.01).holds, true);
 * const flat = widths.map((width, k) => ({ width, value: 1 + 0.01 * (k % 2) }));
 * assert.equal(inverseSqrtDecayVerdict(flat, "gap", widths, 0.01).holds, false);
 * assert.match(inverseSqrtDecayVerdict(flat, "gap", widths, 0.01).failure!, /of gap in n .* is not below 0: gap does not decay/);
 * const slow = widths.map((width, k) => ({ width, value: (1 + 0.02 * (k % 2)) * width ** -0.3 }));
 * assert.match(inverseSqrtDecayVerdict(slow, "gap", widths, 0.01).failure!, /exponent −0\.\d+ \[.*\] .* is above the printed −1\/2/);
 * assert.equal(inverseSqrtDecayVerdict(decaying, "gap", widths, 0.01).failure, undefined);
 * assert.equal(inverseSqrtDecayVerdict(flat.slice(0, 4), "gap", widths, 0.01).holds, "inconclusive");
 * ```
 */
export function inverseSqrtDecayVerdict(
  samples: readonly WidthSample[],
  label: string,
  widths: readonly number[],
  alpha: number,
): AggregateCheck {
  if (samples.length < 5) return { holds: "inconclusive", summary: "too few widths" };
  const fit = linearFit(
    samples.map((s) => Math.log(s.width)),
    samples.map((s) => Math.log(s.value)),
    1 - alpha,
  );
  const { lo, hi } = fit.slopeInterval;
  const exponent = `the fitted exponent ${exponentWords(fit.slope, lo, hi)} of ${label} in n (${
    confidencePercent(alpha)
  } interval)`;
  const failure = hi >= 0
    ? `${exponent} is not below 0: ${label} does not decay in n, let alone as the printed C·n^{-1/2}`
    : lo > -0.5
    ? `${exponent} is above the printed −1/2: ${label} decays more slowly than C·n^{-1/2}`
    : undefined;
  return {
    holds: hi < 0 && lo <= -0.5,
    ...(failure === undefined ? {} : { failure }),
    summary: `${label} against n over n ∈ {${widths.join(", ")}}: fitted exponent ${fit.slope.toFixed(3)}, ${
      confidencePercent(alpha)
    } CI [${lo.toFixed(3)}, ${
      hi.toFixed(3)
    }]; the printed bound C·n^{-1/2} needs the CI to reach −1/2 or below (a decay slower than n^{-1/2} would falsify it) and to lie below 0`,
    alpha,
    // The CI's lower end above −1/2 (a slower decay) is a one-sided t test at level alpha/2.
    tests: [
      exponentTest(fit, { name: `exponent of ${label} in n (≤ −1/2)`, rate: -0.5, sides: "upper", alpha: alpha / 2 }),
    ],
    rows: [[`fitted exponent of ${label} in n`, `${fit.slope.toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}]`]],
  };
}
