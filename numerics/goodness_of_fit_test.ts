import assert from "node:assert/strict";
import { chiSquareCdf, kolmogorovSmirnov, normalCdf } from "./goodness_of_fit.ts";
import { createRng } from "./random.ts";

Deno.test("goodness of fit: Φ and χ² distribution functions at known values", () => {
  assert.ok(Math.abs(normalCdf(1.959963984540054) - 0.975) < 1e-14);
  // χ²_3: F(q) = erf(√(q/2)) − √(2q/π)e^{−q/2}.
  const q = 2.5, exact = 1 - 2 * (1 - normalCdf(Math.sqrt(q))) - Math.sqrt(2 * q / Math.PI) * Math.exp(-q / 2);
  assert.ok(Math.abs(chiSquareCdf(q, 3) - exact) < 1e-13);
});

Deno.test("goodness of fit: KS p-values are uniform-ish under the null and tiny under an alternative", () => {
  const rng = createRng("ks");
  let rejections = 0;
  for (let r = 0; r < 200; r++) {
    const s = Array.from({ length: 200 }, () => rng.normal());
    if (kolmogorovSmirnov(s, normalCdf).pValue < 0.05) rejections++;
  }
  // Binomial(200, 0.05): mean 10, P(≥ 25) < 1e-4.
  assert.ok(rejections < 25, `rejections ${rejections}`);
  const shifted = Array.from({ length: 500 }, () => rng.normal() * 1.3);
  assert.ok(kolmogorovSmirnov(shifted, normalCdf).pValue < 1e-3);
});

Deno.test("goodness of fit: the KS statistic by hand, Kolmogorov's tail at λ from Stephens' correction, NaN and empty samples", () => {
  const uniform = (x: number) => Math.min(1, Math.max(0, x));
  // Sample (0.1, 0.4, 0.7) against U(0, 1): D = max over i of (i + 1)/n − F, F − i/n = max(0.233, 0.267, 0.3, ...) = 0.3.
  const k = kolmogorovSmirnov([0.7, 0.1, 0.4], uniform);
  assert.ok(Math.abs(k.statistic - 0.3) < 1e-15 && k.n === 3, `${k.statistic}`);
  // λ = (√3 + 0.12 + 0.11/√3)·0.3 ≈ 0.575 and P(K > λ) = 2Σ(−1)^{k−1}e^{−2k²λ²}.
  const lambda = (Math.sqrt(3) + 0.12 + 0.11 / Math.sqrt(3)) * 0.3;
  let tail = 0;
  for (let j = 1; j <= 50; j++) tail += 2 * (-1) ** (j - 1) * Math.exp(-2 * j * j * lambda * lambda);
  assert.ok(Math.abs(k.pValue - tail) < 1e-12, `${k.pValue} vs ${tail}`);
  // D = F − i/n attained: all points at 0.9 (F = 0.9 at i = 0).
  assert.ok(Math.abs(kolmogorovSmirnov([0.9, 0.9], uniform).statistic - 0.9) < 1e-15);
  // A tiny λ gives p = 1; a large one a tiny p.
  assert.equal(kolmogorovSmirnov(Array.from({ length: 100 }, (_, i) => (i + 0.5) / 100), uniform).pValue, 1); // λ ≈ 0.05
  const far = kolmogorovSmirnov(Array.from({ length: 100 }, (_, i) => 0.5 + i / 1000), uniform);
  assert.ok(far.statistic > 0.49 && far.pValue < 1e-15);
  for (const bad of [[], [0.2, NaN]]) {
    const r = kolmogorovSmirnov(bad, uniform);
    assert.ok(Number.isNaN(r.statistic) && Number.isNaN(r.pValue) && r.n === bad.length);
  }
  // Φ(0) = ½, Φ(−x) = 1 − Φ(x); χ²₂: F(q) = 1 − e^{−q/2}.
  assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-16 && Math.abs(normalCdf(-1.3) + normalCdf(1.3) - 1) < 1e-15);
  assert.ok(Math.abs(chiSquareCdf(3, 2) - (1 - Math.exp(-1.5))) < 1e-14);
});
