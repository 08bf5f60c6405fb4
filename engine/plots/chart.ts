/**
 * The building blocks of the report's plots: vega-lite encoding channels and a one-layer chart of
 * inline data, so that a claim's plot says what it shows (which field on which axis, which scale) in a
 * line or two. Layered charts (a fit line over points, a reference rule) use `layer` with marks and
 * encodings built from the same channels.
 *
 * @module
 */
import type { PlotSpec } from "../claim.ts";

/** A vega-lite encoding channel (field, type, optional title, scale and legend). */
export type Channel = Record<string, unknown>;

/** Options of a channel: its axis or legend title, a log scale, a fixed domain, extra vega-lite properties. */
export interface ChannelOptions {
  /** Axis (or legend) title. */
  title?: string;
  /** A log scale. */
  log?: boolean;
  /** The scale's fixed domain [lowest, highest] (instead of one fitted to the data). */
  domain?: readonly [number, number];
  /** Further vega-lite channel properties (e.g. `legend`, `axis`). */
  extra?: Record<string, unknown>;
}

function channel(field: string, type: string, options: ChannelOptions = {}): Channel {
  const out: Channel = { field, type };
  if (options.title !== undefined) out.title = options.title;
  if (options.log || options.domain) {
    out.scale = { ...(options.log ? { type: "log" } : {}), ...(options.domain ? { domain: options.domain } : {}) };
  }
  return { ...out, ...options.extra };
}

/**
 * A quantitative channel, e.g. `quantitative("n", { log: true })`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { quantitative } from "./chart.ts";
 * assert.deepEqual(quantitative("n", { title: "width", log: true }), {
 *   field: "n", type: "quantitative", title: "width", scale: { type: "log" },
 * });
 * assert.deepEqual(quantitative("order", { domain: [0, 2] }).scale, { domain: [0, 2] });
 * ```
 */
export function quantitative(field: string, options?: ChannelOptions): Channel {
  return channel(field, "quantitative", options);
}

/**
 * An ordinal channel (e.g. instance indices).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ordinal } from "./chart.ts";
 * assert.deepEqual(ordinal("instance"), { field: "instance", type: "ordinal" });
 * ```
 */
export function ordinal(field: string, options?: ChannelOptions): Channel {
  return channel(field, "ordinal", options);
}

/**
 * A nominal channel (colour or shape by category).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { nominal } from "./chart.ts";
 * assert.deepEqual(nominal("law", { title: "D" }), { field: "law", type: "nominal", title: "D" });
 * ```
 */
export function nominal(field: string, options?: ChannelOptions): Channel {
  return channel(field, "nominal", options);
}

/** A chart of inline data: one mark and its encoding, or layers. */
export interface ChartOptions {
  /** File-name part of the plot. */
  name: string;
  /** Caption. */
  title: string;
  /** The data rows. */
  values: readonly Record<string, unknown>[];
  /** A vega-lite mark, e.g. `{ type: "point" }` (one-layer charts). */
  mark?: Record<string, unknown>;
  /** The encoding by channel name (one-layer charts), or shared by every layer. */
  encoding?: Record<string, Channel>;
  /** Layers, each with its own mark and encoding (drawn over the same data). */
  layer?: Record<string, unknown>[];
}

/**
 * A plot of inline data for the report.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { chart, quantitative } from "./chart.ts";
 * const plot = chart({
 *   name: "gap", title: "gap against n", values: [{ n: 16, gap: 0.25 }],
 *   mark: { type: "point" }, encoding: { x: quantitative("n", { log: true }), y: quantitative("gap") },
 * });
 * assert.deepEqual(plot.spec, {
 *   data: { values: [{ n: 16, gap: 0.25 }] },
 *   mark: { type: "point" },
 *   encoding: { x: { field: "n", type: "quantitative", scale: { type: "log" } }, y: { field: "gap", type: "quantitative" } },
 * });
 * ```
 */
export function chart(options: ChartOptions): PlotSpec {
  const spec: Record<string, unknown> = { data: { values: options.values } };
  if (options.mark) spec.mark = options.mark;
  if (options.encoding) spec.encoding = options.encoding;
  if (options.layer) spec.layer = options.layer;
  return { name: options.name, title: options.title, spec };
}
