/**
 * Width sweeps over laws of the initial weights: instance `index` of a claim takes the law
 * `index mod L` and the width `⌊index / L⌋ mod W`, so every (law, width) cell gets the same number of
 * draws, and a learner may fix either with `--law` or `--n`.
 *
 * @module
 */
import type { BudgetName, ParameterSpec } from "../engine/claim.ts";

/**
 * The `n` parameter of the law × width sweeps of Chapter 11 (it fixes the width of every instance).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SWEEP_WIDTH_PARAMETER } from "./law_width_cells.ts";
 * assert.deepEqual(SWEEP_WIDTH_PARAMETER, { type: "integer", min: 1, max: 4096, help: "width n" });
 * ```
 */
export const SWEEP_WIDTH_PARAMETER: ParameterSpec = { type: "integer", min: 1, max: 4096, help: "width n" };

/** A law sweep: its laws, its widths per budget and its draws per cell per budget. */
export interface LawWidthSweep<L> {
  /** The laws (e.g. [distribution, activation] pairs). */
  laws: readonly L[];
  /** The widths at each budget. */
  widths: Readonly<Record<BudgetName, readonly number[]>>;
  /** Draws per (law, width) cell at each budget. */
  draws: Readonly<Record<BudgetName, number>>;
}

/**
 * How many instances the sweep runs at each budget: laws × widths × draws.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sweepInstances } from "./law_width_cells.ts";
 * const sweep = { laws: ["a", "b"], widths: { test: [4, 8], report: [4, 8, 16] }, draws: { test: 3, report: 5 } };
 * assert.deepEqual(sweepInstances(sweep), { test: 12, report: 30 });
 * ```
 */
export function sweepInstances<L>(sweep: LawWidthSweep<L>): Record<BudgetName, number> {
  const count = (b: BudgetName) => sweep.laws.length * sweep.widths[b].length * sweep.draws[b];
  return { test: count("test"), report: count("report") };
}

/**
 * The law and the width of instance `index` (the overrides `law` and `n` win).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sweepCell } from "./law_width_cells.ts";
 * const sweep = { laws: ["a", "b"], widths: { test: [4, 8], report: [4] }, draws: { test: 3, report: 5 } };
 * assert.deepEqual(sweepCell(sweep, 3, "test"), { law: "b", n: 8 });
 * assert.deepEqual(sweepCell(sweep, 3, "test", { law: 0, n: 100 }), { law: "a", n: 100 });
 * ```
 */
export function sweepCell<L>(
  sweep: LawWidthSweep<L>,
  index: number,
  budget: BudgetName,
  params: Readonly<Record<string, number>> = {},
): { law: L; n: number } {
  const ws = sweep.widths[budget];
  return {
    law: sweep.laws[params.law ?? index % sweep.laws.length],
    n: params.n ?? ws[Math.floor(index / sweep.laws.length) % ws.length],
  };
}
