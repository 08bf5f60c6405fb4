import assert from "node:assert/strict";
import { certifySeparation, fitHyperplane } from "./separation.ts";
import { affineFeatures, quadraticFeatures } from "./kernels.ts";

Deno.test("certifySeparation refuses a point on the hyperplane and a misclassified point", () => {
  const phi = affineFeatures(1);
  assert.equal(certifySeparation(phi, [0, 1], [[0], [1]], [1, 1]).failures, 1);
  assert.equal(certifySeparation(phi, [0, 1], [[-1], [1]], [1, 1]).failures, 1);
});

Deno.test("XOR is not separated by affine features but is by (11.2.6) through x₁x₂", () => {
  const pts = [[1, 1], [-1, -1], [1, -1], [-1, 1]], y = [1, 1, -1, -1];
  assert.ok(!certifySeparation(affineFeatures(2), fitHyperplane(affineFeatures(2), pts, y), pts, y).separated);
  assert.ok(certifySeparation(quadraticFeatures, fitHyperplane(quadraticFeatures, pts, y), pts, y).separated);
});

Deno.test("certifySeparation: the ratio yᵢ⟨w, φ⟩/(1.01(Σ|wₖ|eₖ + γₙΣ|wₖφₖ|)) by hand, just above 1 and far above it", () => {
  const u = 2 ** -53, g2 = (2 * u) / (1 - 2 * u), phi = affineFeatures(1);
  // w = (1, 1), x = −1 + 8u: ⟨w, φ⟩ = 8u exactly, Σ|wₖφₖ| = 2 − 8u, no feature error: ratio 8u/(1.01·γ₂·2) ≈ 1.98.
  const delta = 8 * u, near = certifySeparation(phi, [1, 1], [[-1 + delta]], [1]);
  const ratio = delta / (1.01 * g2 * (2 - delta) + Number.MIN_VALUE);
  assert.ok(ratio > 1 && ratio < 2);
  assert.deepEqual([near.separated, near.failures], [true, 0]);
  assert.ok(Math.abs(near.worstRatio - ratio) < 1e-12 * ratio, `${near.worstRatio} vs ${ratio}`);
  // Half that margin is within the rounding bound: not certified.
  assert.equal(certifySeparation(phi, [1, 1], [[-1 + 4 * u]], [1]).failures, 1);
  // w = (0.5, 1), x = 2: ⟨w, φ⟩ = Σ|wₖφₖ| = 2.5, ratio 1/(1.01γ₂); with the near point too, the worst is the near one's.
  const one = certifySeparation(phi, [0.5, 1], [[2]], [1]);
  assert.ok(Math.abs(one.worstRatio - 2.5 / (1.01 * g2 * 2.5)) < 1e-12 * one.worstRatio);
  const both = certifySeparation(phi, [1, 1], [[2], [-1 + delta]], [1, 1]);
  assert.ok(Math.abs(both.worstRatio - ratio) < 1e-12 * ratio && both.separated);
  // Feature errors enter as Σ|wₖ|eₖ: (11.2.6) at x = (0.1, −0.7) with w on x₁x₂ only.
  const q = certifySeparation(quadraticFeatures, [0, 0, 0, 1, 0, 0], [[0.1, -0.7]], [-1]);
  const f = 0.1 * -0.7, e = u * Math.abs(f), g6 = (6 * u) / (1 - 6 * u);
  assert.ok(Math.abs(q.worstRatio - -f / (1.01 * (e + g6 * Math.abs(f)))) < 1e-9 * q.worstRatio);
});
