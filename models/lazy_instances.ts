/**
 * The instances of Chizat's lazy-training claims: a tanh network h(w) = (1/√m)Σ vₖ tanh(uₖ·x) on n unit
 * inputs in ℝ³ with an antisymmetric w₀ (h(w₀) = 0) and Gaussian targets y*, redrawn until Dh Dhᵀ(w₀) is
 * well conditioned so that the long horizon 10/λ_min can be integrated.
 *
 * @module
 */
import { antisymmetricInit, gram, ScaledTwoLayer } from "./scaled_two_layer.ts";
import { tanh } from "./activation.ts";
import { norm } from "../numerics/compare.ts";
import { symmetricEigen } from "../numerics/linalg.ts";
import type { Rng } from "../numerics/random.ts";

/** Smallest λ_min/λ_max of Dh Dhᵀ(w₀) for which the long horizon 10/λ_min is integrated. */
export const CONDITION_FLOOR = 1e-2;
/** Draws of (data, w₀) the generator makes at most to meet the conditioning floor. */
const MAX_DRAWS = 20;

/** A lazy-training instance. */
export interface LazyInstance {
  /** The model (its own width scaling 1/√m is part of h). */
  net: ScaledTwoLayer;
  /** w₀ (antisymmetric: h(w₀) = 0). */
  w0: Float64Array;
  /** y* of R(y) = ½‖y − y*‖². */
  target: Float64Array;
}

/** The extreme eigenvalues of Dh Dhᵀ(w₀) and whether λ_min ≥ CONDITION_FLOOR·λ_max. */
export function conditioning(net: ScaledTwoLayer, w0: Float64Array): { lmin: number; lmax: number; ok: boolean } {
  const v = symmetricEigen(gram(net.jacobian(w0))).values;
  const lmin = v[v.length - 1], lmax = v[0];
  return { lmin, lmax, ok: lmin >= CONDITION_FLOOR * lmax };
}

/**
 * Draws an instance: n ∈ {2, 3} and m = 2·half, half ∈ [3, 8] (overridden by `params.n`, `params.half` after
 * the draw); (data, w₀) redrawn until well conditioned, at most MAX_DRAWS times (the hypothesis is still
 * checked); `params.antisymmetric = 0` gives the paired output weights the same sign, so h(w₀) ≠ 0 (same draws).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lazyInstance } from "./lazy_instances.ts";
 * import { createRng } from "../numerics/random.ts";
 * const i = lazyInstance(createRng(1), { n: 2, half: 3 });
 * assert.ok(i.net.outputs(i.w0).every((h) => Math.abs(h) <= 1e-14)); // h(w₀) = 0
 * ```
 */
export function lazyInstance(rng: Rng, params: Readonly<Record<string, number>> = {}): LazyInstance {
  const drawnN = rng.int(2, 3), drawnHalf = rng.int(3, 8);
  const n = params.n ?? drawnN, d = 3, width = 2 * (params.half ?? drawnHalf);
  let net: ScaledTwoLayer, w0: Float64Array, draws = 0;
  do {
    const xs = Array.from({ length: n }, () => {
      const x = Float64Array.from({ length: d }, () => rng.normal());
      const r = norm(x);
      return x.map((v) => v / r);
    });
    net = new ScaledTwoLayer(xs, width, 1 / Math.sqrt(width), tanh);
    w0 = antisymmetricInit(rng, d, width);
  } while (++draws < MAX_DRAWS && !conditioning(net, w0).ok);
  if (params.antisymmetric === 0) {
    for (let k = width / 2; k < width; k++) w0[width * d + k] = -w0[width * d + k];
  }
  return { net, w0, target: Float64Array.from({ length: n }, () => rng.normal()) };
}
