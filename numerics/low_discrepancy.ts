/**
 * Randomised quasi-Monte-Carlo points: the Halton sequence with a random (Cranley–Patterson) shift,
 * mapped to Gaussians by the normal quantile. Its prefixes form one sequence w₁, w₂, … whose empirical
 * measures converge to the target, with fluctuations well below iid sampling.
 *
 * @module
 */
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import type { Rng } from "./random.ts";

/** The first primes: Halton bases for up to 10 dimensions. */
const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29];

/**
 * The radical inverse of i in base b (the van der Corput sequence): digits of i mirrored after the point.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { radicalInverse } from "./low_discrepancy.ts";
 * assert.ok(radicalInverse(1, 2) === 0.5 && radicalInverse(3, 2) === 0.75 && radicalInverse(1, 3) === 1 / 3);
 * ```
 */
export function radicalInverse(i: number, base: number): number {
  let f = 1, r = 0;
  while (i > 0) {
    f /= base;
    r += f * (i % base);
    i = Math.floor(i / base);
  }
  return r;
}

/** A randomly shifted Halton sequence in [0, 1)^dim, mapped to N(0, scale²I). */
export class ShiftedHaltonGaussian {
  /** Dimension. */
  readonly dim: number;
  /** Standard deviation of every coordinate. */
  readonly scale: number;
  /** The random shift, one uniform per coordinate. */
  readonly shift: Float64Array;

  /**
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { ShiftedHaltonGaussian } from "./low_discrepancy.ts";
   * import { createRng } from "./random.ts";
   * const seq = new ShiftedHaltonGaussian(createRng(1), 4, 0.5);
   * assert.equal(seq.points(8).length, 32);
   * ```
   */
  constructor(rng: Rng, dim: number, scale = 1) {
    if (dim > PRIMES.length) throw new RangeError(`at most ${PRIMES.length} dimensions`);
    this.dim = dim;
    this.scale = scale;
    this.shift = Float64Array.from({ length: dim }, () => rng.uniform(0, 1));
  }

  /** The first `count` points (row-major count × dim): prefixes of one sequence. */
  points(count: number): Float64Array {
    const out = new Float64Array(count * this.dim);
    for (let i = 0; i < count; i++) {
      for (let k = 0; k < this.dim; k++) {
        const u = (radicalInverse(i + 1, PRIMES[k]) + this.shift[k]) % 1;
        // u = 0 (probability 0) would map to −∞: nudge it inside (0, 1), to ε (Φ⁻¹(ε) ≈ −8.1). The
        // smallest positive double would not do: the quantile returns −∞ below about 1e−300.
        out[i * this.dim + k] = this.scale * normalQuantile(u > 0 ? u : Number.EPSILON, 0, 1);
      }
    }
    return out;
  }
}
