import assert from "node:assert/strict";
import { radicalInverse, ShiftedHaltonGaussian } from "./low_discrepancy.ts";
import { createRng } from "./random.ts";

Deno.test("van der Corput points in base 2 fill dyadic intervals exactly", () => {
  const pts = Array.from({ length: 16 }, (_, i) => radicalInverse(i, 2)).sort((a, b) => a - b);
  pts.forEach((p, k) => assert.equal(p, k / 16));
});

Deno.test("shifted Halton Gaussians have mean ≈ 0 and variance ≈ scale² (much closer than iid noise)", () => {
  const seq = new ShiftedHaltonGaussian(createRng("halton"), 4, 0.5);
  const n = 4096, pts = seq.points(n);
  for (let k = 0; k < 4; k++) {
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) {
      s += pts[i * 4 + k];
      s2 += pts[i * 4 + k] ** 2;
    }
    // iid sampling would give standard errors 0.5/64 ≈ 0.008 and 0.25·√2/64 ≈ 0.0055.
    assert.ok(Math.abs(s / n) < 0.005, `mean ${s / n}`);
    assert.ok(Math.abs(s2 / n - 0.25) < 0.01, `variance ${s2 / n}`);
  }
});
