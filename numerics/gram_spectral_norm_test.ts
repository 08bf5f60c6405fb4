import assert from "node:assert/strict";
import { gramSpectralNorm } from "./gram_spectral_norm.ts";
import { gaussianMatrix, spectralNorm } from "./linalg.ts";
import { createRng } from "./random.ts";

Deno.test("gramSpectralNorm agrees with the SVD's largest singular value on tall matrices", () => {
  const rng = createRng("gram-spectral-norm");
  for (const [rows, cols] of [[50, 1], [200, 3], [1000, 5]]) {
    const w = gaussianMatrix(rng, rows, cols);
    const entries = Float64Array.from({ length: rows * cols }, (_, k) => w.get(Math.floor(k / cols), k % cols));
    const expected = spectralNorm(w);
    assert.ok(Math.abs(gramSpectralNorm(entries, rows, cols) - expected) <= 1e-12 * expected, `${rows}×${cols}`);
  }
  assert.equal(gramSpectralNorm(new Float64Array(6), 3, 2), 0);
});
