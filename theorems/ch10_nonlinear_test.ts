import assert from "node:assert/strict";
import { firstCaughtInstance } from "../engine/mutation.ts";
import { runClaim } from "../engine/run.ts";
import type { ScaledTwoLayer } from "../models/scaled_two_layer.ts";
import { type Matrix, matVec } from "../numerics/linalg.ts";
import { eq1028, eq1045, eq1047 } from "./ch10_nonlinear.ts";

Deno.test("eq-10.28 catches a frozen kernel Df(w₀)Df(w₀)ᵀ in place of Df(w)Df(w)ᵀ", async () => {
  // The linearisation's kernel (first evaluation is at w₀): exact only at t = 0.
  const frozen = new WeakMap<ScaledTwoLayer, Matrix>();
  const claim = eq1028((net, w, u) => {
    const kernel = frozen.get(net) ?? net.tangentKernel(w);
    frozen.set(net, kernel);
    return matVec(kernel, u).map((v) => -v);
  });
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});

Deno.test("eq-10.28 catches a factor 2 in the error dynamics", async () => {
  const claim = eq1028((net, w, u) => matVec(net.tangentKernel(w), u).map((v) => -2 * v));
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});

Deno.test("eq-10.45 catches κ ∝ 1/α² in place of 1/α", async () => {
  const claim = eq1045((y, h, j, a) => y * h / (a * a * j * j));
  assert.notEqual(await firstCaughtInstance(claim, 1, "test"), null);
});

Deno.test("eq-10.47 catches a bound exponent of −3/2 (κ ≲ d_hid^{-3/2})", async () => {
  const { result } = await runClaim(eq1047(() => -1.5), { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
});

Deno.test("eq-10.28 catches GD on the linearised model (Df frozen at w₀): the gap to the flow stops being O(η)", async () => {
  const frozen = new WeakMap<ScaledTwoLayer, Float64Array[]>();
  const claim = eq1028(undefined, (net, y, w, eta) => {
    const jac = frozen.get(net) ?? net.jacobian(w); // first call is at w₀
    frozen.set(net, jac);
    const f = net.outputs(w), g = new Float64Array(w.length);
    jac.forEach((row, i) => {
      for (let k = 0; k < row.length; k++) g[k] += row[k] * (y[i] - f[i]);
    });
    return w.map((v, m) => v + eta * g[m]);
  });
  const { result } = await runClaim(claim, { seed: 1, budget: "test" });
  assert.equal(result.status, "falsified");
  assert.ok(result.aggregate!.pValue! <= result.aggregate!.alpha!, result.aggregate!.summary);
});
