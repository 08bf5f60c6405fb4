/**
 * The empirical tangent kernel of a two-layer network beside its width limit, as plain arrays: the
 * one-call entry point of `mod.ts` (Theorems 11.16 and 11.30).
 *
 * @module
 */
import { createRng } from "../numerics/random.ts";
import { type KernelSpec, limitKernel } from "./ntk_kernels.ts";
import { TwoLayerNetwork } from "./two_layer.ts";

/** The empirical kernel matrix at one width, the limit kernel matrix, and their gap. */
export interface TangentKernelComparison {
  /** Width n. */
  width: number;
  /** Empirical kernel on the points, scaled as the limit is: (1/n)K̂ₙ for LeCun (11.5.1), K̂ₙ for NTK (11.6.1). */
  empirical: number[][];
  /** The limit kernel K^LC or K^NTK on the points. */
  limit: number[][];
  /** Largest error bound of the limit entries (quadrature estimate; 0 for closed forms and exact sums). */
  limitError: number;
  /** max |empirical − limit| over the entries. */
  gap: number;
}

/**
 * Initialises a two-layer network of width `width` (seeded) and returns its empirical tangent kernel
 * on `points` beside the analytic limit the text gives.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compareTangentKernel } from "./tangent_kernel_api.ts";
 * import { relu } from "./activation.ts";
 * import { gaussian } from "../numerics/random.ts";
 * const spec = { parametrisation: "lecun" as const, activation: relu, distribution: gaussian };
 * const small = compareTangentKernel([[1, 0], [0.6, 0.8]], spec, 64, 1);
 * const wide = compareTangentKernel([[1, 0], [0.6, 0.8]], spec, 65536, 1);
 * assert.ok(wide.gap < small.gap);
 * ```
 */
export function compareTangentKernel(
  points: number[][],
  spec: KernelSpec,
  width: number,
  seed: number | string,
): TangentKernelComparison {
  const d = points[0]?.length ?? 0;
  const net = TwoLayerNetwork.initialise(
    createRng(`tangent-kernel/${seed}`),
    { d, n: width, parametrisation: spec.parametrisation, activation: spec.activation },
    { distribution: spec.distribution, weightVariance: spec.weightVariance, biasVariance: spec.biasVariance },
  );
  const scale = spec.parametrisation === "lecun" ? 1 / width : 1;
  const empirical = net.tangentKernel(points).to2DArray().map((row) => row.map((v) => v * scale));
  let limitError = 0, gap = 0;
  const limit = points.map((x, i) =>
    points.map((z, j) => {
      const k = limitKernel(x, z, spec);
      limitError = Math.max(limitError, k.error);
      gap = Math.max(gap, Math.abs(empirical[i][j] - k.value));
      return k.value;
    })
  );
  return { width, empirical, limit, limitError, gap };
}
