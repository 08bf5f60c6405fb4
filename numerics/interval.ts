/**
 * Interval arithmetic with outward rounding: each float64 operation is computed round-to-nearest
 * (error ≤ ½ ulp) and its result moved one ulp outward, so every interval encloses the exact
 * result of the operation on any points of its operands.
 *
 * @module
 */

const buffer = new DataView(new ArrayBuffer(8));

/**
 * The smallest double above x (x finite; nextUp(−0) = nextUp(0) = the smallest subnormal).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { nextUp } from "./interval.ts";
 * assert.ok(nextUp(1) === 1 + Number.EPSILON && nextUp(0) === Number.MIN_VALUE);
 * ```
 */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  buffer.setFloat64(0, x);
  const bits = buffer.getBigUint64(0);
  buffer.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return buffer.getFloat64(0);
}

/**
 * The largest double below x.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { nextDown } from "./interval.ts";
 * assert.ok(nextDown(1) === 1 - Number.EPSILON / 2 && nextDown(0) === -Number.MIN_VALUE);
 * ```
 */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** A closed interval [lo, hi]. */
export interface Interval {
  /** Lower end. */
  lo: number;
  /** Upper end. */
  hi: number;
}

/**
 * [a.lo + b.lo, a.hi + b.hi], rounded outward.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { add } from "./interval.ts";
 * const s = add({ lo: 0.1, hi: 0.1 }, { lo: 0.2, hi: 0.2 });
 * assert.ok(s.lo <= 0.1 + 0.2 && 0.1 + 0.2 < s.hi); // the double sum 0.30000000000000004 lies inside
 * ```
 */
export function add(a: Interval, b: Interval): Interval {
  return { lo: nextDown(a.lo + b.lo), hi: nextUp(a.hi + b.hi) };
}

/**
 * c·a for a real number c (exact as a double), rounded outward.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scale } from "./interval.ts";
 * const s = scale(-2, { lo: 1, hi: 3 });
 * assert.ok(s.lo <= -6 && s.hi >= -2);
 * ```
 */
export function scale(c: number, a: Interval): Interval {
  const x = c * a.lo, y = c * a.hi;
  return { lo: nextDown(Math.min(x, y)), hi: nextUp(Math.max(x, y)) };
}

/**
 * {x² : x ∈ a}, rounded outward (0 is the lower end when a contains 0).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { square } from "./interval.ts";
 * const s = square({ lo: -1, hi: 2 });
 * assert.ok(s.lo === 0 && s.hi >= 4);
 * ```
 */
export function square(a: Interval): Interval {
  const x = a.lo * a.lo, y = a.hi * a.hi;
  if (a.lo <= 0 && a.hi >= 0) return { lo: 0, hi: nextUp(Math.max(x, y)) };
  return { lo: Math.max(0, nextDown(Math.min(x, y))), hi: nextUp(Math.max(x, y)) };
}

/**
 * The exact range of p(x) = x(1 − x) on a, enclosed outward: p is concave with its maximum ¼ at ½,
 * so its minimum is at an end and its maximum at an end or at ½.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { xOneMinusX } from "./interval.ts";
 * const r = xOneMinusX({ lo: 0, hi: 1 });
 * assert.ok(r.lo <= 0 && r.hi >= 0.25);
 * ```
 */
export function xOneMinusX(a: Interval): Interval {
  const at = (x: number): Interval => {
    const oneMinus = { lo: nextDown(1 - x), hi: nextUp(1 - x) };
    const p = [x * oneMinus.lo, x * oneMinus.hi];
    return { lo: nextDown(Math.min(...p)), hi: nextUp(Math.max(...p)) };
  };
  const l = at(a.lo), h = at(a.hi);
  const hi = a.lo <= 0.5 && a.hi >= 0.5 ? 0.25 : Math.max(l.hi, h.hi);
  return { lo: Math.min(l.lo, h.lo), hi };
}
