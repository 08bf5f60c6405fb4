import assert from "node:assert/strict";
import { Matrix, solve } from "ml-matrix";
import { kernelRidge, reluConjugateKernel, reluFeatureMatrix, ridgePrimal } from "./random_features.ts";
import { createRng } from "../numerics/random.ts";

Deno.test("ReLU conjugate kernel matches Monte Carlo over (a, b) ~ N(0, I) within 5 standard errors", () => {
  const rng = createRng("conjugate-kernel-mc");
  const d = 3, draws = 100_000;
  for (let rep = 0; rep < 3; rep++) {
    const x = Array.from({ length: d }, () => rng.normal()), z = Array.from({ length: d }, () => rng.normal());
    let s = 0, s2 = 0;
    for (let t = 0; t < draws; t++) {
      let u = rng.normal(), v = u;
      for (let k = 0; k < d; k++) {
        const a = rng.normal();
        u += a * x[k];
        v += a * z[k];
      }
      const p = Math.max(u, 0) * Math.max(v, 0);
      s += p;
      s2 += p * p;
    }
    const mean = s / draws, se = Math.sqrt((s2 / draws - mean * mean) / draws);
    assert.ok(Math.abs(mean - reluConjugateKernel(x, z)) < 5 * se, `${mean} vs ${reluConjugateKernel(x, z)}`);
  }
});

Deno.test("ridgePrimal (conjugate gradients) agrees with a direct solve within its certificate", () => {
  const rng = createRng("ridge-primal");
  const n = 7, m = 30, d = 2, lambda = 0.05;
  const x = Float64Array.from({ length: n * d }, () => rng.normal());
  const a = Float64Array.from({ length: m * d }, () => rng.normal());
  const b = Float64Array.from({ length: m }, () => rng.normal());
  const y = Float64Array.from({ length: n }, () => rng.normal());
  const phi = reluFeatureMatrix(x, n, d, a, b);
  const P = new Matrix(n, m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) P.set(i, j, phi[i * m + j]);
  const A = P.transpose().mmul(P).div(m).add(Matrix.eye(m).mul(n * lambda));
  const direct = solve(A, P.transpose().mmul(Matrix.columnVector(Array.from(y)))).getColumn(0);
  const cg = ridgePrimal(phi, n, m, y, lambda);
  const err = Math.hypot(...direct.map((v, j) => v - cg.x[j]));
  assert.ok(err <= cg.errorBound + 1e-12, `${err} > ${cg.errorBound}`);
  assert.ok(cg.errorBound < 1e-10);
  const k = kernelRidge(P.mmul(P.transpose()).div(m), y, lambda);
  assert.ok(k.errorBound < 1e-10);
});
