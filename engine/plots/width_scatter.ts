/**
 * A log–log scatter plot of a per-instance quantity against the width n (the rate fits of width sweeps).
 *
 * @module
 */
import type { PlotSpec } from "../claim.ts";

/**
 * The points (n, value) on log scales; `name` is the plot's file-name part.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { widthScatterPlot } from "./width_scatter.ts";
 * const plot = widthScatterPlot([{ width: 16, value: 0.25 }, { width: 64, value: 0.125 }], "gap", "gap against n");
 * assert.deepEqual((plot.spec.data as { values: unknown[] }).values[1], { n: 64, value: 0.125 });
 * ```
 */
export function widthScatterPlot(
  samples: readonly { width: number; value: number }[],
  name: string,
  title: string,
): PlotSpec {
  return {
    name,
    title,
    spec: {
      data: { values: samples.map((s) => ({ n: s.width, value: s.value })) },
      mark: { type: "point" },
      encoding: {
        x: { field: "n", type: "quantitative", scale: { type: "log" } },
        y: { field: "value", type: "quantitative", scale: { type: "log" } },
      },
    },
  };
}
