/**
 * Deliberately wrong versions of eq-10.28 (theorems/ch10/error_dynamics_ntk.ts) that only a whole run can
 * catch: each export builds one, with no arguments, so a worker can rebuild it. This module must stay
 * importable in a worker: it defines claims and calls no `Deno.test`.
 *
 * @module
 */
import type { Claim } from "../../engine/claim.ts";
import type { ScaledTwoLayer } from "../../models/scaled_two_layer.ts";
import { errorDynamicsNtk } from "./error_dynamics_ntk.ts";

/**
 * eq-10.28 with GD on the linearised model (Df frozen at w₀): the gap to the flow stops being O(η),
 * which the order test (aggregate p-value) catches.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { errorDynamicsNtkLinearisedGd } from "./error_dynamics_ntk_mutants.ts";
 * assert.equal(errorDynamicsNtkLinearisedGd().id, "eq-10.28");
 * ```
 */
export function errorDynamicsNtkLinearisedGd(): Claim {
  const frozen = new WeakMap<ScaledTwoLayer, Float64Array[]>();
  return errorDynamicsNtk(undefined, (net, y, w, eta) => {
    const jac = frozen.get(net) ?? net.jacobian(w); // first call is at w₀
    frozen.set(net, jac);
    const f = net.outputs(w), g = new Float64Array(w.length);
    jac.forEach((row, i) => {
      for (let k = 0; k < row.length; k++) g[k] += row[k] * (y[i] - f[i]);
    });
    return w.map((v, m) => v + eta * g[m]);
  });
}
