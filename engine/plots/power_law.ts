/**
 * A log–log scatter of a gap against a size with vega-lite's power-law regression line: the picture
 * of a rate fit (engine/verdicts/log_log_decay.ts).
 *
 * @module
 */
import type { PlotSpec } from "../claim.ts";

/** An axis of the plot: the field of each point it reads, and an optional title. */
export interface PowerLawAxis {
  /** The points' field. */
  field: string;
  /** Axis title (default: the field name). */
  title?: string;
}

/**
 * A log–log scatter of `values` (y against x) with the fitted power law y ∝ x^p in red.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { powerLawPlot } from "./power_law.ts";
 * const plot = powerLawPlot("gap", "gap against m", [{ m: 8, gap: 0.3 }, { m: 16, gap: 0.2 }], { field: "m" }, {
 *   field: "gap",
 *   title: "sup gap",
 * });
 * const encoding = plot.spec.encoding as Record<string, Record<string, unknown>>;
 * assert.equal(encoding.y.title, "sup gap");
 * assert.ok(!("title" in encoding.x));
 * ```
 */
export function powerLawPlot(
  name: string,
  title: string,
  values: Record<string, number>[],
  x: PowerLawAxis,
  y: PowerLawAxis,
): PlotSpec {
  const axis = (a: PowerLawAxis) => ({
    field: a.field,
    type: "quantitative",
    scale: { type: "log" },
    ...(a.title === undefined ? {} : { title: a.title }),
  });
  return {
    name,
    title,
    spec: {
      data: { values },
      layer: [
        { mark: { type: "point" } },
        {
          mark: { type: "line", color: "firebrick" },
          transform: [{ regression: y.field, on: x.field, method: "pow" }],
        },
      ],
      encoding: { x: axis(x), y: axis(y) },
    },
  };
}
