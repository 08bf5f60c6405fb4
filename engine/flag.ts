/**
 * A claim parameter that is an on/off switch: an integer, 0 or 1, whose help says what each value does.
 *
 * @module
 */

import type { ParameterSpec } from "./claim.ts";

/**
 * The spec of a 0/1 switch parameter (`{ type: "integer", min: 0, max: 1, help }`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { flag } from "./flag.ts";
 * assert.deepEqual(flag("1: antisymmetric w₀; 0: iid w₀"), {
 *   type: "integer",
 *   min: 0,
 *   max: 1,
 *   help: "1: antisymmetric w₀; 0: iid w₀",
 * });
 * ```
 */
export function flag(help: string): ParameterSpec {
  return { type: "integer", min: 0, max: 1, help };
}
