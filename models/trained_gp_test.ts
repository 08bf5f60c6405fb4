import assert from "node:assert/strict";
import { stepGain, trainedGp } from "./trained_gp.ts";
import { Matrix, pseudoInverse } from "../numerics/linalg.ts";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

Deno.test("stepGain equals K⁻¹(I − (I − 2ηK)ᵏ) for a regular K", () => {
  const K = [[1, 0.3, 0.1], [0.3, 0.8, 0.2], [0.1, 0.2, 0.5]], eta = 0.4, k = 7;
  const B = new Matrix(K).mul(-2 * eta).add(Matrix.eye(3));
  let Bk = Matrix.eye(3);
  for (let j = 0; j < k; j++) Bk = Bk.mmul(B);
  const expected = pseudoInverse(new Matrix(K)).mmul(Matrix.eye(3).sub(Bk));
  const M = stepGain(K, eta, k);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) close(M[i][j], expected.get(i, j));
});

Deno.test("k = 0 is the prior GP(0, c); k → ∞ with c = K is the noise-free GP posterior (kriging)", () => {
  const kXX = [[1, 0.3], [0.3, 0.8]], kTX = [[0.5, 0.2], [0.1, 0.6]], cTT = [[0.9, 0.15], [0.15, 0.7]];
  const kernels = { kTX, kXX, cTT, cTX: kTX, cXX: kXX }, y = [0.7, -0.4];
  const prior = trainedGp(kernels, y, 0.3, 0);
  assert.deepEqual(prior.mean, [0, 0]);
  assert.deepEqual(prior.covariance, cTT);
  const late = trainedGp(kernels, y, 0.3, 400); // ‖I − 0.6K‖ < 0.9: 0.9⁴⁰⁰ is below rounding
  const Kinv = pseudoInverse(new Matrix(kXX)), A = new Matrix(kTX).mmul(Kinv);
  const mean = A.mmul(Matrix.columnVector(y)).getColumn(0);
  const post = new Matrix(cTT).sub(A.mmul(new Matrix(kTX).transpose()));
  for (let a = 0; a < 2; a++) {
    close(late.mean[a], mean[a]);
    for (let b = 0; b < 2; b++) close(late.covariance[a][b], post.get(a, b));
  }
});

Deno.test("a training point as test point: variance (1 − 2ηK)^{2k}c after k steps (m = 1)", () => {
  const one = [[0.6]], gp = trainedGp({ kTX: one, kXX: one, cTT: one, cTX: one, cXX: one }, [1], 0.5, 3);
  close(gp.covariance[0][0], 0.4 ** 6 * 0.6);
  close(gp.mean[0], 1 - 0.4 ** 3);
});
