/**
 * A task module for `parallel.ts`: the empirical tangent kernel matrix of a LeCun two-layer ReLU
 * network (11.5.1) at a Gaussian initialisation (11.5.3) drawn from a seed, on Gaussian inputs drawn
 * from the same seed. Used by the parallel-determinism test and the sweep benchmark.
 *
 * @module
 */
import { createRng } from "./random.ts";
import { ntkGramRelu } from "./two_layer_kernels.ts";

/** One point of a width sweep. */
export interface NtkGramInput {
  /** Seed of the draw (inputs first, then U row-major, then v). */
  seed: string;
  /** Number of inputs. */
  m: number;
  /** Input dimension. */
  d: number;
  /** Width. */
  n: number;
}

/**
 * K̂ (m×m row-major) for the network drawn from `input.seed`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import ntkGramTask from "./ntk_gram_task.ts";
 * const K = ntkGramTask({ seed: "s", m: 3, d: 2, n: 64 });
 * assert.ok(K.length === 9 && K[1] === K[3]);
 * ```
 */
export default function ntkGramTask(input: NtkGramInput): Float64Array {
  const { m, d, n } = input;
  const rng = createRng(input.seed);
  const X = Float64Array.from({ length: m * d }, () => rng.normal());
  const U = Float64Array.from({ length: n * d }, () => rng.normal() / Math.sqrt(d));
  const v = Float64Array.from({ length: n }, () => rng.normal() / Math.sqrt(n));
  return ntkGramRelu(X, U, new Float64Array(n), v, m, d, n);
}
