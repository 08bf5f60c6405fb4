/**
 * Linear classifiers f(w, x) = wᵀx trained on separable data with the exponential or the logistic
 * loss (Chizat's slides, "Training linear models with exponential loss"):
 * R(w) = (1/n)·Σᵢ ℓ(yᵢ·wᵀxᵢ), ℓ(z) = e^{−z} or log(1 + e^{−z}).
 *
 * @module
 */
import { logistic, softplus } from "../numerics/logistic.ts";
import { integrate } from "../numerics/ode.ts";
import { dot, Matrix, pseudoInverse, svd } from "../numerics/linalg.ts";
import { highamGamma } from "../numerics/rounding.ts";
import type { Rng } from "../numerics/random.ts";
import { maxMarginSvm } from "../numerics/svm.ts";

/** A margin loss ℓ(z) with its derivative. */
export interface MarginLoss {
  /** Name shown in reports. */
  name: "exponential" | "logistic";
  /** ℓ(z). */
  value(z: number): number;
  /** ℓ′(z). */
  derivative(z: number): number;
}

/**
 * ℓ(z) = e^{−z}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { exponentialLoss } from "./linear_classifier.ts";
 * assert.ok(exponentialLoss.value(0) === 1 && exponentialLoss.derivative(0) === -1);
 * ```
 */
export const exponentialLoss: MarginLoss = {
  name: "exponential",
  value: (z) => Math.exp(-z),
  derivative: (z) => -Math.exp(-z),
};

/**
 * ℓ(z) = log(1 + e^{−z}) (cross-entropy), computed without overflow.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logisticMarginLoss } from "./linear_classifier.ts";
 * assert.ok(Math.abs(logisticMarginLoss.value(0) - Math.log(2)) < 1e-15 && logisticMarginLoss.derivative(0) === -0.5);
 * ```
 */
export const logisticMarginLoss: MarginLoss = {
  name: "logistic",
  value: (z) => softplus(-z),
  derivative: (z) => -logistic(-z),
};

/** Labelled data for a linear classifier: x row-major n×d, y ∈ {−1, +1}. */
export interface LabelledData {
  /** Dimension d. */
  d: number;
  /** Inputs, row-major. */
  x: Float64Array;
  /** Labels ±1. */
  y: Float64Array;
}

/**
 * ∇R(w) = (1/n)·Σᵢ ℓ′(yᵢwᵀxᵢ)·yᵢxᵢ.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { exponentialLoss, riskGradient } from "./linear_classifier.ts";
 * const g = riskGradient(exponentialLoss, { d: 1, x: Float64Array.of(2), y: Float64Array.of(1) }, Float64Array.of(0));
 * assert.equal(g[0], -2);
 * ```
 */
export function riskGradient(loss: MarginLoss, data: LabelledData, w: ArrayLike<number>): Float64Array {
  const { d, x, y } = data, n = y.length, g = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let k = 0; k < d; k++) z += w[k] * x[i * d + k];
    const c = (loss.derivative(y[i] * z) * y[i]) / n;
    for (let k = 0; k < d; k++) g[k] += c * x[i * d + k];
  }
  return g;
}

/**
 * The gradient flow dw/dt = −∇R(w) from w(0) = w₀, returned at the requested times. Integrated by
 * the adaptive ODE solver in the variable s = log(1 + t), where the field −e^s∇R(w) stays of order
 * one at late times (∇R decays like 1/t on separable data), so late times cost few steps.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { exponentialLoss, gradientFlow } from "./linear_classifier.ts";
 * const data = { d: 1, x: Float64Array.of(1), y: Float64Array.of(1) };
 * // w′ = e^{−w}, w(0) = 0: w(t) = log(1 + t).
 * const { states } = gradientFlow(exponentialLoss, data, Float64Array.of(0), [1e6]);
 * assert.ok(Math.abs(states[0][0] - Math.log(1 + 1e6)) < 1e-6);
 * ```
 */
