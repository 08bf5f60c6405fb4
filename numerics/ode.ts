/**
 * Adaptive, error-controlled integration of gradient flows dw/dt = F(t, w), on top of odex
 * (Hairer and Wanner's ODEX, a Gragg–Bulirsch–Stoer extrapolation method with step-size control).
 *
 * @module
 */
import { Outcome, Solver } from "npm:odex@2.0.4";
import { NumericalFailure } from "./numerical_failure.ts";

/**
 * Right-hand side F(t, y) of y' = F(t, y). `y` is a fresh array at every call; the returned derivative is copied at
 * once, so a field may return the same buffer at every call.
 */
export type VectorField = (t: number, y: Float64Array) => ArrayLike<number>;

/** Tolerances of the integrator's local error control (per component: atol + rtol·|yᵢ|). */
export interface OdeOptions {
  /** Relative tolerance (default 1e-10). */
  rtol?: number;
  /** Absolute tolerance (default 1e-12). */
  atol?: number;
  /** Step limit per output interval; exceeding it throws (default 100 000). */
  maxSteps?: number;
  /**
   * Limit on the field's evaluations per output interval; exceeding it throws (default 100·maxSteps). odex does not
   * count the steps it retries at the end of an interval, and on a field that chatters across a kink (a ReLU flow
   * sliding along an activation boundary) it was seen to retry them without end.
   */
  maxEvaluations?: number;
  /**
   * Largest step (default: none). Bounds h·‖∂F/∂y‖ on flows that are stiff but smooth, where the error
   * estimate alone lets an explicit trial step grow until its stages overflow.
   */
  maxStepSize?: number;
  /**
   * Called with (t, y(t)) after every accepted step (not at t₀), e.g. to check a bound along the whole trajectory
   * rather than at the output times only; `y` is a fresh copy.
   */
  onStep?: (t: number, y: Float64Array) => void;
}

/** The states at the requested times and what the integrator did to get them. */
export interface OdeSolution {
  /** The requested output times, increasing. */
  times: number[];
  /** y(tᵢ) for each requested time. */
  states: Float64Array[];
  /** Accepted integration steps in total (an upper bound on the number of local errors made). */
  steps: number;
  /** The tolerances in force. */
  rtol: number;
  /** The tolerances in force. */
  atol: number;
}

/**
 * Integrates y' = F(t, y) from (t₀, y₀) and returns y at each of `times` (increasing, ≥ t₀).
 * Throws when the integrator fails (step limit, non-finite state): a diverging flow never
 * yields numbers.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { integrate } from "./ode.ts";
 * // y' = −y, y(0) = 1: y(1) = e^{-1}.
 * const sol = integrate((_t, y) => [-y[0]], 0, [1], [1]);
 * assert.ok(Math.abs(sol.states[0][0] - Math.exp(-1)) < 1e-9);
 * ```
 */
export function integrate(
  field: VectorField,
  t0: number,
  y0: ArrayLike<number>,
  times: number[],
  options: OdeOptions = {},
): OdeSolution {
  const rtol = options.rtol ?? 1e-10, atol = options.atol ?? 1e-12;
  const solver = new Solver(y0.length);
  solver.relativeTolerance = rtol;
  solver.absoluteTolerance = atol;
  solver.maxSteps = options.maxSteps ?? 100_000;
  if (options.maxStepSize !== undefined) solver.maxStepSize = options.maxStepSize;
  if (!Array.from(y0).every(Number.isFinite)) throw new Error("ODE initial state not finite");
  const maxEvaluations = options.maxEvaluations ?? 100 * solver.maxSteps;
  let evaluations = 0;
  const f = (t: number, y: number[]) => {
    if (++evaluations > maxEvaluations) {
      throw new NumericalFailure(`ODE integrator stalled: ${maxEvaluations} field evaluations`);
    }
    // A non-finite derivative would stall odex's step-size control forever: fail at once instead.
    // Hot path: odex copies the returned derivative into its own array at once, so any ArrayLike will do (no
    // Array.from: on wide networks the conversions cost more than odex's own work). The state is copied with
    // `new Float64Array(array)`, whose fast path skips Float64Array.from's iteration (the same values).
    const dy = field(t, new Float64Array(y));
    for (let i = 0; i < dy.length; i++) {
      if (!Number.isFinite(dy[i])) throw new Error(`ODE vector field not finite at t = ${t}`);
    }
    return dy as number[];
  };
  let y = Array.from(y0), t = t0, steps = 0;
  const states: Float64Array[] = [];
  for (const target of times) {
    if (!(target >= t)) throw new RangeError(`output times must be increasing from t0 (${target})`);
    if (target > t) {
      evaluations = 0;
      const onStep = options.onStep;
      const r = onStep
        ? solver.solve(f, t, y, target, (nr: number, _xOld: number, x: number, yNow: number[]) => {
          if (nr > 1) onStep(x, Float64Array.from(yNow));
        })
        : solver.solve(f, t, y, target);
      if (r.outcome !== Outcome.Converged) throw new NumericalFailure(`ODE integrator failed: outcome ${r.outcome}`);
      steps += r.nAccept;
      y = r.y;
      t = target;
    }
    const state = Float64Array.from(y);
    if (!state.every(Number.isFinite)) throw new Error(`ODE state not finite at t = ${target}`);
    states.push(state);
  }
  return { times, states, steps, rtol, atol };
}
