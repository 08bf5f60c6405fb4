/**
 * Curves on a log y-axis, one line per run (training losses against steps or times).
 *
 * @module
 */
import type { PlotSpec } from "../claim.ts";

/** How the points of a curves plot are read: the x and y fields, what colours the lines and what tells runs apart. */
export interface LogCurvesAxes {
  /** The field along x (quantitative). */
  x: string;
  /** The field along y (quantitative, log scale). */
  y: string;
  /** The y-axis title (default: the field). */
  yTitle?: string;
  /** The field that colours the lines, and its vega-lite type. */
  color: { field: string; type: "nominal" | "ordinal" };
  /** The field telling apart runs of the same colour (nominal), if several share one. */
  run?: string;
}

/**
 * A line plot of `values` with y on a log scale.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logCurvesPlot } from "./log_curves.ts";
 * const values = [{ t: 0, loss: 1, m: 2 }, { t: 1, loss: 0.1, m: 2 }];
 * const plot = logCurvesPlot("curves", "Training curves", values, { x: "t", y: "loss", color: { field: "m", type: "ordinal" } });
 * assert.deepEqual((plot.spec.encoding as Record<string, unknown>).y, { field: "loss", type: "quantitative", scale: { type: "log" } });
 * ```
 */
export function logCurvesPlot(name: string, title: string, values: readonly object[], axes: LogCurvesAxes): PlotSpec {
  const y = {
    field: axes.y,
    type: "quantitative",
    scale: { type: "log" },
    ...(axes.yTitle ? { title: axes.yTitle } : {}),
  };
  return {
    name,
    title,
    spec: {
      data: { values },
      mark: { type: "line" },
      encoding: {
        x: { field: axes.x, type: "quantitative" },
        y,
        color: axes.color,
        ...(axes.run ? { detail: { field: axes.run, type: "nominal" } } : {}),
      },
    },
  };
}
