/**
 * Deliberately wrong versions of eq-10.21 (theorems/ch10/linear_flow_eigenbasis.ts) that only a whole run
 * can catch: each export builds one, with no arguments, so a worker can rebuild it. This module must stay
 * importable in a worker: it defines claims and calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import { linearFlowEigenbasis } from "./linear_flow_eigenbasis.ts";

/**
 * eq-10.21 with a second-order method (Heun) posing as GD: the gap to the flow is O(η²), which the
 * order test (fitted exponent, aggregate p-value) catches.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { linearFlowEigenbasisHeun } from "./linear_flow_eigenbasis_mutants.ts";
 * assert.equal(linearFlowEigenbasisHeun().id, "eq-10.21");
 * ```
 */
export function linearFlowEigenbasisHeun(): Claim {
  return linearFlowEigenbasis(undefined, (ls, w, eta) => {
    const half = ls.gdStep(w, eta), g0 = ls.gradient(w), g1 = ls.gradient(half);
    return w.map((v, k) => v - (eta / 2) * (g0[k] + g1[k]));
  });
}
