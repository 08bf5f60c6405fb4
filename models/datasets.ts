/**
 * Instance data sets several claims draw from. Each function draws in a fixed order from the stream it
 * is given, so an instance depends only on its seed.
 *
 * @module
 */
import { norm } from "../numerics/compare.ts";
import type { Rng } from "../numerics/random.ts";

/**
 * `n` points uniform on the unit sphere of ℝᵈ (normalised Gaussians; each point draws d normals).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sphereInputs } from "./datasets.ts";
 * import { createRng } from "../numerics/random.ts";
 * const xs = sphereInputs(createRng(1), 3, 4);
 * assert.equal(xs.length, 3);
 * for (const x of xs) assert.ok(Math.abs(Math.hypot(...x) - 1) < 1e-15);
 * ```
 */
export function sphereInputs(rng: Rng, n: number, d: number): Float64Array[] {
  return Array.from({ length: n }, () => {
    const x = Float64Array.from({ length: d }, () => rng.normal());
    const r = norm(x);
    return x.map((v) => v / r);
  });
}
