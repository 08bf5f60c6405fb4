/**
 * Activation functions σ of every network the claims train (Chapter 10's scaled model, Chapter 11's
 * two-layer networks, the mean-field particles of Chizat's slides), with σ′, σ″ (almost everywhere),
 * their kinks, and the constants the hypotheses of Theorem 11.16 and Assumption 11.18 (a) ask about.
 *
 * @module
 */
import { logistic, softplus as softplusFunction } from "../numerics/logistic.ts";

/** An activation σ with its derivatives and the constants of Theorem 11.16 and Assumption 11.18 (a). */
export interface Activation {
  /** Name used in reports. */
  readonly name: string;
  /** σ(x). */
  f(x: number): number;
  /** σ′(x) (for ReLU the step 1_{[0,∞)}(x), as in Exercise 11.36). */
  df(x: number): number;
  /** σ″(x) (zero almost everywhere for ReLU). */
  d2f(x: number): number;
  /** Points where σ or σ′ is not smooth (quadrature break points). */
  readonly kinks: readonly number[];
  /** Smallest R with |σ(x)| ≤ R(1+|x|) and |σ′(x)| ≤ R(1+|x|) for all x (Theorems 11.16, 11.30). */
  readonly growthR: number;
  /** |σ(0)|. */
  readonly atZero: number;
  /** Lip(σ) = sup|σ′|. */
  readonly lipschitz: number;
  /** Lip(σ′) = sup|σ″| (Infinity for ReLU: σ′ jumps). */
  readonly derivativeLipschitz: number;
}

/**
 * ReLU σ(x) = max{0, x} with σ′ = 1_{[0,∞)} (as in Exercise 11.36; any value of σ′(0) is a
 * subgradient): Lip(σ′) = ∞, so Assumption 11.18 (a) fails for it. Positively 1-homogeneous, so the
 * particle c·σ(a·x + b) of Chizat's slides is positively 2-homogeneous.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { relu } from "./activation.ts";
 * assert.ok(relu.f(-1) === 0 && relu.df(0) === 1);
 * ```
 */
export const relu: Activation = {
  name: "ReLU",
  f: (x) => (x > 0 ? x : 0),
  df: (x) => (x >= 0 ? 1 : 0),
  d2f: () => 0,
  kinks: [0],
  growthR: 1,
  atZero: 0,
  lipschitz: 1,
  derivativeLipschitz: Infinity,
};

/**
 * σ(x) = arctan(x) (Figure 11.3): σ′ = 1/(1+x²), σ″ = −2x/(1+x²)², sup|σ″| = 3√3/8 at x = ±1/√3.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { arctan } from "./activation.ts";
 * assert.equal(arctan.df(0), 1);
 * ```
 */
export const arctan: Activation = {
  name: "arctan",
  f: Math.atan,
  df: (x) => 1 / (1 + x * x),
  d2f: (x) => -2 * x / ((1 + x * x) * (1 + x * x)),
  kinks: [],
  growthR: Math.PI / 2,
  atZero: 0,
  lipschitz: 1,
  derivativeLipschitz: 3 * Math.sqrt(3) / 8,
};

/**
 * Softplus σ(x) = log(1 + eˣ), smooth and not odd: σ′ = logistic, σ″ = σ′(1 − σ′) ≤ 1/4,
 * σ(0) = log 2, and σ(x) ≤ log 2 + |x| ≤ 1 + |x|.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { softplus } from "./activation.ts";
 * assert.ok(Math.abs(softplus.f(0) - Math.LN2) < 1e-15);
 * ```
 */
export const softplus: Activation = {
  name: "softplus",
  f: softplusFunction,
  df: logistic,
  d2f: (x) => {
    const s = logistic(x);
    return s * (1 - s);
  },
  kinks: [],
  growthR: 1,
  atZero: Math.LN2,
  lipschitz: 1,
  derivativeLipschitz: 0.25,
};

/**
 * tanh: smooth and odd, σ′ = 1 − tanh², σ″ = −2 tanh·(1 − tanh²), sup|σ″| = 4/(3√3) at tanh x = ±1/√3
 * (the gradient flows of Chapter 10 and the lazy-training slides, integrated by an adaptive solver).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tanh } from "./activation.ts";
 * assert.equal(tanh.df(0), 1);
 * ```
 */
export const tanh: Activation = {
  name: "tanh",
  f: (x) => Math.tanh(x),
  df: (x) => 1 - Math.tanh(x) ** 2,
  d2f: (x) => -2 * Math.tanh(x) * (1 - Math.tanh(x) ** 2),
  kinks: [],
  growthR: 1,
  atZero: 0,
  lipschitz: 1,
  derivativeLipschitz: 4 / (3 * Math.sqrt(3)),
};

/** The activations of Chapter 11's tangent-kernel API, by name. */
export const activations: Readonly<Record<"relu" | "arctan" | "softplus", Activation>> = { relu, arctan, softplus };

