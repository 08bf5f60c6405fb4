import assert from "node:assert/strict";
import { features, firstVariation, objective, optimalityGap, productCoefficients } from "./torus_lasso.ts";
import { relativeEntropy, residual, torusLasso } from "./torus_lasso.ts";

Deno.test("productCoefficients reproduces Π(1 − cos(θ − θⱼ)) pointwise", () => {
  const thetas = [0.3, 2.1, 4.4];
  const c = productCoefficients(thetas);
  for (const th of [0, 0.7, 1.9, 3.3, 5.8]) {
    const direct = thetas.reduce((a, t) => a * (1 - Math.cos(th - t)), 1);
    const series = features(th, 3).reduce((a, v, k) => a + v * c[k], 0);
    assert.ok(Math.abs(direct - series) < 1e-14, `${th}: ${direct} vs ${series}`);
  }
});

Deno.test("torusLasso: J′ at ν* is λ(1 − η) (0 on the spikes, ≥ 0 elsewhere), and the gap formula matches J − J*", () => {
  const N = 128, p = torusLasso(N, [5, 40, 90], [0.7, 0.3, 1.1], 0.3, 0.05);
  const star = new Float64Array(N);
  p.spikes.forEach((i, j) => star[i] = p.weights[j]);
  const g = firstVariation(p, star);
  for (let i = 0; i < N; i++) {
    assert.ok(Math.abs(g[i] - p.lambda * (1 - p.eta[i])) < 1e-13);
    assert.ok(p.eta[i] <= 1);
  }
  const nu = Float64Array.from({ length: N }, (_, i) => 0.01 * (1 + Math.sin(i)));
  assert.ok(Math.abs(objective(p, nu) - objective(p, star) - optimalityGap(p, nu)) < 1e-13);
});

Deno.test("relativeEntropy: 0 at μ, the generalised KL of scaled measures", () => {
  assert.equal(relativeEntropy([0.2, 0.3], [0.2, 0.3]), 0);
  // H(2μ, μ) = 2 log 2 · μ(T) − μ(T).
  assert.ok(Math.abs(relativeEntropy([0.4, 0.6], [0.2, 0.3]) - (Math.log(2) - 0.5)) < 1e-15);
});

Deno.test("torus_lasso: features, q, b, residual, J* and the gap's two terms by hand", () => {
  const f = features(Math.PI / 2, 2);
  [1, 0, 1, -1, 0].forEach((v, k) => assert.ok(Math.abs(f[k] - v) < 1e-15, `${k}: ${f[k]}`));
  assert.equal(features(1.3, 0).length, 1);
  const N = 32, lambda = 0.25, c = 0.1, p = torusLasso(N, [3, 20], [0.6, 1.4], lambda, c);
  assert.deepEqual([p.K, p.N, p.phi.length, p.lambda, p.c], [2, 32, 32 * 5, lambda, c]);
  // η from q in the feature basis equals the product form η = 1 − c·Π(1 − cos(θ − θⱼ)), and η = 1 at the spikes.
  for (let i = 0; i < N; i++) {
    const th = (2 * Math.PI * i) / N, fromQ = features(th, 2).reduce((s, v, k) => s + v * p.q[k], 0);
    const prod = 1 - c * (1 - Math.cos(th - (2 * Math.PI * 3) / N)) * (1 - Math.cos(th - (2 * Math.PI * 20) / N));
    assert.ok(Math.abs(fromQ - prod) < 1e-14 && Math.abs(p.eta[i] - prod) < 1e-15, `${i}`);
  }
  assert.ok(Math.abs(p.eta[3] - 1) < 1e-15 && Math.abs(p.eta[20] - 1) < 1e-15);
  // b = Aν* + λq.
  const want = features((2 * Math.PI * 3) / N, 2).map((v, k) =>
    0.6 * v + 1.4 * features((2 * Math.PI * 20) / N, 2)[k] + lambda * p.q[k]
  );
  want.forEach((v, k) => assert.ok(Math.abs(p.b[k] - v) < 1e-14));
  // ν = 0: residual −b, J = ½‖b‖², J′ = λ − ⟨φ, b⟩.
  const zero = new Float64Array(N);
  assert.deepEqual(Array.from(residual(p, zero)), Array.from(p.b, (v) => -v));
  const bb = p.b.reduce((s, v) => s + v * v, 0);
  assert.ok(Math.abs(objective(p, zero) - 0.5 * bb) < 1e-14);
  const fv = firstVariation(p, zero);
  for (const i of [0, 7]) {
    const dot = features((2 * Math.PI * i) / N, 2).reduce((s, v, k) => s + v * p.b[k], 0);
    assert.ok(Math.abs(fv[i] - (lambda - dot)) < 1e-14);
  }
  // J* = ½λ²‖q‖² + λΣwⱼ at ν*, where the gap vanishes; a unit mass moved off the spikes costs λ(1 − η) + ½‖A(ν − ν*)‖².
  const star = new Float64Array(N);
  star[3] = 0.6;
  star[20] = 1.4;
  const qq = p.q.reduce((s, v) => s + v * v, 0);
  assert.ok(Math.abs(objective(p, star) - (0.5 * lambda ** 2 * qq + lambda * 2)) < 1e-14);
  assert.ok(Math.abs(optimalityGap(p, star)) < 1e-28);
  const moved = Float64Array.from(star);
  moved[10] = 1;
  const a10 = features((2 * Math.PI * 10) / N, 2).reduce((s, v) => s + v * v, 0); // ‖φ(θ₁₀)‖² = 1 + K = 3
  assert.ok(Math.abs(optimalityGap(p, moved) - (lambda * (1 - p.eta[10]) + 0.5 * a10)) < 1e-13);
  assert.ok(Math.abs(a10 - 3) < 1e-14);
  // 0·log 0 = 0: H(ν, μ) = μᵢ where νᵢ = 0.
  assert.ok(Math.abs(relativeEntropy([0, 0.5], [0.2, 0.5]) - 0.2) < 1e-16);
});
