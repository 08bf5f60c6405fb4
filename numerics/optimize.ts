/**
 * Local minimisation of smooth functions by damped Newton steps (Levenberg–Marquardt on the exact
 * Hessian). Used to look for low values of a loss; it certifies nothing.
 *
 * @module
 */
import { Matrix, solve } from "ml-matrix";

/** A twice differentiable function with its derivatives. */
export interface Smooth {
  /** f(w). */
  value(w: ArrayLike<number>): number;
  /** ∇f(w). */
  gradient(w: ArrayLike<number>): Float64Array;
  /** ∇²f(w). */
  hessian(w: ArrayLike<number>): Matrix;
}

/** Where a local minimisation ended. */
export interface LocalMinimum {
  /** The last accepted point. */
  w: Float64Array;
  /** f there (float64). */
  value: number;
  /** Newton systems solved. */
  iterations: number;
}

/**
 * Levenberg–Marquardt on the exact Hessian: solve (∇²f + λI)δ = −∇f, accept the step if f
 * decreases (then λ ← λ/3), else λ ← 10λ. Stops after `maxIterations` solves or when λ explodes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix } from "ml-matrix";
 * import { localMinimize } from "./optimize.ts";
 * const f = {
 *   value: (w: ArrayLike<number>) => (w[0] - 1) ** 4 + w[1] ** 2,
 *   gradient: (w: ArrayLike<number>) => Float64Array.of(4 * (w[0] - 1) ** 3, 2 * w[1]),
 *   hessian: (w: ArrayLike<number>) => new Matrix([[12 * (w[0] - 1) ** 2, 0], [0, 2]]),
 * };
 * assert.ok(localMinimize(f, [3, 2], 200).value < 1e-8);
 * ```
 */
export function localMinimize(f: Smooth, w0: ArrayLike<number>, maxIterations: number): LocalMinimum {
  let w = Float64Array.from(w0), fw = f.value(w), lambda = 1e-3, iterations = 0;
  const n = w.length;
  while (iterations < maxIterations && lambda < 1e30 && Number.isFinite(fw)) {
    const g = f.gradient(w), h = f.hessian(w);
    const scale = Math.max(1e-300, ...Array.from({ length: n }, (_, i) => Math.abs(h.get(i, i))));
    const damped = h.clone().add(Matrix.eye(n).mul(lambda * scale));
    iterations++;
    let step: number[];
    try {
      step = solve(damped, Matrix.columnVector(Array.from(g, (v) => -v))).getColumn(0);
    } catch {
      lambda *= 10;
      continue;
    }
    const trial = Float64Array.from(w, (v, i) => v + step[i]);
    const ft = f.value(trial);
    if (Number.isFinite(ft) && ft < fw) {
      w = trial;
      fw = ft;
      lambda = Math.max(lambda / 3, 1e-15);
    } else {
      lambda *= 10;
    }
  }
  return { w, value: fw, iterations };
}
