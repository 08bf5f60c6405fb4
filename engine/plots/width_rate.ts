/**
 * The plot of a tangent-kernel width sweep (Theorems 11.16, 11.30): per draw the root sum of squares F
 * of the kernel entries' deviations from the finite-n mean against the width, the RMS per width, and
 * the exact (E F²)^{1/2}, on log–log axes.
 *
 * @module
 */
import type { InstanceRecord, PlotSpec } from "../claim.ts";
import { withData } from "../records.ts";
import { type WidthRateData, widthRateFits } from "../verdicts/kernel_width_rate.ts";

/**
 * The "rate" plot of claim `id`: dots per draw, lines per law (RMS), dashed the exact RMS.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { widthRatePlot } from "./width_rate.ts";
 * const checked = { holds: true, observed: 0, bound: 1, tightness: 0, detail: "" };
 * const records = [16, 32, 64].map((n, index) => ({
 *   index, description: "", hypotheses: [], met: true,
 *   conclusion: { ...checked, data: { dist: "N", n, error: 0, fluctuation: 0, frobenius: n ** -0.5, expectedSquare: 1 / n } },
 * }));
 * const plot = widthRatePlot("thm-11.30", records);
 * assert.equal(plot.name, "rate");
 * assert.equal((plot.spec.layer as { data: { values: unknown[] } }[])[0].data.values.length, 3);
 * ```
 */
export function widthRatePlot(id: string, records: InstanceRecord<WidthRateData>[]): PlotSpec {
  const points = withData(records).map(({ data }) => ({ n: data.n, error: data.frobenius, D: data.dist }))
    .filter((p) => p.error > 0);
  const fits = widthRateFits(records);
  const rms = fits.flatMap((f) => f.rms.map(([n, e]) => ({ n, error: e, D: f.dist })));
  const reference = fits.flatMap((f) => f.exact.map(([n, e]) => ({ n, error: e, D: `${f.dist} (exact)` })));
  return {
    name: "rate",
    title: `${id}: root sum of squares F of the deviations from the finite-n mean against width (dots: draws; lines: ` +
      `RMS per width; dashed: the exact (E F²)^{1/2})`,
    spec: {
      layer: [
        {
          data: { values: points },
          mark: { type: "point", opacity: 0.25, size: 12 },
          encoding: {
            x: { field: "n", type: "quantitative", scale: { type: "log", base: 2 }, title: "width n" },
            y: {
              field: "error",
              type: "quantitative",
              scale: { type: "log" },
              title: "F = (Σ (kernel − finite-n mean)²)^{1/2}",
            },
            color: { field: "D", type: "nominal" },
          },
        },
        {
          data: { values: rms },
          mark: { type: "line", point: true },
          encoding: {
            x: { field: "n", type: "quantitative", scale: { type: "log", base: 2 } },
            y: { field: "error", type: "quantitative", scale: { type: "log" } },
            color: { field: "D", type: "nominal" },
          },
        },
        {
          data: { values: reference },
          mark: { type: "line", strokeDash: [4, 4] },
          encoding: {
            x: { field: "n", type: "quantitative", scale: { type: "log", base: 2 } },
            y: { field: "error", type: "quantitative", scale: { type: "log" } },
            detail: { field: "D", type: "nominal" },
            color: { value: "gray" },
          },
        },
      ],
    },
  };
}
