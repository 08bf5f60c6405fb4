/**
 * The soft-min loss of Chizat's slides ("An intuition behind the result"), for a linear classifier on labelled
 * data (models/linear_classifier.ts): margins zᵢ(w) = yᵢwᵀxᵢ,
 * F_β(w) = −(1/β)·log((1/n)·Σᵢ exp(−β·zᵢ(w))), its gradient ∇F_β(w) = Σᵢ pᵢyᵢxᵢ with p = softmax(−β·z(w)),
 * and the ascent flow w′(t) = ∇F₁(w(t)).
 *
 * @module
 */
import type { LabelledData } from "./linear_classifier.ts";
import { integrate, type OdeOptions, type OdeSolution } from "../numerics/ode.ts";

/**
 * The margins zᵢ = yᵢ·vᵀxᵢ.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { margins } from "./soft_min.ts";
 * const z = margins({ d: 2, x: Float64Array.of(1, 0, 0, 2), y: Float64Array.of(1, -1) }, [3, 1]);
 * assert.deepEqual(Array.from(z), [3, -2]);
 * ```
 */
export function margins(data: LabelledData, v: ArrayLike<number>): Float64Array {
  return marginsInto(data, v, new Float64Array(data.y.length));
}

/** `margins` written into z[0 .. n) (z at least n long). */
function marginsInto(data: LabelledData, v: ArrayLike<number>, z: Float64Array): Float64Array {
  const { d, x, y } = data, n = y.length;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += v[k] * x[i * d + k];
    z[i] = y[i] * s;
  }
  return z;
}

/**
 * F_β as a function of the margins, computed without overflow: min z − (1/β)·log((1/n)Σ exp(−β(zᵢ − min z))).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { softMin } from "./soft_min.ts";
 * assert.equal(softMin(5, [2, 2, 2]), 2);
 * // z = (0, a): −(1/β)·log((1 + e^{−βa})/2).
 * assert.ok(Math.abs(softMin(2, [0, 1]) + Math.log((1 + Math.exp(-2)) / 2) / 2) < 1e-15);
 * ```
 */
export function softMin(beta: number, z: ArrayLike<number>): number {
  let lo = Infinity;
  for (let i = 0; i < z.length; i++) lo = Math.min(lo, z[i]);
  let s = 0;
  for (let i = 0; i < z.length; i++) s += Math.exp(-beta * (z[i] - lo));
  return lo - Math.log(s / z.length) / beta;
}

/**
 * The softmax weights pᵢ ∝ exp(−β·zᵢ), Σpᵢ = 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { softMinWeights } from "./soft_min.ts";
 * const p = softMinWeights(Math.log(3), [0, 1]);
 * assert.ok(Math.abs(p[0] - 0.75) < 1e-15 && Math.abs(p[1] - 0.25) < 1e-15);
 * ```
 */
export function softMinWeights(beta: number, z: ArrayLike<number>): Float64Array {
  return weightsInto(beta, z, z.length, new Float64Array(z.length));
}

/**
 * `softMinWeights` of z[0 .. n) written into p[0 .. n) (p may be z): exp(−β(zᵢ − min z)), their sum from 0 in the order
 * of i, then each divided by it.
 */
function weightsInto(beta: number, z: ArrayLike<number>, n: number, p: Float64Array): Float64Array {
  let lo = Infinity;
  for (let i = 0; i < n; i++) lo = Math.min(lo, z[i]);
  for (let i = 0; i < n; i++) p[i] = Math.exp(-beta * (z[i] - lo));
  let s = 0;
  for (let i = 0; i < n; i++) s += p[i];
  for (let i = 0; i < n; i++) p[i] = p[i] / s;
  return p;
}

/**
 * Scratch of `softMinGradient` for the margins, then the weights in place: the ascent flows evaluate it at every
 * integrator stage, where allocating these arrays cost more than the arithmetic (chizat-normalized-flow).
 */
let scratch = new Float64Array(0);

