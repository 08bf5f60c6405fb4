import assert from "node:assert/strict";
import { HyperDual } from "./hyperdual.ts";

Deno.test("HyperDual: second derivatives of known functions to rounding", () => {
  for (const x of [-2.5, -0.3, 0.7, 1.9]) {
    const v = new HyperDual(x, 1, 1, 0);
    // exp(2x): 4e^{2x}; log(1 + x²): 2(1 − x²)/(1 + x²)²; 1/(1 + e^{−x}): s(1 − s)(1 − 2s); sin(3x): −9 sin 3x.
    const e2 = v.scale(2).exp();
    assert.ok(Math.abs(e2.d - 4 * Math.exp(2 * x)) <= 1e-14 * Math.exp(2 * x) * 4);
    const lq = HyperDual.constant(1).add(v.mul(v)).log();
    assert.ok(Math.abs(lq.d - 2 * (1 - x * x) / (1 + x * x) ** 2) <= 1e-14);
    const s = 1 / (1 + Math.exp(-x));
    const sig = HyperDual.constant(1).div(HyperDual.constant(1).add(v.scale(-1).exp()));
    assert.ok(Math.abs(sig.d - s * (1 - s) * (1 - 2 * s)) <= 1e-14);
    assert.ok(Math.abs(v.scale(3).sin().d + 9 * Math.sin(3 * x)) <= 1e-13);
  }
  // Mixed part: f(x, y) = x·y² at (x, y) = (3, 2) along u = e_x, v = e_y: ∂²f/∂x∂y = 2y = 4.
  const xx = new HyperDual(3, 1, 0, 0), yy = new HyperDual(2, 0, 1, 0);
  assert.equal(xx.mul(yy).mul(yy).d, 4);
});
