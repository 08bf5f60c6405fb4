import assert from "node:assert/strict";
import { dotProductFactor, highamGamma, UNIT_ROUNDOFF } from "./rounding.ts";

Deno.test("γₖ bounds the relative error of a k-term recursive sum", () => {
  // Sum of 1/(j + 1) in order: the computed sum is within γ_{k−1}·Σ|terms| of the exact one (Higham (4.4)),
  // checked against a compensated (Neumaier) sum whose own error is O(u²).
  const k = 1000, terms = Array.from({ length: k }, (_, j) => 1 / (j + 1));
  let plain = 0, sum = 0, carry = 0;
  for (const t of terms) {
    plain += t;
    const s = sum + t;
    carry += Math.abs(sum) >= Math.abs(t) ? sum - s + t : t - s + sum;
    sum = s;
  }
  const exact = sum + carry, abs = terms.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(plain - exact) <= highamGamma(k - 1) * abs);
});

Deno.test("γₖ is ku/(1 − ku): increasing, and above ku", () => {
  for (const k of [1, 2, 10, 1e6]) {
    assert.ok(highamGamma(k) > k * UNIT_ROUNDOFF);
    assert.ok(highamGamma(k + 1) > highamGamma(k));
  }
  assert.equal(highamGamma(1), UNIT_ROUNDOFF / (1 - UNIT_ROUNDOFF));
});

Deno.test("dot_product_rounding: the budget covers the rounding error of random dot products", () => {
  let seed = 1;
  const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
  for (let trial = 0; trial < 200; trial++) {
    const n = 1 + (trial % 50);
    const x = Array.from({ length: n }, next), y = Array.from({ length: n }, next);
    let computed = 0, absSum = 0;
    for (let i = 0; i < n; i++) computed += x[i] * y[i], absSum += Math.abs(x[i] * y[i]);
    // Reference by exact-ish summation in pairs of float64 (Kahan–Babuška on products rounded once).
    let sum = 0, comp = 0;
    for (let i = 0; i < n; i++) {
      const p = x[i] * y[i], t = sum + p;
      comp += Math.abs(sum) >= Math.abs(p) ? sum - t + p : p - t + sum;
      sum = t;
    }
    assert.ok(Math.abs(computed - (sum + comp)) <= dotProductFactor(n) * absSum + 1e-300);
  }
});