/**
 * ∇F_β(v) = Σᵢ pᵢyᵢxᵢ with p = softmax(−β·z(v)).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { softMinGradient } from "./soft_min.ts";
 * // One point: F_β(v) = y·vᵀx, gradient y·x.
 * const g = softMinGradient(3, { d: 2, x: Float64Array.of(1, 2), y: Float64Array.of(-1) }, [0.5, 0.5]);
 * assert.deepEqual(Array.from(g), [-1, -2]);
 * ```
 */
export function softMinGradient(beta: number, data: LabelledData, v: ArrayLike<number>): Float64Array {
  return softMinGradientInto(beta, data, v, new Float64Array(data.d));
}

/**
 * `softMinGradient` written into g (d long, overwritten): for vector fields that return one buffer at every
 * evaluation (numerics/ode.ts copies the derivative at once), since the flows evaluate it at every integrator stage.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { softMinGradient, softMinGradientInto } from "./soft_min.ts";
 * const data = { d: 2, x: Float64Array.of(1, 2, -1, 0.5), y: Float64Array.of(-1, 1) }, g = Float64Array.of(7, 7);
 * assert.deepEqual(softMinGradientInto(2, data, [0.5, 0.5], g), softMinGradient(2, data, [0.5, 0.5]));
 * ```
 */
export function softMinGradientInto(
  beta: number,
  data: LabelledData,
  v: ArrayLike<number>,
  g: Float64Array,
): Float64Array {
  const { d, x, y } = data, n = y.length;
  g.fill(0, 0, d);
  if (scratch.length < n) scratch = new Float64Array(n);
  const p = weightsInto(beta, marginsInto(data, v, scratch), n, scratch);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) g[k] += p[i] * y[i] * x[i * d + k];
  }
  return g;
}

/**
 * The ascent flow w′(t) = ∇F₁(w(t)) from w₀, at the requested times (odex).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { softMinFlow } from "./soft_min.ts";
 * // One point x = 1, y = 1: w′ = 1, w(t) = w₀ + t.
 * const sol = softMinFlow({ d: 1, x: Float64Array.of(1), y: Float64Array.of(1) }, Float64Array.of(-2), [5]);
 * assert.ok(Math.abs(sol.states[0][0] - 3) < 1e-9);
 * ```
 */
export function softMinFlow(
  data: LabelledData,
  w0: ArrayLike<number>,
  times: number[],
  options: OdeOptions = {},
): OdeSolution {
  const g = new Float64Array(data.d); // one buffer for every evaluation: integrate copies the derivative at once
  return integrate((_t, w) => softMinGradientInto(1, data, w, g), 0, w0, times, options);
}

/**
 * Separable labelled data with margin at least γ₀ along a random unit vector u: xᵢ ~ N(0, I_d), yᵢ = sign(uᵀxᵢ),
 * then xᵢ ← xᵢ + yᵢγ₀u (so yᵢuᵀxᵢ ≥ γ₀). Returns the data and u.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { margins, separableData } from "./soft_min.ts";
 * import { createRng } from "../numerics/random.ts";
 * const { data, u } = separableData(createRng(1), 10, 3, 0.5);
 * assert.ok(Math.min(...margins(data, u)) >= 0.5 - 1e-12);
 * ```
 */
export function separableData(
  rng: { normal(): number },
  n: number,
  d: number,
  gamma0: number,
): { data: LabelledData; u: Float64Array } {
  const u = Float64Array.from({ length: d }, () => rng.normal());
  const un = Math.hypot(...u);
  for (let k = 0; k < d; k++) u[k] /= un;
  const x = new Float64Array(n * d), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) {
      x[i * d + k] = rng.normal();
      s += u[k] * x[i * d + k];
    }
    y[i] = s >= 0 ? 1 : -1;
    for (let k = 0; k < d; k++) x[i * d + k] += y[i] * gamma0 * u[k];
  }
  return { data: { d, x, y }, u };
}
