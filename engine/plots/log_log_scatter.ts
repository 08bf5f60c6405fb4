/**
 * A log–log scatter of points, optionally coloured by a series (optimiser, parameter group, …): the picture
 * of a width or scale sweep whose rate the aggregate fits.
 *
 * @module
 */
import type { PlotSpec } from "../claim.ts";
import { chart, nominal, quantitative } from "./chart.ts";

/** The fields of a log–log scatter: x and y (both on log scales), an optional y title and colouring series. */
export interface LogLogAxes {
  /** The field along x. */
  x: string;
  /** The field along y. */
  y: string;
  /** The y-axis title (default: the field). */
  yTitle?: string;
  /** The field that colours the points (nominal), if there are several series. */
  color?: string;
}

/**
 * Points of `values` with x and y on log scales.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logLogScatter } from "./log_log_scatter.ts";
 * const plot = logLogScatter("ratio", "ratio against n", [{ n: 16, r: 0.5, o: "GD" }], { x: "n", y: "r", color: "o" });
 * assert.deepEqual(plot.spec, {
 *   data: { values: [{ n: 16, r: 0.5, o: "GD" }] },
 *   mark: { type: "point" },
 *   encoding: {
 *     x: { field: "n", type: "quantitative", scale: { type: "log" } },
 *     y: { field: "r", type: "quantitative", scale: { type: "log" } },
 *     color: { field: "o", type: "nominal" },
 *   },
 * });
 * ```
 */
export function logLogScatter(
  name: string,
  title: string,
  values: readonly Record<string, unknown>[],
  axes: LogLogAxes,
): PlotSpec {
  return chart({
    name,
    title,
    values,
    mark: { type: "point" },
    encoding: {
      x: quantitative(axes.x, { log: true }),
      y: quantitative(axes.y, { log: true, title: axes.yTitle }),
      ...(axes.color === undefined ? {} : { color: nominal(axes.color) }),
    },
  });
}
