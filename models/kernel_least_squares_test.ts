import assert from "node:assert/strict";
import { FeatureLeastSquares, KernelLeastSquares, truncatedMinNorm } from "./kernel_least_squares.ts";
import { featureKernel, quadraticFeatures } from "./kernels.ts";
import { Matrix, pseudoInverse } from "../numerics/linalg.ts";
import { createRng } from "../numerics/random.ts";

Deno.test("truncatedMinNorm agrees with the pseudo-inverse on a rank-deficient matrix", () => {
  const a = new Matrix([[1, 2, 3], [2, 4, 6], [1, 0, 1]]), b = [1, 2, 3];
  const { x, rank } = truncatedMinNorm(a, b, 1e-12);
  const ref = pseudoInverse(a).mmul(Matrix.columnVector(b)).getColumn(0);
  assert.equal(rank, 2);
  x.forEach((v, i) => assert.ok(Math.abs(v - ref[i]) < 1e-12));
});

Deno.test("GD on the feature model equals LeastSquares.gdStep step by step", () => {
  const rng = createRng("gd");
  const pts = Array.from({ length: 4 }, () => [rng.normal(), rng.normal()]);
  const f = new FeatureLeastSquares(quadraticFeatures, pts, [1, -1, 0.5, 2]);
  const w0 = Float64Array.from({ length: 6 }, () => rng.normal());
  let ref: Float64Array = w0;
  for (let k = 0; k < 5; k++) ref = f.ls.gdStep(ref, 1e-3);
  const w = f.gradientDescent(w0, 1e-3, 5);
  w.forEach((v, j) => assert.ok(Math.abs(v - ref[j]) < 1e-13));
});

Deno.test("the kernel estimator interpolates when G is invertible", () => {
  const pts = [[0, 0], [1, 0], [0, 1]];
  const k = new KernelLeastSquares(featureKernel(quadraticFeatures), pts, [1, 2, 3]);
  const alpha = k.minNormAlpha();
  pts.forEach((x, i) => assert.ok(Math.abs(k.predict(x, alpha) - [1, 2, 3][i]) < 1e-12));
});

Deno.test("truncatedMinNorm: the cut is relative to the largest singular value", () => {
  // s = (10, 0.5): threshold 0.1 cuts at 1, keeping only the first direction.
  const { x, rank } = truncatedMinNorm(new Matrix([[10, 0], [0, 0.5]]), [10, 1], 0.1);
  assert.equal(rank, 1);
  assert.ok(Math.abs(x[0] - 1) < 1e-15 && x[1] === 0);
  assert.equal(truncatedMinNorm(new Matrix([[10, 0], [0, 0.5]]), [10, 1], 0.01).rank, 2);
});
