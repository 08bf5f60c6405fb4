/**
 * D(0,1) variants drawn through the stream's continuous draws, so that a corrupted stream (NaN or
 * ±∞ in `uniform`) corrupts them too and can never pass a check silently; and two laws that break
 * Assumption 11.14 (variance one; moments up to order eight), for hypothesis-breaking scenarios;
 * and `oncePerLaw`, which computes what a claim needs of each law (limit kernels, moments) once.
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
 * import assert from "node:assert/strict";
 * import { rademacherFromUniform } from "./distributions.ts";
 * import { createRng } from "./random.ts";
 * assert.equal(Math.abs(rademacherFromUniform.sample(createRng(1))), 1);
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

/**
 * N(0, 2): mean zero but variance 2, so not a D(0,1) (breaks Assumption 11.14's variance one); μ₄ = 3·2² = 12.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gaussianVariance2 } from "./distributions.ts";
 * import { createRng } from "./random.ts";
 * assert.ok(gaussianVariance2.variance === 2 && Number.isFinite(gaussianVariance2.sample(createRng(1))));
 * ```
 */
export const gaussianVariance2: Distribution = {
  name: "gaussian-variance-2",
  sample: (rng) => Math.SQRT2 * rng.normal(),
  mean: 0,
  variance: 2,
  fourthMoment: 12,
};

/**
 * Student's t with 5 degrees of freedom scaled to variance 1: X = Z·√3/√χ²₅ (t₅ has variance 5/3).
 * Mean 0, variance 1, μ₄ = 3(ν−2)/(ν−4) = 9, but E|X|ᵖ = ∞ for p ≥ 5: no eighth moment, so it breaks
 * Assumption 11.14 while keeping what Lemma 11.20's proof uses.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { studentT5 } from "./distributions.ts";
 * import { createRng } from "./random.ts";
 * assert.ok(studentT5.fourthMoment === 9 && Number.isFinite(studentT5.sample(createRng(1))));
 * ```
 */
export const studentT5: Distribution = {
  name: "student-t5",
  sample(rng) {
    const z = rng.normal();
    let chi2 = 0;
    for (let k = 0; k < 5; k++) chi2 += rng.normal() ** 2;
    return z * Math.sqrt(3 / chi2);
  },
  mean: 0,
  variance: 1,
  fourthMoment: 9,
  finiteMoments: 4,
};

/**
 * `compute` memoised by the law's name: the first call for a law computes, later ones return that value.
 * Its other arguments are not part of the key, so each must be fixed by the law (e.g. the activation
 * paired with it).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { oncePerLaw } from "./distributions.ts";
 * import { gaussian } from "./random.ts";
 * let calls = 0;
 * const variance = oncePerLaw((dist) => (calls++, dist.variance));
 * assert.equal(variance(gaussian), 1);
 * assert.equal(variance(gaussian), 1);
 * assert.equal(calls, 1);
 * ```
 */
export function oncePerLaw<A extends unknown[], T>(
  compute: (dist: Distribution, ...rest: A) => T,
): (dist: Distribution, ...rest: A) => T {
  const byName = new Map<string, T>();
  return (dist, ...rest) => {
    if (!byName.has(dist.name)) byName.set(dist.name, compute(dist, ...rest));
    return byName.get(dist.name)!;
  };
}
