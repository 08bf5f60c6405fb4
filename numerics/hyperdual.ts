/**
 * Hyper-dual numbers a + b·ε₁ + c·ε₂ + d·ε₁ε₂ (ε₁² = ε₂² = 0): evaluating f at x + ε₁u + ε₂v gives
 * f(x), ∇f·u, ∇f·v and uᵀ∇²f v with no truncation error (Fike and Alonso, 2011), only rounding. The
 * elementary functions are built from exp, log, sin and cos, whose derivatives are each other.
 *
 * @module
 */

/**
 * A hyper-dual number.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { HyperDual } from "./hyperdual.ts";
 * // f(x) = x³ at x = 2: f″ = 12.
 * const x = new HyperDual(2, 1, 1, 0);
 * assert.equal(x.mul(x).mul(x).d, 12);
 * ```
 */
export class HyperDual {
  constructor(
    /** Real part. */
    readonly a: number,
    /** ε₁ part. */
    readonly b: number,
    /** ε₂ part. */
    readonly c: number,
    /** ε₁ε₂ part. */
    readonly d: number,
  ) {}
  /** A constant. */
  static constant(x: number): HyperDual {
    return new HyperDual(x, 0, 0, 0);
  }
  /** this + o. */
  add(o: HyperDual): HyperDual {
    return new HyperDual(this.a + o.a, this.b + o.b, this.c + o.c, this.d + o.d);
  }
  /** this − o. */
  sub(o: HyperDual): HyperDual {
    return new HyperDual(this.a - o.a, this.b - o.b, this.c - o.c, this.d - o.d);
  }
  /** this · o. */
  mul(o: HyperDual): HyperDual {
    return new HyperDual(
      this.a * o.a,
      this.a * o.b + this.b * o.a,
      this.a * o.c + this.c * o.a,
      this.a * o.d + this.b * o.c + this.c * o.b + this.d * o.a,
    );
  }
  /** s · this for a real s. */
  scale(s: number): HyperDual {
    return new HyperDual(s * this.a, s * this.b, s * this.c, s * this.d);
  }
  /** f(this) for f with f(a), f′(a), f″(a) given. */
  private lift(f0: number, f1: number, f2: number): HyperDual {
    return new HyperDual(f0, f1 * this.b, f1 * this.c, f1 * this.d + f2 * this.b * this.c);
  }
  /** 1/this. */
  inv(): HyperDual {
    const r = 1 / this.a;
    return this.lift(r, -r * r, 2 * r * r * r);
  }
  /** this / o. */
  div(o: HyperDual): HyperDual {
    return this.mul(o.inv());
  }
  /** exp(this). */
  exp(): HyperDual {
    const e = Math.exp(this.a);
    return this.lift(e, e, e);
  }
  /** log(this). */
  log(): HyperDual {
    const r = 1 / this.a;
    return this.lift(Math.log(this.a), r, -r * r);
  }
  /** sin(this). */
  sin(): HyperDual {
    return this.lift(Math.sin(this.a), Math.cos(this.a), -Math.sin(this.a));
  }
  /**
   * cos(this).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { HyperDual } from "./hyperdual.ts";
   * // cos at 0: value 1, first derivative 0, second derivative −1.
   * const c = new HyperDual(0, 1, 1, 0).cos();
   * assert.deepEqual([c.a, c.b, c.c, c.d], [1, -0, -0, -1]);
   * ```
   */
  cos(): HyperDual {
    return this.lift(Math.cos(this.a), -Math.sin(this.a), -Math.cos(this.a));
  }
}
