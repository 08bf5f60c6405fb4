/**
 * D(0,1) variants drawn through the stream's continuous draws, so that a corrupted stream (NaN or
 * ±∞ in `uniform`) corrupts them too and can never pass a check silently.
 *
 * @module
 */
import type { Distribution } from "./random.ts";

/**
 * Rademacher ±1 as u/|u| with u uniform on (−1, 1): the same law as `rademacher` of ./random.ts
 * (μ₄ = 1), but a NaN or ±∞ from `rng.uniform` propagates as NaN. (u = 0 exactly has probability
 * about 2⁻⁵³ per draw.)
 *
 * @example
 * ```ts
 * import { rademacherFromUniform } from "./distributions.ts";
 * import { createRng } from "./random.ts";
 * console.assert(Math.abs(rademacherFromUniform.sample(createRng(1))) === 1);
 * ```
 */
export const rademacherFromUniform: Distribution = {
  name: "rademacher",
  sample(rng) {
    const u = rng.uniform(-1, 1);
    return u / Math.abs(u);
  },
  mean: 0,
  variance: 1,
  fourthMoment: 1,
};
