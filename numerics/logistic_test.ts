import assert from "node:assert/strict";
import fc from "fast-check";
import { logistic, softplus } from "./logistic.ts";

Deno.test("softplus: log(1 + eˣ) on both sides, softplus(x) − softplus(−x) = x, no overflow", () => {
  for (const x of [-3, -0.5, 0.25, 2, 20]) {
    assert.ok(Math.abs(softplus(x) - Math.log(1 + Math.exp(x))) < 1e-15 * Math.max(1, Math.abs(x)), `${x}`);
  }
  fc.assert(
    fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
      assert.ok(Math.abs(softplus(x) - softplus(-x) - x) <= 4e-16 * Math.max(1, Math.abs(x)), `${x}`);
      assert.ok(softplus(x) > 0 || x < -36, `${x}`);
    }),
    { seed: 19, numRuns: 500 },
  );
  assert.equal(softplus(-1000), 0); // e^{−1000} underflows; never NaN
  assert.equal(softplus(800), 800);
  // Small |x|: log 2 + x/2 + x²/8 to second order.
  assert.ok(Math.abs(softplus(1e-4) - (Math.LN2 + 5e-5 + 1.25e-9)) < 1e-15);
  assert.ok(Math.abs(softplus(-1e-4) - (Math.LN2 - 5e-5 + 1.25e-9)) < 1e-15);
});

Deno.test("logistic: 1/(1 + e⁻ˣ), σ(x) + σ(−x) = 1, the derivative of softplus, relative accuracy in the left tail", () => {
  for (const x of [-3, -0.5, 0.25, 2, 20]) assert.ok(Math.abs(logistic(x) - 1 / (1 + Math.exp(-x))) < 1e-16, `${x}`);
  fc.assert(
    fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
      assert.ok(Math.abs(logistic(x) + logistic(-x) - 1) <= 2.3e-16);
      const h = 1e-5, fd = (softplus(x + h) - softplus(x - h)) / (2 * h);
      assert.ok(Math.abs(fd - logistic(x)) < 1e-9, `${x}`);
    }),
    { seed: 19, numRuns: 300 },
  );
  // σ(−30) = e^{−30}/(1 + e^{−30}): relative error of a few ulps (1 − σ(30) would lose it all).
  const want = Math.exp(-30) / (1 + Math.exp(-30));
  assert.ok(Math.abs(logistic(-30) - want) <= 4e-16 * want);
  assert.equal(logistic(1000), 1);
  assert.equal(logistic(-1000), 0);
});
