/**
 * A minimal task module for `parallel.ts` (used by its examples): squares a number.
 *
 * @module
 */

/**
 * x².
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import square from "./parallel_example_task.ts";
 * assert.equal(square(3), 9);
 * ```
 */
export default function square(x: number): number {
  return x * x;
}
