/**
 * The proofs of Theorems 11.16 and 11.30 write the empirical tangent kernel K̂ₙ(x, z) of a two-layer
 * network as a sum of i.i.d. per-neuron terms plus the c-term:
 * LeCun K̂ = (1 + xᵀz)Σvᵢ²σ′σ′ + Σσσ + 1, NTK K̂ = (1 + xᵀz/d)(1/n)Σvᵢ²σ′σ′ + (1/n)Σσσ + 1.
 * These functions evaluate that decomposition from the network's hidden units.
 *
 * @module
 */
import type { TwoLayerNetwork } from "./two_layer.ts";

/** Per-input arrays of a network draw: σ and σ′ of the hidden pre-activations. */
export interface HiddenUnits {
  /** σ(uᵢᵀx + bᵢ) per neuron. */
  f: Float64Array;
  /** σ′(uᵢᵀx + bᵢ) per neuron. */
  df: Float64Array;
}

/**
 * σ and σ′ of the hidden pre-activations of `net` at `x`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { hiddenUnits } from "./tangent_kernel_decomposition.ts";
 * import { TwoLayerNetwork } from "./two_layer.ts";
 * import { relu } from "./activation.ts";
 * const net = new TwoLayerNetwork({ d: 1, n: 1, parametrisation: "lecun", activation: relu }, [2, 0, 3, 1]);
 * assert.deepEqual([...hiddenUnits(net, [1]).f], [2]);
 * ```
 */
export function hiddenUnits(net: TwoLayerNetwork, x: number[]): HiddenUnits {
  const a = net.preactivation(x), { f, df } = net.activation;
  return { f: a.map(f), df: a.map(df) };
}

/**
 * The proof's decomposition of K̂ₙ(x, z) into per-neuron terms plus the c-term (Theorems 11.16, 11.30),
 * from the hidden units `hx`, `hz` at x and z.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { hiddenUnits, proofDecomposition } from "./tangent_kernel_decomposition.ts";
 * import { TwoLayerNetwork } from "./two_layer.ts";
 * import { relu } from "./activation.ts";
 * const net = new TwoLayerNetwork({ d: 1, n: 1, parametrisation: "lecun", activation: relu }, [2, 0, 3, 1]);
 * const h = hiddenUnits(net, [1]);
 * // (1 + 1)·3²·1·1 + 2·2 + 1 = 23 = ‖∇Φ(1)‖² = 3² + 3² + 2² + 1.
 * assert.equal(proofDecomposition(net, [1], [1], h, h), 23);
 * assert.equal(net.tangentKernel([[1]]).get(0, 0), 23);
 * ```
 */
export function proofDecomposition(
  net: TwoLayerNetwork,
  x: number[],
  z: number[],
  hx: HiddenUnits,
  hz: HiddenUnits,
): number {
  const { n, d } = net;
  const { v } = net.view();
  let xz = 0;
  for (let j = 0; j < d; j++) xz += x[j] * z[j];
  let s1 = 0, s0 = 0;
  // Hot loop: O(n).
  for (let i = 0; i < n; i++) {
    s1 += v[i] * v[i] * hx.df[i] * hz.df[i];
    s0 += hx.f[i] * hz.f[i];
  }
  // LeCun: K̂ = (1 + xᵀz)Σvᵢ²σ′σ′ + Σσσ + 1; NTK: K̂ = (1 + xᵀz/d)(1/n)Σvᵢ²σ′σ′ + (1/n)Σσσ + 1.
  return net.parametrisation === "lecun" ? (1 + xz) * s1 + s0 + 1 : (1 + xz / d) * s1 / n + s0 / n + 1;
}

/** The mean of the per-neuron terms of K̂ₙ(x, z) and its standard error. */
export interface PerNeuronMean {
  /** (1/n)ΣTᵢ. */
  mean: number;
  /** The sample standard deviation of the Tᵢ over √n. */
  standardError: number;
}

/**
 * The per-neuron terms Tᵢ = (1 + xᵀz)vᵢ²σ′σ′ + σσ (LeCun) or (1 + xᵀz/d)vᵢ²σ′σ′ + σσ (NTK), so that
 * s_n K̂ₙ = mean(T) + s_n (s_n = 1/n LeCun, 1 NTK): their mean and the CLT standard error of it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { perNeuronMean } from "./tangent_kernel_decomposition.ts";
 * import { TwoLayerNetwork } from "./two_layer.ts";
 * import { relu } from "./activation.ts";
 * const net = new TwoLayerNetwork({ d: 1, n: 1, parametrisation: "ntk", activation: relu }, [2, 0, 3, 1]);
 * // T = (1 + 1)·3²·1·1 + 2·2 = 22, and K̂ = 22 + 1.
 * assert.deepEqual(perNeuronMean(net, [1], [1]), { mean: 22, standardError: 0 });
 * ```
 */
export function perNeuronMean(net: TwoLayerNetwork, x: number[], z: number[]): PerNeuronMean {
  const lecun = net.parametrisation === "lecun", n = net.n, d = x.length;
  const xz = x.reduce((s, t, j) => s + t * z[j], 0);
  const { v } = net.view(), ax = net.preactivation(x), az = net.preactivation(z), { f, df } = net.activation;
  let s = 0, s2 = 0;
  for (let k = 0; k < n; k++) {
    const t = (lecun ? (1 + xz) * v[k] * v[k] : (1 + xz / d) * v[k] * v[k]) * df(ax[k]) * df(az[k]) +
      f(ax[k]) * f(az[k]);
    s += t;
    s2 += t * t;
  }
  const mean = s / n;
  return { mean, standardError: Math.sqrt(Math.max(0, s2 / n - mean * mean) / n) };
}
