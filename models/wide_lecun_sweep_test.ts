import assert from "node:assert/strict";
import { exactJacobian, stepSizeCondition, sweepWidth, trainWide, wideData, wideInstance } from "./wide_lecun_sweep.ts";
import { createRng } from "../numerics/random.ts";

Deno.test("wideData: 3 inputs of norm √3, 6 test points in the unit ball, a regular kernel matrix", () => {
  const d = wideData();
  assert.equal(d, wideData()); // one constant data set
  for (const x of d.xs) assert.ok(Math.abs(Math.hypot(...x) - Math.sqrt(3)) < 1e-12);
  assert.equal(d.tests.length, 6);
  for (const x of d.tests) assert.ok(Math.hypot(...x) <= 1);
  assert.ok(0 < d.lambdaMin && d.lambdaMin <= d.lambdaMax && d.kernelError < d.lambdaMin / 10);
});

Deno.test("the sweep's step meets Assumption 11.18 at the factor 0.9, not at 3", () => {
  assert.deepEqual([0, 1, 5].map(sweepWidth), [128, 256, 128]);
  assert.ok(stepSizeCondition(wideInstance(createRng(2), 64)).holds);
  assert.ok(!stepSizeCondition(wideInstance(createRng(2), 64, 3)).holds);
});

Deno.test("trainWide: the loss falls, runs with the exact Jacobian are cached, a perturbed one is not", () => {
  const instance = wideInstance(createRng(3), 32);
  const run = trainWide(instance);
  assert.ok(run.losses[run.steps] < run.losses[0]);
  assert.equal(trainWide(instance, exactJacobian), run);
  const perturbed = trainWide(instance, (rows) => rows.map((r) => r.map((v) => 1.05 * v)));
  assert.notEqual(perturbed, run);
  assert.deepEqual(perturbed.losses, run.losses); // the full model's run does not depend on the linearisation
  assert.ok(perturbed.maxKernelGap > run.maxKernelGap);
});
