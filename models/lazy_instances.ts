/**
 * The instances of Chizat's lazy-training claims: a tanh network h(w) = (1/√m)Σ vₖ tanh(uₖ·x) on n unit
 * inputs in ℝ³ with an antisymmetric w₀ (h(w₀) = 0) and Gaussian targets y*, redrawn until Dh Dhᵀ(w₀) is
 * well conditioned so that the long horizon 10/λ_min can be integrated; and the joint gradient flow of the
 * scaled model and of its linearisation at w₀ that both claims integrate.
 *
 * @module
 */
import { antisymmetricInit, gram, ScaledTwoLayer } from "./scaled_two_layer.ts";
import { tanh } from "./activation.ts";
import { norm } from "../numerics/compare.ts";
import { symmetricEigen } from "../numerics/linalg.ts";
import { integrate, type OdeSolution } from "../numerics/ode.ts";
import type { Rng } from "../numerics/random.ts";
import type { Scenario } from "../engine/claim.ts";

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
 * The check of the hypothesis h(w₀) = 0 (antisymmetric initialisation): ‖h(w₀)‖ ≤ 10⁻¹⁴, the rounding of a
 * cancelling sum.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { initialOutputVanishes, lazyInstance } from "./lazy_instances.ts";
 * import { createRng } from "../numerics/random.ts";
 * assert.equal(initialOutputVanishes(lazyInstance(createRng(1))).holds, true);
 * assert.equal(initialOutputVanishes(lazyInstance(createRng(1), { antisymmetric: 0 })).holds, false);
 * ```
 */
export function initialOutputVanishes(i: LazyInstance): { holds: boolean; value: string } {
  const h = norm(i.net.outputs(i.w0));
  return { holds: h <= 1e-14, value: `‖h(w₀)‖ = ${h.toExponential(2)}` };
}

/**
 * The check of the hypothesis "Dh(w₀) of full row rank" as the generator meets it: λ_min ≥ CONDITION_FLOOR·λ_max of
 * Dh Dhᵀ(w₀), with both values.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lazyInstance, wellConditioned } from "./lazy_instances.ts";
 * import { createRng } from "../numerics/random.ts";
 * assert.match(wellConditioned(lazyInstance(createRng(1))).value, /^λ_min = .*, λ_max = /);
 * ```
 */
export function wellConditioned(i: LazyInstance): { holds: boolean; value: string } {
  const { lmin, lmax, ok } = conditioning(i.net, i.w0);
  return { holds: ok, value: `λ_min = ${lmin.toExponential(3)}, λ_max = ${lmax.toExponential(3)}` };
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

/**
 * The scenario that breaks h(w₀) = 0 on these instances (`antisymmetric: 0`), the same for both lazy claims.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { H_W0_NONZERO } from "./lazy_instances.ts";
 * assert.deepEqual(H_W0_NONZERO.params, { antisymmetric: 0 });
 * ```
 */
export const H_W0_NONZERO: Scenario = {
  name: "h-w0-nonzero",
  breaks: "$h(w_0) = 0$: the paired neurons copy the output weight instead of negating it",
  params: { antisymmetric: 0 },
  // About 0.3 s of CPU per instance: 8 sampled, 8 searched, 8 shrinking keep explore under 10 s.
  instances: 8,
  searchRuns: 8,
  shrinkRuns: 8,
};

/**
 * Tolerances of the joint flow, 100× below the integrator's default: the gaps sup‖w_α − w̄_α‖ fall to ~1e-7 at
 * α = 64 (relative to ‖w‖ ~ 1), and the default's global error on w, magnified by α‖Dh‖, reached them over the
 * long horizon (non-monotone gaps on seed 26 of a sweep).
 */
export const LAZY_FLOW_TOLERANCES = { maxSteps: 50_000, rtol: 1e-12, atol: 1e-14 };

/**
 * The gradient flows of R(α·)/α² from w₀ for the model and for its linearisation at w₀, integrated together
 * as one state (w, w̄) ∈ ℝ²ᵖ and returned at `times`: ẇ = −(1/α)Dh(w)ᵀ(αh(w) − y*) and
 * w̄̇ = −(1/α)j0ᵀ(αh̄(w̄) − y*) with h̄(w̄) = j0(w̄ − w₀) (h(w₀) = 0), where j0 = Dh(w₀) (its rows) as the caller
 * computed it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lazyFlowPair, lazyInstance } from "./lazy_instances.ts";
 * import { createRng } from "../numerics/random.ts";
 * const { net, w0, target } = lazyInstance(createRng(1), { n: 2, half: 3 });
 * const sol = lazyFlowPair(net, w0, target, net.jacobian(w0), 64, [0.5]);
 * const p = w0.length, s = sol.states[0];
 * assert.equal(s.length, 2 * p);
 * let gap = 0;
 * for (let q = 0; q < p; q++) gap = Math.max(gap, Math.abs(s[q] - s[p + q]));
 * assert.ok(gap > 0 && gap < 1e-3); // at large α the model moves like its linearisation
 * ```
 */
export function lazyFlowPair(
  net: ScaledTwoLayer,
  w0: Float64Array,
  target: Float64Array,
  j0: Float64Array[],
  alpha: number,
  times: number[],
): OdeSolution {
  const p = w0.length;
  return integrate(
    (_t, s) => {
      const w = s.subarray(0, p), wb = s.subarray(p), out = new Float64Array(2 * p);
      // out[q] −= Dh(w)[a][q]·(αh(w)ₐ − y*ₐ)/α, the outputs and the Jacobian fused (to the bit; without their arrays,
      // which cost chizat-lazy-movement more than the arithmetic at every stage of the integrator).
      net.subtractResidualGradient(w, alpha, target, out);
      j0.forEach((row, a) => {
        let hb = 0;
        for (let q = 0; q < p; q++) hb += row[q] * (wb[q] - w0[q]);
        const r = (alpha * hb - target[a]) / alpha;
        for (let q = 0; q < p; q++) out[p + q] -= row[q] * r;
      });
      return out;
    },
    0,
    Float64Array.from({ length: 2 * p }, (_, q) => w0[q % p]),
    times,
    LAZY_FLOW_TOLERANCES,
  );
}
