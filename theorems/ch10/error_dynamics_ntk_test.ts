import assert from "node:assert/strict";
import { firstCaughtInstance } from "../../engine/mutation.ts";
import type { ScaledTwoLayer } from "../../models/scaled_two_layer.ts";
import { type Matrix, matVec } from "../../numerics/linalg.ts";
import { aggregateRejects, mutantTest } from "../../testing/whole_run.ts";
import { errorDynamicsNtk } from "./error_dynamics_ntk.ts";

Deno.test("eq-10.28 catches a frozen kernel Df(w₀)Df(w₀)ᵀ in place of Df(w)Df(w)ᵀ", async () => {
  // The linearisation's kernel (first evaluation is at w₀): exact only at t = 0.
  const frozen = new WeakMap<ScaledTwoLayer, Matrix>();
  const claim = errorDynamicsNtk((net, w, u) => {
    const kernel = frozen.get(net) ?? net.tangentKernel(w);
    frozen.set(net, kernel);
    return matVec(kernel, u).map((v) => -v);
  });
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});

Deno.test("eq-10.28 catches a factor 2 in the error dynamics", async () => {
  const claim = errorDynamicsNtk((net, w, u) => matVec(net.tangentKernel(w), u).map((v) => -2 * v));
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});

mutantTest(
  import.meta.url,
  "errorDynamicsNtkLinearisedGd",
  "eq-10.28 catches GD on the linearised model (Df frozen at w₀): the gap to the flow stops being O(η)",
  aggregateRejects,
);
