/**
 * Log–log pictures of a width or scale sweep whose rate the aggregate fits: points, or lines through them
 * (one per instance), optionally coloured by a series (optimiser, parameter group, instance) and dashed by
 * another (which quantity).
 *
 * @module
 */
import type { PlotSpec } from "../claim.ts";
import { type Channel, chart, nominal, quantitative } from "./chart.ts";

/** The fields of a log–log plot: x and y (both on log scales), optional axis titles, colouring and dashing series. */
export interface LogLogAxes {
  /** The field along x. */
  x: string;
  /** The x-axis title (default: the field). */
  xTitle?: string;
  /** The base of the x axis's log scale (default: vega-lite's, 10), e.g. 2 for doubling widths. */
  xBase?: number;
  /** The field along y. */
  y: string;
  /** The y-axis title (default: the field). */
  yTitle?: string;
  /** The field that colours the marks (nominal), if there are several series. */
  color?: string;
  /** The field that sets the lines' dash pattern (nominal; line plots). */
  dash?: string;
}

function encoding(axes: LogLogAxes): Record<string, Channel> {
  return {
    x: quantitative(axes.x, {
      log: true,
      title: axes.xTitle,
      extra: axes.xBase === undefined ? undefined : { scale: { type: "log", base: axes.xBase } },
    }),
    y: quantitative(axes.y, { log: true, title: axes.yTitle }),
    ...(axes.color === undefined ? {} : { color: nominal(axes.color) }),
    ...(axes.dash === undefined ? {} : { strokeDash: nominal(axes.dash) }),
  };
}

/**
 * Points of `values` with x and y on log scales.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logLogScatter } from "./log_log.ts";
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
  return chart({ name, title, values, mark: { type: "point" }, encoding: encoding(axes) });
}

/**
 * Lines with points through `values` (x and y on log scales), one per value of `color` (and of `dash`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logLogLines } from "./log_log.ts";
 * const values = [{ a: 8, v: 0.5, i: "#0", q: "gap" }, { a: 16, v: 0.25, i: "#0", q: "gap" }];
 * const plot = logLogLines("gaps", "gap against α", values, { x: "a", y: "v", color: "i", dash: "q" });
 * assert.deepEqual(plot.spec.mark, { type: "line", point: true });
 * assert.deepEqual(Object.keys(plot.spec.encoding as object), ["x", "y", "color", "strokeDash"]);
 * const byWidth = logLogLines("ks", "KS against n", [{ n: 64, ks: 0.1 }], { x: "n", xBase: 2, y: "ks" });
 * assert.deepEqual((byWidth.spec.encoding as Record<string, unknown>).x, {
 *   field: "n",
 *   type: "quantitative",
 *   scale: { type: "log", base: 2 },
 * });
 * ```
 */
export function logLogLines(
  name: string,
  title: string,
  values: readonly Record<string, unknown>[],
  axes: LogLogAxes,
): PlotSpec {
  return chart({ name, title, values, mark: { type: "line", point: true }, encoding: encoding(axes) });
}
