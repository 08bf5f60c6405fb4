/**
 * A computation that could not decide: an integrator that gave up, a singular solve, a residual over
 * its budget, a solver that found no feasible point. The instance it was run for is *undecided*:
 * never a counterexample and never a pass (engine/run.ts records it as such).
 *
 * @module
 */

/**
 * Thrown by a numerical method that gave up, in place of a result it cannot vouch for.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isNumericalFailure, NumericalFailure } from "./numerical_failure.ts";
 * const e = new NumericalFailure("ODE integrator failed: step size too small");
 * assert.ok(isNumericalFailure(e) && e instanceof Error);
 * assert.equal(e.name, "NumericalFailure");
 * assert.ok(!isNumericalFailure(new RangeError("a bug")));
 * ```
 */
export class NumericalFailure extends Error {
  /** Why the computation could not decide. */
  constructor(message: string) {
    super(message);
    this.name = "NumericalFailure";
  }
}

/**
 * Whether `e` is a numerical failure (also across a worker boundary, where only the name survives).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isNumericalFailure } from "./numerical_failure.ts";
 * assert.ok(isNumericalFailure(Object.assign(new Error("x"), { name: "NumericalFailure" })));
 * assert.ok(!isNumericalFailure("NumericalFailure"));
 * ```
 */
export function isNumericalFailure(e: unknown): e is Error {
  return e instanceof Error && e.name === "NumericalFailure";
}

/**
 * Runs `compute`, turning any error it throws into a numerical failure that says what was attempted
 * (for library calls, e.g. ml-matrix's "LU matrix is singular").
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isNumericalFailure, undecidedOnError } from "./numerical_failure.ts";
 * assert.equal(undecidedOnError("sum", () => 1 + 1), 2);
 * try {
 *   undecidedOnError("ridge solve", () => { throw new Error("LU matrix is singular"); });
 *   assert.fail("no throw");
 * } catch (e) {
 *   assert.ok(isNumericalFailure(e));
 *   assert.equal((e as Error).message, "ridge solve: LU matrix is singular");
 * }
 * ```
 */
export function undecidedOnError<T>(what: string, compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    throw new NumericalFailure(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
