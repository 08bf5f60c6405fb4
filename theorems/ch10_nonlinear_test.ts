import assert from "node:assert/strict";
import { firstCaughtInstance } from "../engine/mutation.ts";
import type { ScaledTwoLayer } from "../models/scaled_two_layer.ts";
import { type Matrix, matVec } from "../numerics/linalg.ts";
import { eq1028, eq1045 } from "./ch10_nonlinear.ts";

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
