import assert from "node:assert/strict";
import { gaussianExpectation, integrate1d } from "./quadrature.ts";

Deno.test("quadrature: Kronrod-15 is exact on polynomials of degree ≤ 22", () => {
  const q = integrate1d((x) => x ** 22 + 3 * x ** 7, 0, 1, [], 1e-300);
  assert.ok(Math.abs(q.value - (1 / 23 + 3 / 8)) < 1e-15);
});

Deno.test("quadrature: smooth and kinked integrands with break points", () => {
  assert.ok(Math.abs(integrate1d(Math.sin, 0, Math.PI).value - 2) < 1e-13);
  const kinked = integrate1d((x) => Math.max(0, x - 0.3) ** 1.5, 0, 1, [0.3]);
  assert.ok(Math.abs(kinked.value - 0.7 ** 2.5 / 2.5) < 1e-12);
});

Deno.test("quadrature: Gaussian moments and E[relu(Z)] = 1/√(2π)", () => {
  assert.ok(Math.abs(gaussianExpectation((z) => z ** 4).value - 3) < 1e-11);
  const r = gaussianExpectation((z) => Math.max(z, 0), [0]);
  assert.ok(Math.abs(r.value - 1 / Math.sqrt(2 * Math.PI)) < 1e-13);
});
