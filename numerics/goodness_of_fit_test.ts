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
