/**
 * Exact rational arithmetic on BigInt, enough to evaluate polynomials with integer coefficients at
 * float64 points without rounding: every finite double is a dyadic rational p/2^k.
 *
 * @module
 */

/** A rational number num/den with den > 0 (not necessarily reduced). */
export interface Rational {
  /** Numerator. */
  num: bigint;
  /** Denominator, positive. */
  den: bigint;
}

/**
 * A finite double written exactly as p/2^k (k ≥ 0 smallest): doubling is exact in float64, so
 * the loop stops at the exact binary exponent (at most 1074 doublings).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { dyadic } from "./rational.ts";
 * const { num, shift } = dyadic(0.375);
 * assert.ok(num === 3n && shift === 3);
 * ```
 */
export function dyadic(x: number): { num: bigint; shift: number } {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite double: ${x}`);
  let shift = 0, v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    shift++;
  }
  return { num: BigInt(v), shift };
}

/**
 * Doubles written over one common denominator 2^shift: x[i] = nums[i]/2^shift exactly.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { commonDyadic } from "./rational.ts";
 * const { nums, shift } = commonDyadic([0.5, 0.25, 3]);
 * assert.ok(shift === 2 && nums.join() === "2,1,12");
 * ```
 */
export function commonDyadic(x: ArrayLike<number>): { nums: bigint[]; shift: number } {
  const parts = Array.from(x, dyadic);
  const shift = Math.max(0, ...parts.map((p) => p.shift));
  return { nums: parts.map((p) => p.num << BigInt(shift - p.shift)), shift };
}

/**
 * a ≥ b exactly.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ratAtLeast } from "./rational.ts";
 * assert.ok(ratAtLeast({ num: 1n, den: 3n }, { num: 33n, den: 100n }));
 * ```
 */
export function ratAtLeast(a: Rational, b: Rational): boolean {
  return a.num * b.den >= b.num * a.den;
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/**
 * The double nearest-ish to num/den (relative error below 2^-52, as the quotient is taken to
 * 64 significant bits first); for display and plots only, never for verdicts.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ratToNumber } from "./rational.ts";
 * assert.ok(Math.abs(ratToNumber({ num: 1n, den: 3n }) - 1 / 3) < 1e-16);
 * assert.equal(ratToNumber({ num: 1n, den: 1n << 2000n }), 0);
 * ```
 */
export function ratToNumber(r: Rational): number {
  if (r.num === 0n) return 0;
  const sign = r.num < 0n ? -1 : 1;
  const num = r.num < 0n ? -r.num : r.num;
  const s = 64 + bitLength(r.den) - bitLength(num);
  const q = s >= 0 ? (num << BigInt(s)) / r.den : num / (r.den << BigInt(-s));
  // Scale back in two steps so that 2^-s does not underflow before the product does.
  const half = Math.trunc(s / 2);
  return sign * Number(q) * 2 ** -half * 2 ** -(s - half);
}
