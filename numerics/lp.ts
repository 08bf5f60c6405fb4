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
  /** Simplex or IPM iterations HiGHS reported (0 when not reported). */
  iterations: number;
}

/**
 * The loader. The package is typed as CommonJS (its `export default` read as `module.exports.default`) while Deno
 * loads its ES module build, whose default export is the loader itself: the cast reconciles the two.
 */
const loadHighs = highsLoader as unknown as (options?: InitOptions) => Promise<Highs>;
let highs: Promise<Highs> | undefined;

/** The variable name of column j in the LP text. */
const col = (j: number) => `x${j}`;

/** A number in CPLEX LP syntax: the shortest round-trip decimal (exact on reading), never "Infinity". */
function num(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`LP coefficient not finite: ${v}`);
  return String(v).replace("e+", "e");
}

/** The LP in CPLEX LP text. */
function lpText(lp: LinearProgram): string {
  const nv = lp.cost.length, lines = [lp.sense === "max" ? "Maximize" : "Minimize"];
  const terms = (c: ArrayLike<number>) => {
    const t: string[] = [];
    for (let j = 0; j < nv; j++) if (c[j] !== 0) t.push(`${c[j] < 0 ? "-" : "+"} ${num(Math.abs(c[j]))} ${col(j)}`);
    return t.length ? t.join(" ") : `0 ${col(0)}`;
  };
  lines.push(` obj: ${terms(lp.cost)}`, "Subject To");
  lp.rows.forEach((r, i) => {
    if (r.coef.length !== nv) throw new RangeError(`LP row ${i} has ${r.coef.length} coefficients, not ${nv}`);
    const lo = r.lower ?? -Infinity, hi = r.upper ?? Infinity;
    if (lo === hi) lines.push(` r${i}: ${terms(r.coef)} = ${num(lo)}`);
    else if (lo > -Infinity && hi < Infinity) lines.push(` r${i}: ${num(lo)} <= ${terms(r.coef)} <= ${num(hi)}`);
    else if (lo > -Infinity) lines.push(` r${i}: ${terms(r.coef)} >= ${num(lo)}`);
    else if (hi < Infinity) lines.push(` r${i}: ${terms(r.coef)} <= ${num(hi)}`);
    else throw new RangeError(`LP row ${i} has no bound`);
  });
  lines.push("Bounds");
  for (let j = 0; j < nv; j++) {
    const lo = lp.lower?.[j] ?? 0, hi = lp.upper?.[j] ?? Infinity;
    const l = lo === -Infinity ? "-inf" : num(lo), u = hi === Infinity ? "+inf" : num(hi);
    lines.push(` ${l} <= ${col(j)} <= ${u}`);
  }
  lines.push("End");
  return lines.join("\n");
}

/**
 * Solves the LP with HiGHS (dual simplex by HiGHS's choice, presolve on, output off). Throws a NumericalFailure
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
  const r = h.solve(lpText(lp), { output_flag: false });
  if (r.Status !== "Optimal") throw new NumericalFailure(`HiGHS: LP not solved to optimality (status ${r.Status})`);
  const nv = lp.cost.length, x = new Float64Array(nv);
  for (let j = 0; j < nv; j++) x[j] = r.Columns[col(j)]?.Primal ?? 0; // a column absent from every row and the objective
  const rowDual = Float64Array.from(r.Rows as { Dual?: number }[], (row) => row.Dual ?? 0);
  const info = r as unknown as { SimplexIterations?: number };
  return { objective: r.ObjectiveValue, x, rowDual, iterations: info.SimplexIterations ?? 0 };
}
