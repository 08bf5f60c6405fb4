/**
 * Numeric comparisons in which NaN and ±Inf can never pass. Each returns the measured quantity
 * beside the bound it was compared with, so callers can report tightness.
 *
 * @module
 */

/** The outcome of a numeric comparison: `ok` is false whenever a NaN or an infinity is involved. */
export interface Comparison {
  /** Whether the comparison holds (never true for non-finite inputs). */
  ok: boolean;
  /** The measured quantity (e.g. an error, or the left-hand side). */
  observed: number;
  /** What it was compared with. */
  bound: number;
}

/**
 * True when every entry is a finite number.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { allFinite } from "./compare.ts";
 * assert.ok(allFinite([1, 2]) && !allFinite([1, NaN]));
 * ```
 */
export function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

/**
 * `observed ≤ bound`, both finite.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { atMost } from "./compare.ts";
 * assert.ok(atMost(1, 2).ok && !atMost(NaN, 2).ok && !atMost(1, NaN).ok);
 * ```
 */
export function atMost(observed: number, bound: number): Comparison {
  const ok = Number.isFinite(observed) && Number.isFinite(bound) && observed <= bound;
  return { ok, observed, bound };
}

/**
 * `observed < bound`, both finite (strict).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lessThan } from "./compare.ts";
 * assert.ok(lessThan(1, 2).ok && !lessThan(2, 2).ok);
 * ```
 */
export function lessThan(observed: number, bound: number): Comparison {
  const ok = Number.isFinite(observed) && Number.isFinite(bound) && observed < bound;
  return { ok, observed, bound };
}

/**
 * Euclidean distance between two vectors of equal length.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { distance } from "./compare.ts";
 * assert.equal(distance([0, 3], [4, 0]), 5);
 * ```
 */
export function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`length ${a.length} ≠ ${b.length}`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
}

/**
 * Euclidean norm.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { norm } from "./compare.ts";
 * assert.equal(norm([3, 4]), 5);
 * ```
 */
export function norm(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

/**
 * ‖a − b‖ ≤ abs + rel·max(‖a‖, ‖b‖), with NaN or Inf anywhere failing.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { vectorsClose } from "./compare.ts";
 * assert.ok(vectorsClose([1, 2], [1, 2 + 1e-14], { rel: 1e-12 }).ok);
 * assert.ok(!vectorsClose([1, NaN], [1, NaN], { rel: 1 }).ok);
 * ```
 */
export function vectorsClose(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  tol: { abs?: number; rel?: number },
): Comparison {
  const bound = (tol.abs ?? 0) + (tol.rel ?? 0) * Math.max(norm(a), norm(b));
  if (a.length !== b.length || !allFinite(a) || !allFinite(b)) {
    return { ok: false, observed: NaN, bound };
  }
  return atMost(distance(a, b), bound);
}

/**
 * Observed over bound, the project's tightness measure: 1 means the bound is attained.
 * Returns NaN when either is not finite, and 0 when both are 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ratio } from "./compare.ts";
 * assert.ok(ratio(1, 4) === 0.25 && Number.isNaN(ratio(NaN, 1)));
 * ```
 */
export function ratio(observed: number, bound: number): number {
  if (!Number.isFinite(observed) || !Number.isFinite(bound)) return NaN;
  if (bound === 0) return observed === 0 ? 0 : Infinity;
  return observed / bound;
}
