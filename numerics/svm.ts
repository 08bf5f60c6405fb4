/**
 * The hard-margin SVM without bias, min ½‖w‖² subject to yᵢ·w·xᵢ ≥ 1, solved by exact coordinate
 * ascent on its dual max_{α ≥ 0} Σαᵢ − ½‖Σαᵢyᵢxᵢ‖², with a duality-gap certificate on the distance
 * to the true solution.
 *
 * @module
 */
import { Matrix, solve } from "ml-matrix";
import { NumericalFailure } from "./numerical_failure.ts";

/** A certified max-margin solution. */
export interface MaxMargin {
  /** A primal-feasible w (min yᵢ·w·xᵢ = 1 exactly up to rounding), within `distanceBound` of w*. */
  w: Float64Array;
  /** Dual variables α ≥ 0 (positive on the support vectors). */
  alpha: Float64Array;
  /** Primal value ½‖w‖² of the feasible point. */
  primal: number;
  /** Dual value Σα − ½‖Σαyx‖². */
  dual: number;
  /** Certified ‖w − w*‖ ≤ √(2·(primal − dual)) (plus rounding): ½‖·‖² is 1-strongly convex. */
  distanceBound: number;
  /** Certified bound on the angle between w and w* (radians). */
  angleBound: number;
  /** Margin of the normalised solution, 1/‖w‖. */
  margin: number;
  /** Coordinate-ascent sweeps used. */
  sweeps: number;
}

/**
 * Solves the hard-margin SVM through the origin on (xᵢ, yᵢ), x row-major n×d, y ∈ {−1, +1}.
 * Stops when the certified angle to the exact solution is below `angleTolerance` or after
 * `maxSweeps`. Throws if the data are not linearly separable through the origin (the dual is
 * then unbounded and the iterate never becomes feasible).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { maxMarginSvm } from "./svm.ts";
 * // Points (1, 1) labelled +1 and (−1, 1) labelled −1: w* = (1, 0), margin 1.
 * const s = maxMarginSvm(Float64Array.of(1, 1, -1, 1), Float64Array.of(1, -1), 2);
 * assert.ok(Math.abs(s.w[0] - 1) < 1e-6 && Math.abs(s.w[1]) < 1e-6 && s.angleBound < 1e-6);
 * ```
 */
export function maxMarginSvm(
  x: Float64Array,
  y: Float64Array,
  d: number,
  angleTolerance = 1e-6,
  maxSweeps = 200_000,
): MaxMargin {
  const n = y.length;
  if (!x.every(Number.isFinite) || !y.every(Number.isFinite)) throw new RangeError("max-margin SVM: non-finite data");
  const alpha = new Float64Array(n), v = new Float64Array(d), sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += x[i * d + k] ** 2;
    sq[i] = s;
  }
  let best: MaxMargin | null = null;
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    // Exact maximisation of the dual in αᵢ, clipped at 0; v = Σαᵢyᵢxᵢ kept up to date.
    for (let i = 0; i < n; i++) {
      let m = 0;
      for (let k = 0; k < d; k++) m += v[k] * x[i * d + k];
      const next = Math.max(0, alpha[i] + (1 - y[i] * m) / sq[i]);
      const delta = (next - alpha[i]) * y[i];
      if (delta !== 0) { for (let k = 0; k < d; k++) v[k] += delta * x[i * d + k]; }
      alpha[i] = next;
    }
    if (sweep % 10 !== 0 && sweep !== maxSweeps) continue;
    best = certify(x, y, d, alpha, v, sweep);
    if (best && best.angleBound <= angleTolerance) return best;
    // Polish: solve the KKT equalities yᵢwᵀxᵢ = 1 on the current support; the certificate judges the result.
    const polished = polish(x, y, d, alpha);
    if (polished) {
      const c = certify(x, y, d, polished.alpha, polished.v, sweep);
      if (c && c.angleBound <= angleTolerance) return c;
    }
  }
  if (!best) {
    throw new NumericalFailure("max-margin SVM: no feasible point found (data not separable through the origin?)");
  }
  return best;
}

function polish(
  x: Float64Array,
  y: Float64Array,
  d: number,
  alpha: Float64Array,
): { alpha: Float64Array; v: Float64Array } | null {
  const support = Array.from(alpha.keys()).filter((i) => alpha[i] > 0);
  if (support.length === 0) return null;
  const g = new Matrix(support.length, support.length);
  support.forEach((i, a) =>
    support.forEach((j, b) => {
      let s = 0;
      for (let k = 0; k < d; k++) s += x[i * d + k] * x[j * d + k];
      g.set(a, b, y[i] * y[j] * s);
    })
  );
  let sol: Matrix;
  try {
    sol = solve(g, Matrix.ones(support.length, 1), true);
  } catch {
    return null;
  }
  const next = new Float64Array(alpha.length), v = new Float64Array(d);
  for (let a = 0; a < support.length; a++) {
    const ai = sol.get(a, 0), i = support[a];
    if (!(ai >= 0)) return null;
    next[i] = ai;
    for (let k = 0; k < d; k++) v[k] += ai * y[i] * x[i * d + k];
  }
  return { alpha: next, v };
}

function certify(
  x: Float64Array,
  y: Float64Array,
  d: number,
  alpha: Float64Array,
  v: Float64Array,
  sweeps: number,
): MaxMargin | null {
  const n = y.length;
  let minMargin = Infinity, sumAlpha = 0, vv = 0;
  for (let k = 0; k < d; k++) vv += v[k] * v[k];
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let k = 0; k < d; k++) m += v[k] * x[i * d + k];
    minMargin = Math.min(minMargin, y[i] * m);
    sumAlpha += alpha[i];
  }
  if (!(minMargin > 0)) return null;
  // Feasible point: v scaled so that its smallest margin is 1.
  const w = v.map((c) => c / minMargin);
  const primal = (0.5 * vv) / (minMargin * minMargin);
  const dual = sumAlpha - 0.5 * vv;
  // Rounding in the two values: a few ulps of their magnitudes, counted generously (64 ulps).
  const rounding = 64 * Number.EPSILON * (primal + sumAlpha + vv);
  const distanceBound = Math.sqrt(2 * Math.max(primal - dual, 0) + 2 * rounding);
  const wNorm = Math.sqrt(2 * primal);
  const angleBound = distanceBound >= wNorm ? Math.PI / 2 : Math.asin(distanceBound / wNorm);
  return { w, alpha: Float64Array.from(alpha), primal, dual, distanceBound, angleBound, margin: 1 / wNorm, sweeps };
}
