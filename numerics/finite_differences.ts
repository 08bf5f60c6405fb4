/**
 * Finite-difference references (for tests of analytic derivatives): a gradient by central differences and a matrix
 * assembled column by column from its products with the unit vectors (a Hessian from Hessian-vector
 * products).
 *
 * @module
 */
import { Matrix } from "./linalg.ts";

/**
 * (f(w + h·e_q) − f(w − h·e_q))/(2h) for each component q: the central-difference gradient of `f` at `w`
 * (w itself is not changed).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { centralGradient } from "./finite_differences.ts";
 * const g = centralGradient((w) => w[0] * w[0] + 3 * w[1], Float64Array.of(2, 5), 1e-3);
 * assert.ok(Math.abs(g[0] - 4) < 1e-9 && Math.abs(g[1] - 3) < 1e-9);
 * ```
 */
export function centralGradient(f: (w: Float64Array) => number, w: Float64Array, h: number): Float64Array {
  const g = new Float64Array(w.length);
  for (let q = 0; q < w.length; q++) {
    const wp = Float64Array.from(w), wm = Float64Array.from(w);
    wp[q] += h;
    wm[q] -= h;
    g[q] = (f(wp) - f(wm)) / (2 * h);
  }
  return g;
}

/**
 * The P × P matrix whose column k is `product(e_k, out)` (written into `out`): a Hessian assembled from
 * Hessian-vector products.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFromProducts } from "./finite_differences.ts";
 * const A = matrixFromProducts(2, (e, out) => out.set([2 * e[0] + e[1], e[0]]));
 * assert.deepEqual(A.to2DArray(), [[2, 1], [1, 0]]);
 * ```
 */
export function matrixFromProducts(P: number, product: (e: Float64Array, out: Float64Array) => void): Matrix {
  const A = new Matrix(P, P), e = new Float64Array(P), col = new Float64Array(P);
  for (let k = 0; k < P; k++) {
    e.fill(0);
    e[k] = 1;
    product(e, col);
    for (let i = 0; i < P; i++) A.set(i, k, col[i]);
  }
  return A;
}
