/**
 * Exact planar predicates on float64 coordinates (evaluated in BigInt on the dyadic values, so
 * the sign is never wrong): orientation and point-in-triangle.
 *
 * @module
 */
import { commonDyadic } from "./rational.ts";

/**
 * The exact sign of the orientation determinant (b − a) × (c − a): 1 counter-clockwise, −1
 * clockwise, 0 collinear.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { orientation } from "./geometry.ts";
 * assert.equal(orientation([0, 0], [1, 0], [0, 1]), 1);
 * assert.equal(orientation([0, 0], [0.1, 0.1], [0.3, 0.3]), 0);
 * ```
 */
export function orientation(a: ArrayLike<number>, b: ArrayLike<number>, c: ArrayLike<number>): -1 | 0 | 1 {
  const { nums: [ax, ay, bx, by, cx, cy] } = commonDyadic([a[0], a[1], b[0], b[1], c[0], c[1]]);
  const det = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}

/**
 * Whether p lies in the closed triangle abc (exact).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { inTriangle } from "./geometry.ts";
 * assert.ok(inTriangle([0, 0], [4, 0], [0, 4], [1, 1]));
 * assert.ok(!inTriangle([0, 0], [4, 0], [0, 4], [3, 3]));
 * ```
 */
export function inTriangle(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  c: ArrayLike<number>,
  p: ArrayLike<number>,
): boolean {
  const o1 = orientation(a, b, p), o2 = orientation(b, c, p), o3 = orientation(c, a, p);
  const hasNeg = o1 < 0 || o2 < 0 || o3 < 0, hasPos = o1 > 0 || o2 > 0 || o3 > 0;
  return !(hasNeg && hasPos);
}
