/**
 * Exact dyadic rationals m·2^e (m a BigInt): every finite double is one, and sums, differences and
 * products of dyadics are dyadic, so polynomials (and piecewise polynomials) of float64 data evaluate
 * without rounding.
 *
 * @module
 */
import { dyadic } from "./rational.ts";

/**
 * The exact value m·2^e.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Dyadic } from "./dyadic.ts";
 * const x = Dyadic.of(0.1), y = Dyadic.of(0.2);
 * assert.equal(x.add(y).equals(Dyadic.of(0.1 + 0.2)), false); // 0.1 + 0.2 rounds in float64
 * assert.equal(x.mul(Dyadic.of(4)).equals(Dyadic.of(0.4)), true); // scaling by 4 is exact
 * ```
 */
export class Dyadic {
  private constructor(readonly m: bigint, readonly e: number) {}
  /** The exact value of a finite double. */
  static of(x: number): Dyadic {
    const { num, shift } = dyadic(x);
    return new Dyadic(num, -shift);
  }
  /** 0. */
  static readonly zero: Dyadic = new Dyadic(0n, 0);
  /** 2^k. */
  static pow2(k: number): Dyadic {
    return new Dyadic(1n, k);
  }
  private aligned(o: Dyadic): [bigint, bigint, number] {
    const e = Math.min(this.e, o.e);
    return [this.m << BigInt(this.e - e), o.m << BigInt(o.e - e), e];
  }
  /** this + o. */
  add(o: Dyadic): Dyadic {
    const [a, b, e] = this.aligned(o);
    return new Dyadic(a + b, e);
  }
  /** this − o. */
  sub(o: Dyadic): Dyadic {
    const [a, b, e] = this.aligned(o);
    return new Dyadic(a - b, e);
  }
  /** this · o. */
  mul(o: Dyadic): Dyadic {
    return new Dyadic(this.m * o.m, this.e + o.e);
  }
  /** −1, 0 or 1. */
  sign(): number {
    return this.m > 0n ? 1 : this.m < 0n ? -1 : 0;
  }
  /** Exact equality. */
  equals(o: Dyadic): boolean {
    const [a, b] = this.aligned(o);
    return a === b;
  }
  /** The nearest double (for display only). */
  toNumber(): number {
    const bits = this.m === 0n ? 0 : (this.m < 0n ? -this.m : this.m).toString(2).length;
    const drop = Math.max(0, bits - 60);
    return Number(this.m >> BigInt(drop)) * 2 ** (this.e + drop);
  }
}

/**
 * Σ of dyadics, exactly.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Dyadic, dyadicSum } from "./dyadic.ts";
 * assert.equal(dyadicSum([Dyadic.of(0.5), Dyadic.of(0.25)]).toNumber(), 0.75);
 * ```
 */
export function dyadicSum(xs: readonly Dyadic[]): Dyadic {
  return xs.reduce((acc, x) => acc.add(x), Dyadic.zero);
}
