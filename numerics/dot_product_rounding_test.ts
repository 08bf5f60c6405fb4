import assert from "node:assert/strict";
import { dotProductFactor } from "./dot_product_rounding.ts";

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
