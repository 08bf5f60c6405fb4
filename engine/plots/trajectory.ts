/**
 * A log-scale plot of per-instance series along an iteration (GD steps, times).
 *
 * @module
 */
import type { ConclusionData, InstanceRecord, PlotSpec } from "../claim.ts";

/**
 * A log-scale trajectory plot of a per-instance series stored in `data[xKey]`, `data[yKey]` (arrays of
 * numbers in the claim's data type `D`), for the first eight instances meeting the hypotheses.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trajectoryPlot } from "./trajectory.ts";
 * const record = { index: 0, description: "toy", hypotheses: [], met: true,
 *   conclusion: { holds: true, observed: 0, bound: 1, tightness: 0, detail: "", data: { ks: [0, 1], gaps: [1, 0.5] } } };
 * const plot = trajectoryPlot([record], "ks", "gaps", "gap");
 * assert.equal((plot.spec.data as { values: unknown[] }).values.length, 2);
 * ```
 */
export function trajectoryPlot<D = ConclusionData>(
  records: InstanceRecord<D>[],
  xKey: keyof D & string,
  yKey: keyof D & string,
  label: string,
): PlotSpec {
  const series = (r: InstanceRecord<D>, key: string) =>
    (r.conclusion?.data as Record<string, unknown> | undefined)?.[key] as number[];
  const values = records.filter((r) => series(r, xKey)).slice(0, 8).flatMap((r) => {
    const xs = series(r, xKey), ys = series(r, yKey);
    return xs.map((x, j) => ({ step: x, value: Math.max(ys[j], 1e-300), instance: `${r.index}: ${r.description}` }))
      .filter((p) => p.value > 1e-30);
  });
  return {
    name: "trajectory",
    title: `${label} along GD (first eight instances, log scale)`,
    spec: {
      data: { values },
      mark: { type: "line", point: false },
      encoding: {
        x: { field: "step", type: "quantitative", title: "step k" },
        y: { field: "value", type: "quantitative", scale: { type: "log" }, title: label },
        color: { field: "instance", type: "nominal", legend: { orient: "bottom", columns: 1 } },
      },
    },
  };
}
