import assert from "node:assert/strict";
import { createRng } from "./random.ts";
import { columnSpaceProjector, gaussianMatrix, isPsd, kernelProjector, Matrix } from "./linalg.ts";
import { matrixWithSingularValues, matVec, numericalRank, pseudoInverse, rowSpaceProjector } from "./linalg.ts";
import { spectralNorm, svd, symmetricEigen, transposeMatVec } from "./linalg.ts";

Deno.test("symmetricEigen: sorted, orthonormal, reconstructs A", () => {
  const g = gaussianMatrix(createRng("eig"), 6, 6);
  const a = g.mmul(g.transpose());
  const { values, vectors } = symmetricEigen(a);
  for (let i = 1; i < values.length; i++) assert.ok(values[i - 1] >= values[i]);
  const rebuilt = vectors.mmul(
    vectors.clone().mulRowVector(Array.from(values)).transpose(),
  );
  assert.ok(rebuilt.sub(a).norm() < 1e-10 * a.norm());
});

Deno.test("svd, rank, pseudo-inverse and projectors agree on a rank-deficient matrix", () => {
  const rng = createRng("svd");
  const a = matrixWithSingularValues(rng, 5, 7, [3, 2, 0.5, 0, 0]);
  assert.equal(numericalRank(a), 3);
  assert.ok(Math.abs(spectralNorm(a) - 3) < 1e-12);
  assert.ok(Math.abs(svd(a).s[2] - 0.5) < 1e-12);
  const pinv = pseudoInverse(a);
  assert.ok(a.mmul(pinv).mmul(a).sub(a).norm() < 1e-12);
  const p = rowSpaceProjector(a), k = kernelProjector(a);
  assert.ok(p.mmul(p).sub(p).norm() < 1e-12);
  assert.ok(a.mmul(k).norm() < 1e-12);
  const x = Float64Array.from({ length: 7 }, () => rng.normal());
  const ax = matVec(a, matVec(p, x));
  assert.ok(ax.every((v, i) => Math.abs(v - matVec(a, x)[i]) < 1e-12));
  const c = columnSpaceProjector(a);
  assert.ok(c.mmul(a).sub(a).norm() < 1e-12);
  assert.deepEqual(Array.from(transposeMatVec(a, [1, 0, 0, 0, 0])), a.getRow(0));
});

Deno.test("isPsd: accepts Gram matrices, rejects an indefinite one, never accepts NaN", () => {
  const g = gaussianMatrix(createRng("psd"), 8, 3);
  assert.ok(isPsd(g.mmul(g.transpose())).psd);
  const bad = g.mmul(g.transpose());
  bad.set(0, 0, bad.get(0, 0) - 100);
  assert.ok(!isPsd(bad).psd);
});

Deno.test("svd: a wide matrix (more columns than rows) has its min(m, n) singular values and reconstructs", () => {
  const a = new Matrix([[3, 0, 0], [0, 0, 4]]);
  const { u, s, v } = svd(a);
  assert.deepEqual(Array.from(s).map((x) => Math.round(x * 1e12) / 1e12), [4, 3]);
  const g = gaussianMatrix(createRng("wide"), 2, 5), d = svd(g);
  const back = d.u.mmul(Matrix.diag(Array.from(d.s))).mmul(d.v.transpose());
  for (let i = 0; i < 2; i++) for (let j = 0; j < 5; j++) assert.ok(Math.abs(back.get(i, j) - g.get(i, j)) < 1e-12);
  assert.equal(u.rows, 2);
  assert.equal(v.rows, 3);
});

Deno.test("isPsd: the default tolerance is 10·n·ε·‖A‖₂ (the documented safety factor 10)", () => {
  const a = new Matrix([[2, 0, 0], [0, 1, 0], [0, 0, -1e-20]]);
  const t = isPsd(a);
  assert.equal(t.tolerance, 10 * 3 * Number.EPSILON * 2);
  assert.ok(t.psd);
  assert.equal(isPsd(a, 3).tolerance, 3 * 3 * Number.EPSILON * 2);
  // Just beyond the tolerance is rejected, just within accepted.
  assert.ok(!isPsd(new Matrix([[1, 0], [0, -21 * Number.EPSILON]])).psd);
  assert.ok(isPsd(new Matrix([[1, 0], [0, -19 * Number.EPSILON]])).psd);
});
