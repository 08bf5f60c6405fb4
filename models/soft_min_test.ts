import assert from "node:assert/strict";
import { margins, softMin, softMinFlow, softMinGradient } from "./soft_min.ts";

const data = { d: 2, x: Float64Array.of(1, 0.5, -0.3, 2, 0.7, -1), y: Float64Array.of(1, -1, 1) };

Deno.test("softMinGradient is the gradient of F_β (central differences)", () => {
  const v = [0.4, -0.2], h = 1e-5;
  for (const beta of [0.5, 2, 10]) {
    const g = softMinGradient(beta, data, v);
    for (let k = 0; k < 2; k++) {
      const up = [...v], dn = [...v];
      up[k] += h;
      dn[k] -= h;
      const fd = (softMin(beta, margins(data, up)) - softMin(beta, margins(data, dn))) / (2 * h);
      assert.ok(Math.abs(fd - g[k]) < 1e-8, `β = ${beta}, k = ${k}: ${fd} vs ${g[k]}`);
    }
  }
});

Deno.test("softMin is the printed formula where it does not overflow, and min z for huge β", () => {
  const z = [0.3, -0.1, 2];
  const printed = -Math.log(z.reduce((a, v) => a + Math.exp(-3 * v), 0) / 3) / 3;
  assert.ok(Math.abs(softMin(3, z) - printed) < 1e-15);
  assert.ok(Math.abs(softMin(1e6, z) - (-0.1 + Math.log(3) / 1e6)) < 1e-15);
});

Deno.test("softMinFlow: two orthogonal points with one label, w′ = softmax-weighted sum, symmetric start", () => {
  // x₁ = e₁, x₂ = e₂, y = +1, w₀ = 0: by symmetry w(t) = (s(t), s(t)) with s′ = 1/2, so w(t) = (t/2, t/2).
  const two = { d: 2, x: Float64Array.of(1, 0, 0, 1), y: Float64Array.of(1, 1) };
  const sol = softMinFlow(two, Float64Array.of(0, 0), [4]);
  assert.ok(Math.abs(sol.states[0][0] - 2) < 1e-9 && Math.abs(sol.states[0][1] - 2) < 1e-9);
});
