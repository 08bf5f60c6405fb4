/**
 * ADAM (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1) with its usual
 * defaults (step size 10⁻³, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸): per component, the bias-corrected first
 * moment over the square root of the bias-corrected second moment, plus ε.
 *
 * @module
 */

/** ADAM's hyper-parameters. */
export interface AdamOptions {
  /** Step size α (default 10⁻³). */
  lr?: number;
  /** Decay of the first moment (default 0.9). */
  beta1?: number;
  /** Decay of the second moment (default 0.999). */
  beta2?: number;
  /** ε added to √v̂ (default 10⁻⁸). */
  eps?: number;
}

/** The defaults of Kingma and Ba (Algorithm 1). */
export const ADAM_DEFAULTS: Required<AdamOptions> = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

/**
 * ADAM's state on a parameter vector: the moments m, v and the step count t.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Adam } from "./adam.ts";
 * // The first step moves each component by lr·g/(|g| + ε) (m̂ = g, v̂ = g²): about lr against the gradient's sign.
 * const w = Float64Array.of(1, -2, 0);
 * new Adam(3).step(w, Float64Array.of(4, -0.5, 0));
 * assert.ok(Math.abs(w[0] - (1 - 1e-3 * 4 / (4 + 1e-8))) < 1e-15);
 * assert.ok(Math.abs(w[1] - (-2 + 1e-3 * 0.5 / (0.5 + 1e-8))) < 1e-15);
 * assert.equal(w[2], 0); // a zero gradient: m̂ = 0, no move
 * ```
 */
export class Adam {
  /** First moment m_t. */
  readonly m: Float64Array;
  /** Second moment v_t. */
  readonly v: Float64Array;
  /** Steps taken, t. */
  t = 0;
  /** The hyper-parameters in force. */
  readonly options: Required<AdamOptions>;
  constructor(size: number, options: AdamOptions = {}) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
    this.options = { ...ADAM_DEFAULTS, ...options };
  }
  /** One step in place: t ← t + 1, m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², w ← w − α·m̂/(√v̂ + ε). */
  step(w: Float64Array, g: ArrayLike<number>): void {
    const { lr, beta1, beta2, eps } = this.options;
    this.t += 1;
    const c1 = 1 - beta1 ** this.t, c2 = 1 - beta2 ** this.t;
    for (let q = 0; q < w.length; q++) {
      this.m[q] = beta1 * this.m[q] + (1 - beta1) * g[q];
      this.v[q] = beta2 * this.v[q] + (1 - beta2) * g[q] * g[q];
      const mHat = this.m[q] / c1, vHat = this.v[q] / c2;
      w[q] -= (lr * mHat) / (Math.sqrt(vHat) + eps);
    }
  }
}
