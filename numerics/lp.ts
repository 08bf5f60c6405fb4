/**
 * Dense linear programs solved by HiGHS (the npm package `highs`: the HiGHS solver of the University of
 * Edinburgh compiled to WebAssembly, loaded once, lazily, on the first solve; single-threaded and deterministic).
 *
 * HiGHS works to its feasibility and optimality tolerances (10⁻⁷ by default): its primal and dual solutions are
 * approximate, so a caller that needs a certified value builds its own certificate from them (a feasible point
 * evaluated in its own arithmetic for one side, a dual point and weak duality for the other).
 *
 * @module
 */
import highsLoader from "highs";
import type { Highs, InitOptions } from "highs";
import { NumericalFailure } from "./numerical_failure.ts";

/** One constraint lower ≤ coefᵀx ≤ upper (dense; ±Infinity for a missing side). */
export interface LpRow {
  /** Coefficients, one per variable. */
  coef: ArrayLike<number>;
  /** Lower bound (default −∞). */
  lower?: number;
  /** Upper bound (default +∞). */
  upper?: number;
}

/** max or min costᵀx subject to the rows and lower ≤ x ≤ upper. */
export interface LinearProgram {
  /** Direction. */
  sense: "max" | "min";
  /** Objective coefficients (their number fixes the number of variables). */
  cost: ArrayLike<number>;
  /** Constraints. */
  rows: LpRow[];
  /** Variable lower bounds (default 0 for every variable). */
  lower?: ArrayLike<number>;
  /** Variable upper bounds (default +∞). */
  upper?: ArrayLike<number>;
}

/** HiGHS's solution of an LP it reported optimal. */
export interface LpSolution {
  /** The optimal objective value as HiGHS computed it. */
  objective: number;
  /** Primal solution. */
  x: Float64Array;
  /** Row duals (HiGHS's sign convention: for a max problem a binding ≤ row has a dual ≥ 0, a binding ≥ row ≤ 0). */
  rowDual: Float64Array;
  /** Simplex iterations HiGHS reported. */
  iterations: number;
}

/**
 * The loader. The package is typed as CommonJS (its `export default` read as `module.exports.default`) while Deno
 * loads its ES module build, whose default export is the loader itself: the cast reconciles the two.
 */
const loadHighs = highsLoader as unknown as (options?: InitOptions) => Promise<Highs>;
let highs: Promise<Highs> | undefined;

/**
 * Solves the LP with HiGHS (its persistent-model API, sparse rows; simplex by HiGHS's choice, presolve off, output
 * off), disposing the native model afterwards. Throws a NumericalFailure
 * unless HiGHS reports it optimal (infeasible, unbounded, iteration limit...).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { solveLp } from "./lp.ts";
 * // max x + y s.t. x + 2y ≤ 4, 3x + y ≤ 6, x, y ≥ 0: optimum 2.8 at (1.6, 1.2), duals (0.4, 0.2).
 * const s = await solveLp({ sense: "max", cost: [1, 1], rows: [{ coef: [1, 2], upper: 4 }, { coef: [3, 1], upper: 6 }] });
 * assert.ok(Math.abs(s.objective - 2.8) < 1e-9 && Math.abs(s.x[0] - 1.6) < 1e-9 && Math.abs(s.rowDual[0] - 0.4) < 1e-9);
 * ```
 */
export async function solveLp(lp: LinearProgram): Promise<LpSolution> {
  const h = await (highs ??= loadHighs());
  const nv = lp.cost.length, nr = lp.rows.length, inf = h.infinity;
  const starts = new Int32Array(nr + 1), indices: number[] = [], values: number[] = [];
  lp.rows.forEach((r, i) => {
    if (r.coef.length !== nv) throw new RangeError(`LP row ${i} has ${r.coef.length} coefficients, not ${nv}`);
    for (let j = 0; j < nv; j++) {
      if (!Number.isFinite(r.coef[j])) throw new RangeError(`LP coefficient (${i}, ${j}) not finite: ${r.coef[j]}`);
      if (r.coef[j] !== 0) indices.push(j), values.push(r.coef[j]);
    }
    starts[i + 1] = indices.length;
  });
  const bound = (v: number | undefined, fallback: number) => {
    const x = v ?? fallback;
    return x === Infinity ? inf : x === -Infinity ? -inf : x;
  };
  const model = h.createModel({
    numCols: nv,
    numRows: nr,
    sense: lp.sense === "max" ? h.constants.objectiveSense.maximize : h.constants.objectiveSense.minimize,
    colCost: Float64Array.from(lp.cost),
    colLower: Float64Array.from({ length: nv }, (_, j) => bound(lp.lower?.[j], 0)),
    colUpper: Float64Array.from({ length: nv }, (_, j) => bound(lp.upper?.[j], Infinity)),
    rowLower: Float64Array.from(lp.rows, (r) => bound(r.lower, -Infinity)),
    rowUpper: Float64Array.from(lp.rows, (r) => bound(r.upper, Infinity)),
    matrix: {
      format: "csr",
      numRows: nr,
      numCols: nv,
      starts,
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  });
  try {
    // Presolve off: on these small dense LPs it costs more than it saves (measured: about half the time).
    model.options.set({ output_flag: false, presolve: "off" });
    const status = model.run().modelStatus;
    if (status !== h.constants.modelStatus.optimal) {
      throw new NumericalFailure(`HiGHS: LP not solved to optimality (model status ${status})`);
    }
    const sol = model.getSolution();
    const iterations = Number(model.info.get("simplex_iteration_count"));
    return {
      objective: model.getObjectiveValue(),
      x: Float64Array.from(sol.colValue),
      rowDual: Float64Array.from(sol.rowDual),
      iterations,
    };
  } finally {
    model.dispose();
  }
}