export function gradientFlow(
  loss: MarginLoss,
  data: LabelledData,
  w0: Float64Array,
  times: number[],
): { states: Float64Array[]; steps: number; rtol: number; atol: number } {
  const sol = integrate(
    (s, w) => riskGradient(loss, data, w).map((g) => -Math.exp(s) * g),
    0,
    w0,
    times.map((t) => Math.log1p(t)),
    // ∂/∂w of the field is e^s∇²R(w), of order one at late times but not small: unbounded steps in s let a
    // trial stage overshoot until e^{−yᵢwᵀxᵢ} overflows (seen once in 2400 instances of chizat-implicit-bias).
    { maxStepSize: 1 },
  );
  return { states: sol.states, steps: sol.steps, rtol: sol.rtol, atol: sol.atol };
}

/** The offset w̃ of w(t) = ŵ·log t + w̃ + o(1), predicted from the data and the max-margin solution alone. */
export interface PredictedOffset {
  /** w̃ (undefined when the support vectors do not span ℝᵈ: w̃ then depends on the trajectory). */
  offset?: Float64Array;
  /** Indices of the support vectors (dual variable > 0). */
  support: number[];
  /** Condition number of the support vectors' matrix [yᵢxᵢᵀ] when it is d×d (Infinity otherwise). */
  condition: number;
}

/**
 * Soudry et al. (2018): for the flow of R(w) = (1/n)Σ e^{−yᵢwᵀxᵢ} (and of the logistic risk, whose tail is the
 * same), w(t) = ŵ log t + w̃ + o(1) with, for every support vector i, e^{−yᵢxᵢᵀw̃}/n = αᵢ, where ŵ = Σ αᵢyᵢxᵢ
 * is the max-margin vector (margin 1) and α its dual solution: plugging the expansion into
 * w′ = (1/n)Σ e^{−yᵢwᵀxᵢ}yᵢxᵢ, the support vectors' terms are t⁻¹e^{−yᵢxᵢᵀw̃}/n·yᵢxᵢ and must add up to ŵ/t.
 * When the d support vectors span ℝᵈ these d equations fix w̃ = A⁻¹b, A = [yᵢxᵢᵀ], bᵢ = −log(nαᵢ): from the
 * data alone, before any trajectory. `normalisation` replaces the 1/n (1 for a risk without it, a near miss).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { predictedOffset } from "./linear_classifier.ts";
 * // x₁ = (1, 1), y₁ = 1 and x₂ = (−1, 1), y₂ = −1: ŵ = (1, 0) = ½(x₁ − x₂), α = (½, ½), n = 2:
 * // e^{−yᵢxᵢᵀw̃} = 1, so w̃ = 0.
 * const p = predictedOffset({ d: 2, x: Float64Array.of(1, 1, -1, 1), y: Float64Array.of(1, -1) }, Float64Array.of(0.5, 0.5));
 * assert.ok(p.offset !== undefined && Math.abs(p.offset[0]) < 1e-12 && Math.abs(p.offset[1]) < 1e-12);
 * ```
 */
export function predictedOffset(data: LabelledData, alpha: ArrayLike<number>, normalisation?: number): PredictedOffset {
  const { d, x, y } = data, n = y.length, scale = normalisation ?? 1 / n;
  const support = Array.from(y, (_, i) => i).filter((i) => alpha[i] > 0);
  if (support.length !== d) return { support, condition: Infinity };
  const a = new Matrix(support.map((i) => Array.from({ length: d }, (_, k) => y[i] * x[i * d + k])));
  const { s } = svd(a);
  const condition = s[0] / s[d - 1];
  if (!(condition < 1e8)) return { support, condition };
  const inverse = pseudoInverse(a), b = support.map((i) => -Math.log(alpha[i] / scale));
  const offset = new Float64Array(d);
  for (let k = 0; k < d; k++) for (let j = 0; j < d; j++) offset[k] += inverse.get(k, j) * b[j];
  return { offset, support, condition };
}

