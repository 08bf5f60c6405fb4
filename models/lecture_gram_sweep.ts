/**
 * The width sweep on which Lecture 13's (002, arXiv:2106.06682) discrete NTK matrices K̂^(a) and K̂^(w) are
 * compared with their limits (`yang-gram`, `yang-gram-w`): n inputs in ℝᵈ (uniform directions, each coordinate
 * then scaled by its own factor in [0.5, 2]), a width N from a fixed ladder, and the explore knobs that set them (including the
 * origin as first input, which breaks xᵢ ≠ 0).
 *
 * @module
 */
import type { ParameterSpec } from "../engine/claim.ts";
import { sphereInputs } from "./datasets.ts";
import type { Rng } from "../numerics/random.ts";

/** The widths N of the sweep (instance index mod 5). */
export const GRAM_WIDTHS: readonly number[] = [16, 64, 256, 1024, 4096];

/** Independent draws of θ⁰ per instance. */
export const GRAM_INITIALISATIONS = 8;

/**
 * n inputs in ℝᵈ: uniform directions on the sphere, each coordinate scaled by its own factor drawn in [0.5, 2]; with
 * `zeroInput` the first is the origin, after the same draws (so the rest of the instance is unchanged).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gramInputs } from "./lecture_gram_sweep.ts";
 * import { createRng } from "../numerics/random.ts";
 * const xs = gramInputs(createRng(1), 3, 2, false);
 * assert.equal(xs.length, 3);
 * assert.ok(xs.every((x) => x.length === 2 && Math.hypot(...x) >= 0.5 && Math.hypot(...x) <= 2));
 * assert.deepEqual([...gramInputs(createRng(1), 3, 2, true)[0]], [0, 0]);
 * ```
 */
export function gramInputs(rng: Rng, n: number, d: number, zeroInput: boolean): Float64Array[] {
  const xs = sphereInputs(rng, n, d).map((x) => x.map((v) => v * rng.uniform(0.5, 2)));
  if (zeroInput) xs[0].fill(0);
  return xs;
}

/** The explore knobs of the sweep: sample size, dimension, width, and the origin as first input. */
export const GRAM_PARAMETERS: Record<string, ParameterSpec> = {
  n: { type: "integer", min: 1, max: 6, help: "sample size" },
  d: { type: "integer", min: 1, max: 4, help: "input dimension" },
  width: { type: "integer", min: 1, max: 4096, help: "width N" },
  zeroInput: { type: "integer", min: 0, max: 1, help: "1: the first input is the origin" },
};
