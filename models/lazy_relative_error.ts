/**
 * The relative error of the linearised model along gradient flow, the quantity of the relative scale
 * criterion of Chizat's slides (`003_…`): for R(y) = ½‖y − y*‖², the flows w(T) of R(h(w)) and w̄(T) of
 * R(h̄(w)), h̄(w) = h(w₀) + Dh(w₀)(w − w₀), from the same w₀, compared at normalised time t = T·‖Dh(w₀)‖²:
 * err(t) = ‖h(w(T)) − h̄(w̄(T))‖ / ‖h(w₀) − y*‖.
 *
 * The linearised flow is solved exactly: h̄(w̄(T)) − y* = e^{−TK}(h(w₀) − y*) with K = Dh(w₀)Dh(w₀)ᵀ. The
 * nonlinear flow is integrated by classical RK4 with a fixed step, twice (step Δ and Δ/2): their
 * difference estimates the integration error of err (Richardson), which the caller holds to a budget.
 *
 * @module
 */
import { Matrix, symmetricEigen } from "../numerics/linalg.ts";
import type { Rng } from "../numerics/random.ts";
import { tanh } from "./activation.ts";
import { kappaSweepData } from "./kappa_sweep.ts";
import { iidInit, kappaBounds, rowsSpectralNorm, ScaledTwoLayer } from "./scaled_two_layer.ts";

/** err(t) at the requested normalised times, with its integration-error estimate. */
export interface LinearisationError {
  /** The normalised times t = T·‖Dh(w₀)‖². */
  times: number[];
  /** err(t) from the finer integration. */
  errors: number[];
  /** |err(t) (step Δ) − err(t) (step Δ/2)| at each time. */
  integrationError: number[];
  /** ‖Dh(w₀)‖² (spectral norm squared): the time normalisation. */
  jacobianNormSq: number;
}

function field(net: ScaledTwoLayer, y: ArrayLike<number>, w: Float64Array): Float64Array {
  // g[k] −= Dh(w)[i][k]·(h(w)ᵢ − yᵢ), the outputs and the Jacobian fused (c = 1: (1·h − y)/1 is h − y exactly),
  // without allocating them at every RK4 stage (chizat-kappa).
  const g = new Float64Array(w.length);
  net.subtractResidualGradient(w, 1, y, g);
  return g;
}

function rk4(net: ScaledTwoLayer, y: ArrayLike<number>, w0: Float64Array, dt: number, steps: number[]): Float64Array[] {
  // steps[j]: the number of steps after which the j-th state is recorded (increasing).
  const out: Float64Array[] = [];
  let w = Float64Array.from(w0), done = 0;
  const axpy = (a: Float64Array, s: number, b: Float64Array) => a.map((v, k) => v + s * b[k]);
  for (const target of steps) {
    for (; done < target; done++) {
      const k1 = field(net, y, w);
      const k2 = field(net, y, axpy(w, dt / 2, k1));
      const k3 = field(net, y, axpy(w, dt / 2, k2));
      const k4 = field(net, y, axpy(w, dt, k3));
      w = w.map((v, k) => v + dt / 6 * (k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k]));
    }
    out.push(Float64Array.from(w));
  }
  return out;
}

/**
 * err(t) for t = tMax·2^{-j}, j = count − 1, …, 0 (increasing), the nonlinear flow integrated with
 * `stepsPerMax` RK4 steps up to tMax (a power of 2 at least 2^count) and with twice as many.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linearisationError } from "./lazy_relative_error.ts";
 * import { ScaledTwoLayer } from "./scaled_two_layer.ts";
 * import { tanh } from "./activation.ts";
 * const net = new ScaledTwoLayer([Float64Array.of(1, 0), Float64Array.of(0.6, 0.8)], 4, 0.5, tanh);
 * const w0 = Float64Array.of(0.3, -0.2, 0.5, 0.1, -0.4, 0.6, 0.2, 0.2, 1, -1, 0.5, 0.7);
 * const e = linearisationError(net, w0, [1, -1], 0.125, 3, 64);
 * // err(t) ≈ c·t² for small t: quartering t divides err by about 16.
 * assert.ok(e.errors[0] < e.errors[2] / 10 && e.errors[0] > e.errors[2] / 25);
 * ```
 */