/** Every yᵢwᵀxᵢ computed above its rounding bound γ_d·Σₖ|wₖxᵢₖ| (Higham): w separates the exact data strictly. */
export function separatesStrictly(x: Float64Array, y: Float64Array, d: number, w: ArrayLike<number>): boolean {
  const gamma = highamGamma(d);
  for (let i = 0; i < y.length; i++) {
    let m = 0, abs = 0;
    for (let k = 0; k < d; k++) {
      m += w[k] * x[i * d + k];
      abs += Math.abs(w[k] * x[i * d + k]);
    }
    if (!(y[i] * m > gamma * abs * (1 + gamma))) return false;
  }
  return true;
}

/** Angle between w and the unit vector u. */
export function angleTo(w: Float64Array, u: Float64Array): number {
  const along = dot(w, u);
  const perp = Math.sqrt(Math.max(dot(w, w) - along * along, 0));
  return Math.atan2(perp, along);
}

/**
 * Separable data through the origin: n Gaussian points of ℝᵈ labelled by the sign of a random direction u, points
 * within `minDistance` of its hyperplane rejected (so the max margin is ≥ minDistance); then the non-support points whose normalised margin yᵢŵᵀxᵢ lies in (1, gap) are dropped,
 * which leaves the max-margin solution unchanged (their dual variables are 0). gap = 1 drops nothing.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gappedSeparableData } from "./linear_classifier.ts";
 * import { createRng } from "../numerics/random.ts";
 * const { data, dropped } = gappedSeparableData(createRng(1), 2, 10, 1.1);
 * assert.equal(data.y.length + dropped, 10);
 * ```
 */
export function gappedSeparableData(rng: Rng, d: number, n: number, gap: number, minDistance = 0): {
  data: LabelledData;
  dropped: number;
} {
  const u = Float64Array.from({ length: d }, () => rng.normal());
  const xs: number[] = [], ys: number[] = [];
  while (ys.length < n) {
    const p = Array.from({ length: d }, () => rng.normal());
    const m = dot(p, u) / Math.sqrt(dot(u, u));
    if (m === 0 || Math.abs(m) < minDistance) continue;
    xs.push(...p);
    ys.push(Math.sign(m));
  }
  const svm = maxMarginSvm(Float64Array.from(xs), Float64Array.from(ys), d);
  const keep = ys.map((yi, i) => svm.alpha[i] > 0 || yi * dot(svm.w, xs.slice(i * d, (i + 1) * d)) >= gap);
  const data = {
    d,
    x: Float64Array.from(xs.filter((_, j) => keep[Math.floor(j / d)])),
    y: Float64Array.from(ys.filter((_, i) => keep[i])),
  };
  return { data, dropped: n - data.y.length };
}

/**
 * The drift rate of r(t) = w(t) − ŵ·log t per unit log t between the last two states: ‖r(t_last) − r(t_prev)‖ /
 * log(t_last/t_prev) (zero once r has converged).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { offsetDriftRate } from "./linear_classifier.ts";
 * const wHat = Float64Array.of(1, 0);
 * const states = [10, 100].map((t) => Float64Array.of(Math.log(t) + 0.5, 2));
 * assert.ok(offsetDriftRate(states, [10, 100], wHat) < 1e-12);
 * ```
 */
export function offsetDriftRate(states: Float64Array[], times: number[], wHat: ArrayLike<number>): number {
  const r = (k: number) => states[k].map((v, q) => v - wHat[q] * Math.log(times[k]));
  const last = times.length - 1, prev = last - 1, a = r(last), b = r(prev);
  let drift = 0;
  for (let q = 0; q < a.length; q++) drift += (a[q] - b[q]) ** 2;
  return Math.sqrt(drift) / Math.log(times[last] / times[prev]);
}
