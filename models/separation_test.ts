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
