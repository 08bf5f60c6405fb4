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

Deno.test("ridgePrimal: the certified bound covers the distance from 2/5 to the nearest double", () => {
  // (φ² + λ)g = φy with φ = 2, y = 1, λ = 1: g* = 2/5, which no double equals; the nearest,
  // 3602879701896397/2⁵³, is 1/(5·2⁵³) away, so any computed g is at least that far from g*.
  const s = ridgePrimal(Float64Array.of(2), 1, 1, Float64Array.of(1), 1);
  assert.equal(3602879701896397 / 2 ** 53, 0.4);
  assert.ok(s.errorBound >= 1 / (5 * 2 ** 53), `${s.errorBound}`);
  assert.ok(s.errorBound < 1e-14);
});

Deno.test("reluConjugateKernel: on the diagonal it is ‖(x, 1)‖²/2, also where the rounded cosine exceeds 1", () => {
  // x = (1, 1): ‖(x, 1)‖² = 3, and 3/(√3·√3) rounds to 1 + 2⁻⁵²: the cosine must be clamped to 1 (θ = 0).
  assert.ok(3 / (Math.sqrt(3) * Math.sqrt(3)) > 1);
  assert.ok(Math.abs(reluConjugateKernel([1, 1], [1, 1]) - 1.5) < 1e-15);
  assert.ok(Math.abs(reluConjugateKernel([2, -1, 0.5], [2, -1, 0.5]) - (1 + 4 + 1 + 0.25) / 2) < 1e-14);
});

Deno.test("reluConjugateKernel: nearly antipodal (x, 1), (−x, 1) where the rounded cosine is below −1: finite, ≥ 0", () => {
  // For x = (−6.59…, 1.78·10⁸) the computed cosine is −1 − 2⁻⁵²; it must be clamped to −1 (acos would give NaN).
  const x = [-6.590989718445415, 177552255.08490935], z = x.map((v) => -v);
  const k = reluConjugateKernel(x, z);
  // An integral of a product of two ReLUs: nonnegative, and ≤ the diagonal bound ‖(x, 1)‖‖(z, 1)‖/2.
  assert.ok(Number.isFinite(k) && k >= 0 && k <= (1 + x[0] ** 2 + x[1] ** 2) / 2, `${k}`);
});
