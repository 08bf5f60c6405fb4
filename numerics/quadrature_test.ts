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

Deno.test("quadrature: a NaN or infinite integrand gives a non-finite result at once", () => {
  for (const bad of [NaN, Infinity]) {
    const q = integrate1d(() => bad, 0, 1);
    assert.ok(!Number.isFinite(q.value) && q.evaluations <= 15);
  }
  assert.ok(Number.isNaN(integrate1d((x) => x, NaN, 1).value));
});

Deno.test("quadrature: one panel's error estimate is |K15 − G7|, G7's error on x¹⁴ being 2¹⁵(7!)⁴/(15·(14!)²)", () => {
  // Gauss–Legendre with 7 nodes on [−1, 1] errs on f = x¹⁴ by 2¹⁵(7!)⁴/(15(14!)³)·f⁽¹⁴⁾ = 2¹⁵(7!)⁴/(15(14!)²),
  // while K15 is exact (degree ≤ 22): a tolerance of 1 accepts the single panel.
  const fact = (n: number) => Array.from({ length: n }, (_, i) => i + 1).reduce((a, b) => a * b, 1);
  const g7 = 2 ** 15 * fact(7) ** 4 / (15 * fact(14) ** 2);
  const q = integrate1d((x) => x ** 14, -1, 1, [], 1);
  assert.equal(q.evaluations, 15);
  assert.ok(Math.abs(q.value - 2 / 15) < 1e-15);
  assert.ok(Math.abs(q.error - g7) < 1e-9 * g7, `${q.error} vs ${g7}`);
  // On [0, 2] (h = 1, shifted): the same panel error for (x − 1)¹⁴.
  const s = integrate1d((x) => (x - 1) ** 14, 0, 2, [], 1);
  assert.ok(Math.abs(s.error - g7) < 1e-9 * g7 && Math.abs(s.value - 2 / 15) < 1e-14);
});

Deno.test("quadrature: breaks outside (a, b) ignored, unsorted ones sorted; empty intervals; the tolerance is met", () => {
  const abs = (x: number) => Math.abs(x - 0.25);
  const a = integrate1d(abs, 0, 1, [3, 0.25, -1], 1);
  assert.equal(a.evaluations, 30); // two panels, each exact (linear pieces)
  assert.ok(Math.abs(a.value - (0.25 ** 2 + 0.75 ** 2) / 2) < 1e-15);
  const b = integrate1d((x) => Math.abs(x - 0.2) + Math.abs(x - 0.7), 0, 1, [0.7, 0.2], 1);
  assert.equal(b.evaluations, 45);
  assert.ok(Math.abs(b.value - ((0.04 + 0.64) / 2 + (0.49 + 0.09) / 2)) < 1e-15);
  assert.deepEqual(integrate1d(abs, 1, 1), { value: 0, error: 0, evaluations: 0 });
  assert.deepEqual(integrate1d(abs, 2, 1), { value: 0, error: 0, evaluations: 0 });
  // √x on [0, 1] (unbounded derivative at 0): bisection until the estimated error is below the tolerance.
  for (const tol of [1e-6, 1e-12]) {
    const q = integrate1d(Math.sqrt, 0, 1, [], tol);
    assert.ok(q.error <= tol && Math.abs(q.value - 2 / 3) <= Math.max(tol, 1e-15) && q.evaluations > 15, `${tol}`);
    assert.equal(q.evaluations % 15, 0);
  }
  // E[|Z|] = √(2/π) with the kink given; the tolerance passes through.
  const e = gaussianExpectation(Math.abs, [0], 1e-8);
  assert.ok(Math.abs(e.value - Math.sqrt(2 / Math.PI)) < 1e-8 && e.error <= 1e-8);
  assert.ok(Math.abs(gaussianExpectation(() => 1).value - 1) < 1e-14);
});
