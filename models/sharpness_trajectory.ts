/**
 * Full-batch gradient descent on a two-layer tanh network with the sharpness (top Hessian eigenvalue, by
 * warm-started Lanczos on Hessian-vector products) measured along the way: the run behind the edge of
 * stability (eos-10.3).
 *
 * @module
 */
import { num } from "../engine/words.ts";
import type { RegressionData, TwoLayerTanh } from "./two_layer_tanh.ts";
import { lanczosTop } from "../numerics/lanczos.ts";

/** Hessian-vector product of the loss at θ (the quantity under test; a wrong one must be caught). */
export type HessianVector = (
  net: TwoLayerTanh,
  theta: Float64Array,
  data: RegressionData,
  delta: Float64Array,
  out: Float64Array,
) => void;

/** What a run starts from: the network, its data, θ₀, the step η, the number of steps and the Lanczos start. */
export interface SharpnessRun {
  /** The network. */
  net: TwoLayerTanh;
  /** The data. */
  data: RegressionData;
  /** θ₀. */
  theta0: Float64Array;
  /** Step size η. */
  eta: number;
  /** GD steps. */
  steps: number;
  /** Lanczos start vector. */
  start: Float64Array;
}

/** The GD run with its sharpness and loss records. */
export interface Trajectory {
  /** Steps at which sharpness was measured. */
  sharpSteps: number[];
  /** Sharpness (top Hessian eigenvalue) at those steps. */
  sharpness: number[];
  /** Largest relative Lanczos residual ‖Hv − βv‖/β over the run. */
  maxRelResidual: number;
  /** Loss at every step. */
  losses: number[];
}

/**
 * Full-batch GD from θ₀, measuring the sharpness every `every` steps by `lanczosSteps`-step Lanczos, each
 * warm-started from the previous Ritz vector; throws when GD diverges (a non-finite parameter).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainWithSharpness } from "./sharpness_trajectory.ts";
 * import { TwoLayerTanh } from "./two_layer_tanh.ts";
 * const net = new TwoLayerTanh(2, 1), data = { d: 1, x: Float64Array.of(1, -1), y: Float64Array.of(0.5, 0) };
 * const run = { net, data, theta0: Float64Array.of(0.3, -0.2, 0, 0, 0.5, 0.1, 0), eta: 0.1, steps: 10, start: new Float64Array(7).fill(1) };
 * const tr = trainWithSharpness(run, (n, t, d, a, o) => n.hessianVector(t, d, a, o), 5, 7);
 * assert.deepEqual(tr.sharpSteps, [0, 5, 10]);
 * assert.ok(tr.losses.length === 11 && tr.losses[10] < tr.losses[0]);
 * ```
 */
export function trainWithSharpness(
  i: SharpnessRun,
  hvp: HessianVector,
  every: number,
  lanczosSteps: number,
): Trajectory {
  const { net, data, eta, steps } = i, P = net.parameterCount;
  const theta = Float64Array.from(i.theta0), g = new Float64Array(P);
  let v: Float64Array = Float64Array.from(i.start);
  const sharpSteps: number[] = [], sharpness: number[] = [], losses: number[] = [];
  let maxRelResidual = 0;
  for (let s = 0; s <= steps; s++) {
    losses.push(net.gradient(theta, data, g));
    if (s % every === 0) {
      const top = lanczosTop((a, o) => hvp(net, theta, data, a, o), v, lanczosSteps);
      v = top.vector;
      sharpSteps.push(s);
      sharpness.push(top.value);
      maxRelResidual = Math.max(maxRelResidual, top.residual / Math.abs(top.value));
    }
    if (s < steps) { for (let q = 0; q < P; q++) theta[q] -= eta * g[q]; }
    if (!Number.isFinite(theta[0])) {
      const k = losses.findLastIndex(Number.isFinite);
      const rise = `the loss rose from ${num(losses[0])} to ${num(losses[k])} by step ${k}`;
      throw new Error(`GD diverged at step ${s}: ${rise}${k < s ? ", then overflowed" : ""}`);
    }
  }
  return { sharpSteps, sharpness, maxRelResidual, losses };
}
