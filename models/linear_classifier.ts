/**
 * Linear classifiers f(w, x) = wᵀx trained on separable data with the exponential or the logistic
 * loss (Chizat's slides, "Training linear models with exponential loss"):
 * R(w) = (1/n)·Σᵢ ℓ(yᵢ·wᵀxᵢ), ℓ(z) = e^{−z} or log(1 + e^{−z}).
 *
 * @module
 */
import { logistic, softplus } from "../numerics/logistic.ts";
import { integrate } from "../numerics/ode.ts";

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
