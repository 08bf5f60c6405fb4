import assert from "node:assert/strict";
import { features, firstVariation, objective, optimalityGap, productCoefficients } from "./torus_lasso.ts";
import { relativeEntropy, torusLasso } from "./torus_lasso.ts";

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