/**
 * `act` with σ remembered at up to `capacity` arguments (compared exactly; 0, −0 and NaN never remembered), for a
 * network whose pre-activations take few distinct values: the same numbers as σ itself, each value computed once.
 * (Rademacher weights ±d^{-1/2} with zero biases give 2^d pre-activations per input: prop-11.28's softplus network
 * spent about a fifth of its run in σ at its n·k pre-activations per draw.) σ′ and σ″ are `act`'s.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rememberingValues, softplus } from "./activation.ts";
 * let calls = 0;
 * const counted = { ...softplus, f: (x: number) => (calls++, softplus.f(x)) };
 * const remembered = rememberingValues(counted, 2);
 * assert.deepEqual([1.5, 1.5, -2, 1.5, 3, 3].map(remembered.f), [1.5, 1.5, -2, 1.5, 3, 3].map(softplus.f));
 * assert.equal(calls, 4); // 1.5 and −2 remembered; 3 is past the capacity
 * ```
 */
export function rememberingValues(act: Activation, capacity = 16): Activation {
  const keys = new Float64Array(capacity), values = new Float64Array(capacity), f = act.f;
  let size = 0;
  return {
    ...act,
    f: (x) => {
      for (let k = 0; k < size; k++) if (keys[k] === x) return values[k];
      const y = f(x);
      if (size < capacity && x !== 0 && x === x) {
        keys[size] = x;
        values[size] = y;
        size++;
      }
      return y;
    },
  };
}

/**
 * σ and σ′ at the points `z`, in place: z[i] becomes σ(z[i]) and, when `df` is given, df[i] becomes σ′(z[i]),
 * exactly `act.f` and `act.df` (the same expressions on the same numbers).
 * Hot kernel for wide layers: called through `act.f` and `act.df`, σ and σ′ are megamorphic calls in a per-neuron loop
 * that sees several activations (about half the CPU of thm-11.16 and thm-11.30 at the report budget, 2¹⁸ neurons × 3
 * inputs per draw, models/tangent_kernel_sweep.ts); each activation of this module gets its own loop with direct
 * calls, softplus and tanh with σ and σ′ sharing their exp(−|z|) or tanh(z). Any other activation is called through
 * `act`. Not used by TwoLayerNetwork.gradient and .forward: at their widths (10²–10⁴, many calls) the extra array and
 * pass cost more than the calls they save when a process runs one claim (measured: thm-11.13 +25%).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { activateInPlace, arctan, relu, softplus, tanh } from "./activation.ts";
 * const points = [-3, -0.5, -0, 0, 0.25, 2, 40, -40, NaN];
 * for (const act of [relu, arctan, softplus, tanh, { ...softplus }]) {
 *   const z = Float64Array.from(points), df = new Float64Array(points.length), only = Float64Array.from(points);
 *   activateInPlace(act, z, df);
 *   activateInPlace(act, only);
 *   assert.deepEqual([...z], points.map(act.f));
 *   assert.deepEqual([...df], points.map(act.df));
 *   assert.deepEqual([...only], points.map(act.f));
 * }
 * ```
 */
export function activateInPlace(act: Activation, z: Float64Array, df?: Float64Array): void {
  const n = z.length;
  if (df !== undefined && df.length < n) throw new RangeError(`df has length ${df.length}, expected ${n}`);
  if (act === relu) {
    if (df === undefined) {
      for (let i = 0; i < n; i++) z[i] = z[i] > 0 ? z[i] : 0;
      return;
    }
    for (let i = 0; i < n; i++) {
      const t = z[i];
      z[i] = t > 0 ? t : 0;
      df[i] = t >= 0 ? 1 : 0;
    }
  } else if (act === arctan) {
    if (df === undefined) {
      for (let i = 0; i < n; i++) z[i] = Math.atan(z[i]);
      return;
    }
    for (let i = 0; i < n; i++) {
      const t = z[i];
      z[i] = Math.atan(t);
      df[i] = 1 / (1 + t * t);
    }
  } else if (act === softplus) {
    if (df === undefined) {
      for (let i = 0; i < n; i++) z[i] = softplusFunction(z[i]);
      return;
    }
    for (let i = 0; i < n; i++) {
      const t = z[i];
      // The branches of numerics/logistic.ts's softplus and logistic, which take the same exp(−|t|).
      if (t > 0) {
        const e = Math.exp(-t);
        z[i] = t + Math.log1p(e);
        df[i] = 1 / (1 + e);
      } else if (t < 0) {
        const e = Math.exp(t);
        z[i] = Math.log1p(e);
        df[i] = e / (1 + e);
      } else {
        // ±0 or NaN: the library's own functions.
        z[i] = softplusFunction(t);
        df[i] = logistic(t);
      }
    }
  } else if (act === tanh) {
    for (let i = 0; i < n; i++) {
      const t = Math.tanh(z[i]);
      z[i] = t;
      if (df !== undefined) df[i] = 1 - t ** 2;
    }
  } else {
    const { f, df: dfn } = act;
    for (let i = 0; i < n; i++) {
      const t = z[i];
      z[i] = f(t);
      if (df !== undefined) df[i] = dfn(t);
    }
  }
}
