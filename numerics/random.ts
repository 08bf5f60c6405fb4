/**
 * Seeded random streams and the distributions D(0,1) the sources use (Example 11.15 of Chapter 11:
 * zero mean, unit variance). Every random number in the project comes from here.
 *
 * @module
 */
import seedrandom from "npm:seedrandom@3.0.5";

/** A seeded stream of uniform doubles in [0, 1), with helpers for common draws. */
export interface Rng {
  /** A uniform double in [0, 1). */
  double(): number;
  /** A standard Gaussian draw (Box–Muller on two uniforms). */
  normal(): number;
  /** A uniform draw in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** A uniform integer in [lo, hi] (both ends included). */
  int(lo: number, hi: number): number;
}

/**
 * A seeded random stream (seedrandom's Alea generator).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng } from "./random.ts";
 * const a = createRng("claim/3"), b = createRng("claim/3");
 * assert.equal(a.double(), b.double());
 * ```
 */
export function createRng(seed: string | number): Rng {
  const alea = seedrandom.alea(String(seed));
  let spare: number | null = null;
  const rng: Rng = {
    double: () => alea.double(),
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      // Box–Muller: u1 in (0, 1] so that log(u1) is finite.
      const u1 = 1 - alea.double();
      const u2 = alea.double();
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(2 * Math.PI * u2);
      return r * Math.cos(2 * Math.PI * u2);
    },
    uniform: (lo, hi) => lo + (hi - lo) * alea.double(),
    int: (lo, hi) => lo + Math.floor(alea.double() * (hi - lo + 1)),
  };
  return rng;
}

/**
 * A faster seeded stream for wide draws (10⁵–10⁷ Gaussians per instance, e.g. the initial weights of a network at a
 * printed width): xoshiro128** (Blackman and Vigna) on 32-bit integers, seeded through splitmix32 from one
 * number (drawn from a claim's `Rng`, so the stream is still fixed by the master seed); doubles with 53 random
 * bits, Gaussians by Marsaglia's polar method using both outputs (no sin or cos: about 2 times faster per
 * Gaussian than `createRng`'s Box–Muller, measured 45 against 68 ns).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createFastRng } from "./random.ts";
 * const a = createFastRng(0.25), b = createFastRng(0.25);
 * assert.equal(a.normal(), b.normal());
 * assert.notEqual(createFastRng(0.5).double(), createFastRng(0.25).double());
 * ```
 */
export function createFastRng(seed: number): Rng {
  // splitmix32 from the seed's bits (both 32-bit halves of the double), four words of state, never all zero.
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, seed);
  let m = (view.getUint32(0) ^ Math.imul(view.getUint32(4), 0x9e3779b9)) >>> 0;
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    m = (m + 0x9e3779b9) >>> 0;
    let z = m;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    s[i] = (z ^ (z >>> 16)) >>> 0;
  }
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  const next = xoshiro128ss(s);
  // 53 random bits: 27 from one word, 26 from the next.
  const double = () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
  let spare = 0, hasSpare = false;
  return {
    double,
    normal() {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      // Marsaglia's polar method: a uniform point of the unit disc (accepted with probability π/4), no sin or cos.
      let u = 0, v = 0, q = 0;
      do {
        u = 2 * double() - 1;
        v = 2 * double() - 1;
        q = u * u + v * v;
      } while (q >= 1 || q === 0);
      const f = Math.sqrt(-2 * Math.log(q) / q);
      spare = v * f;
      hasSpare = true;
      return u * f;
    },
    uniform: (lo, hi) => lo + (hi - lo) * double(),
    int: (lo, hi) => lo + Math.floor(double() * (hi - lo + 1)),
  };
}

/**
 * xoshiro128** on the 32-bit state `s` (updated in place): the next output, an unsigned 32-bit integer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { xoshiro128ss } from "./random.ts";
 * const next = xoshiro128ss(Uint32Array.of(1, 2, 3, 4));
 * assert.deepEqual([next(), next(), next()], [11520, 0, 5927040]); // the reference implementation's
 * ```
 */
export function xoshiro128ss(s: Uint32Array): () => number {
  return () => {
    const r = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return r;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * The seed of one instance of one claim under a master seed: replaying (master, id, index)
 * regenerates the instance exactly.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { instanceSeed } from "./random.ts";
 * assert.equal(instanceSeed(1, "lemma-10.2", 7), "1/lemma-10.2/7");
 * ```
 */
export function instanceSeed(master: number, id: string, index: number): string {
  return `${master}/${id}/${index}`;
}

/**
 * A distribution D(0,1) of Example 11.15: zero mean, unit variance, with its fourth moment. (The last
 * two names are laws that break Assumption 11.14, for hypothesis-breaking scenarios; ./distributions.ts.)
 */
export interface Distribution {
  /** Short name used in reports and flags. */
  readonly name: "gaussian" | "uniform" | "rademacher" | "gaussian-variance-2" | "student-t5";
  /** One draw. */
  sample(rng: Rng): number;
  /** E[X] (zero for every D(0,1)). */
  readonly mean: number;
  /** E[X²] (one for every D(0,1)). */
  readonly variance: number;
  /** μ₄ = E[X⁴], used by Lemma 11.20. */
  readonly fourthMoment: number;
  /** The largest integer p with E|X|ᵖ < ∞; absent when every moment is finite. */
  readonly finiteMoments?: number;
}

/**
 * Standard Gaussian N(0, 1): μ₄ = 3.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng, gaussian } from "./random.ts";
 * assert.ok(Number.isFinite(gaussian.sample(createRng(1))));
 * ```
 */
export const gaussian: Distribution = {
  name: "gaussian",
  sample: (rng) => rng.normal(),
  mean: 0,
  variance: 1,
  fourthMoment: 3,
};

/**
 * Uniform on [−√3, √3]: variance 1, μ₄ = 9/5.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng, uniformSqrt3 } from "./random.ts";
 * assert.ok(Math.abs(uniformSqrt3.sample(createRng(1))) <= Math.sqrt(3));
 * ```
 */
export const uniformSqrt3: Distribution = {
  name: "uniform",
  sample: (rng) => rng.uniform(-Math.sqrt(3), Math.sqrt(3)),
  mean: 0,
  variance: 1,
  fourthMoment: 9 / 5,
};

/**
 * Rademacher: ±1 with probability 1/2 each; μ₄ = 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng, rademacher } from "./random.ts";
 * assert.equal(Math.abs(rademacher.sample(createRng(1))), 1);
 * ```
 */
export const rademacher: Distribution = {
  name: "rademacher",
  sample: (rng) => (rng.double() < 0.5 ? -1 : 1),
  mean: 0,
  variance: 1,
  fourthMoment: 1,
};

/** The three D(0,1) of Example 11.15, by name. */
export const distributions: Readonly<Record<"gaussian" | "uniform" | "rademacher", Distribution>> = {
  gaussian,
  uniform: uniformSqrt3,
  rademacher,
};

/**
 * An array of `length` iid draws from `dist`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createRng, gaussian, sampleVector } from "./random.ts";
 * assert.equal(sampleVector(createRng(2), gaussian, 5).length, 5);
 * ```
 */
export function sampleVector(rng: Rng, dist: Distribution, length: number): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = dist.sample(rng);
  return out;
}