export function linearisationError(
  net: ScaledTwoLayer,
  w0: Float64Array,
  y: ArrayLike<number>,
  tMax: number,
  count: number,
  stepsPerMax: number,
): LinearisationError {
  const jac0 = net.jacobian(w0), jacobianNormSq = rowsSpectralNorm(jac0) ** 2;
  const f0 = net.outputs(w0), n = f0.length;
  const r0 = Array.from(f0, (v, i) => v - y[i]);
  const r0Norm = Math.hypot(...r0);
  const k = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let q = 0; q < w0.length; q++) s += jac0[i][q] * jac0[j][q];
      k.set(i, j, s);
    }
  }
  const { values, vectors } = symmetricEigen(k);
  const times = Array.from({ length: count }, (_, j) => tMax * 2 ** -(count - 1 - j));
  const linear = (bigT: number) => {
    // e^{−TK} r0 = V e^{−TΛ} Vᵀ r0.
    const out = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      let proj = 0;
      for (let i = 0; i < n; i++) proj += vectors.get(i, c) * r0[i];
      const s = Math.exp(-bigT * values[c]) * proj;
      for (let i = 0; i < n; i++) out[i] += vectors.get(i, c) * s;
    }
    return out;
  };
  const errs = (steps: number) => {
    const dt = tMax / jacobianNormSq / steps;
    const at = times.map((t) => Math.round(t / tMax * steps));
    return rk4(net, y, w0, dt, at).map((w, j) => {
      const f = net.outputs(w), lin = linear(times[j] / jacobianNormSq);
      let s = 0;
      for (let i = 0; i < n; i++) s += (f[i] - y[i] - lin[i]) ** 2;
      return Math.sqrt(s) / r0Norm;
    });
  };
  const coarse = errs(stepsPerMax), fine = errs(2 * stepsPerMax);
  return { times, errors: fine, integrationError: fine.map((e, j) => Math.abs(e - coarse[j])), jacobianNormSq };
}

/** err(t) of a tanh network against t^p·κ_h(w₀) (κ bracketed) and its local exponent in t. */
export interface TanhLinearisationError {
  /** The normalised times. */
  times: number[];
  /** err(t) at them. */
  errors: number[];
  /** Rigorous lower bound on κ_h(w₀). */
  kappaLo: number;
  /** Rigorous upper bound on κ_h(w₀). */
  kappaHi: number;
  /** Exponent of err in t as t → 0: local exponents over the three smallest times extrapolated (Richardson). */
  slope: number;
  /** Largest err(t)/(t^p·κ_hi) over the times (> 1: the bound fails even for the largest κ the bracket allows). */
  worstHi: number;
  /** Largest err(t)/(t^p·κ_lo) (how tight against κ's lower bound). */
  worstLo: number;
  /** Largest integration-error estimate over err. */
  integration: number;
}

/**
 * `linearisationError` on the κ sweeps' data (models/kappa_sweep.ts) for a tanh network of the given width,
 * α = width^{-β}, iid w₀ (U ~ N(0, 1/d), v ~ N(0, 1)) drawn from `rng`, compared with t^p·κ_h(w₀).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tanhLinearisationError } from "./lazy_relative_error.ts";
 * import { createRng } from "../numerics/random.ts";
 * const e = tanhLinearisationError(createRng(1), 8, 0.5, { tMax: 0.125, count: 3, steps: 32, power: 2 });
 * assert.ok(e.kappaLo <= e.kappaHi && e.worstLo >= e.worstHi && Math.abs(e.slope - 2) < 0.2);
 * ```
 */
export function tanhLinearisationError(
  rng: Rng,
  width: number,
  beta: number,
  o: { tMax: number; count: number; steps: number; power: number },
): TanhLinearisationError {
  const { xs, y } = kappaSweepData();
  const net = new ScaledTwoLayer(xs, width, width ** -beta, tanh);
  const w0 = iidInit(rng, 3, width);
  const { lower, upper } = kappaBounds(net, w0, y);
  const e = linearisationError(net, w0, y, o.tMax, o.count, o.steps);
  // Local exponents over the two smallest pairs are 2 + a·t + O(t²); halving t halves a·t, so 2s₀₁ − s₁₂ is the
  // t → 0 exponent to O(t²) (Richardson).
  const local = (j: number) => Math.log(e.errors[j + 1] / e.errors[j]) / Math.log(e.times[j + 1] / e.times[j]);
  const slope = 2 * local(0) - local(1);
  const worst = (k: number) => Math.max(...e.errors.map((err, j) => err / (e.times[j] ** o.power * k)));
  return {
    times: e.times,
    errors: e.errors,
    kappaLo: lower,
    kappaHi: upper,
    slope,
    worstHi: worst(upper),
    worstLo: worst(lower),
    integration: Math.max(...e.errors.map((err, j) => e.integrationError[j] / err)),
  };
}
