import assert from "node:assert/strict";
import { certifiedSineConstants, sampledConstants } from "./gd_convergence_constants.ts";
import { SinePerturbedLinear } from "./sine_perturbed_linear.ts";
import { Matrix } from "../numerics/linalg.ts";
import { createRng } from "../numerics/random.ts";

Deno.test("certifiedSineConstants: the linear model's constants, and (11.4.3)'s r and bound", () => {
  const model = new SinePerturbedLinear([Float64Array.of(3, 4)], Matrix.eye(2), 0);
  const k = certifiedSineConstants(model, [0, 0], [2]);
  assert.ok(Math.abs(k.lambdaMin - 25) < 1e-12 && Math.abs(k.lambdaMax - 25) < 1e-12);
  assert.ok(k.lambdaMin <= 25 && 25 <= k.lambdaMax); // widened outwards
  assert.equal(k.l, 0);
  assert.ok(k.u >= 5 && k.u - 5 < 1e-12);
  assert.equal(k.f0, 4);
  assert.ok(Math.abs(k.r - (2 * k.u * 2) / k.lambdaMin) < 1e-15);
});

Deno.test("sampledConstants never exceeds the sine model's certified U and L", () => {
  const rng = createRng(4);
  const model = new SinePerturbedLinear([Float64Array.of(0.6, -0.3), Float64Array.of(0.2, 0.9)], Matrix.eye(2), 0.4);
  const w0 = Float64Array.of(0.5, -1), y = Float64Array.of(0, 1);
  const certified = certifiedSineConstants(model, w0, y), sampled = sampledConstants(rng, model, w0, y);
  assert.ok(sampled.u <= certified.u && sampled.l <= certified.l && sampled.l > 0);
  assert.equal(sampled.f0, certified.f0);
});
