import assert from "node:assert/strict";
import { Adam, ADAM_DEFAULTS } from "./adam.ts";

Deno.test("ADAM: three steps on a scalar match the steps computed by hand from Algorithm 1", () => {
  // Gradients 2, −1, 3 (fixed, as if from a stochastic objective), defaults.
  const w = Float64Array.of(0.5), adam = new Adam(1);
  const gs = [2, -1, 3];
  // By hand: m₁ = 0.2, v₁ = 0.004; m₂ = 0.18 − 0.1 = 0.08, v₂ = 0.003996 + 0.001 = 0.004996;
  // m₃ = 0.072 + 0.3 = 0.372, v₃ = 0.004991004 + 0.009 = 0.013991004.
  const mHand = [0.2, 0.08, 0.372], vHand = [0.004, 0.004996, 0.013991004];
  let expected = 0.5;
  gs.forEach((g, k) => {
    adam.step(w, [g]);
    const t = k + 1;
    assert.ok(Math.abs(adam.m[0] - mHand[k]) < 1e-15, `m_${t}`);
    assert.ok(Math.abs(adam.v[0] - vHand[k]) < 1e-15, `v_${t}`);
    const mHat = mHand[k] / (1 - 0.9 ** t), vHat = vHand[k] / (1 - 0.999 ** t);
    expected -= 1e-3 * mHat / (Math.sqrt(vHat) + 1e-8);
    assert.ok(Math.abs(w[0] - expected) < 1e-15, `w_${t}`);
  });
});

Deno.test("ADAM agrees with the paper's efficient form α_t = α√(1 − β₂ᵗ)/(1 − β₁ᵗ), ε̂ = ε√(1 − β₂ᵗ)", () => {
  const P = 5, w = Float64Array.from({ length: P }, (_, q) => q - 2), ref = Float64Array.from(w);
  const adam = new Adam(P), m = new Float64Array(P), v = new Float64Array(P);
  const { lr, beta1, beta2, eps } = ADAM_DEFAULTS;
  for (let t = 1; t <= 50; t++) {
    const g = Float64Array.from(w, (x, q) => 2 * x * (q + 1) + Math.sin(t + q)); // gradient of Σ(q+1)x² plus drift
    const gRef = Float64Array.from(ref, (x, q) => 2 * x * (q + 1) + Math.sin(t + q));
    adam.step(w, g);
    const at = lr * Math.sqrt(1 - beta2 ** t) / (1 - beta1 ** t), epsHat = eps * Math.sqrt(1 - beta2 ** t);
    for (let q = 0; q < P; q++) {
      m[q] = beta1 * m[q] + (1 - beta1) * gRef[q];
      v[q] = beta2 * v[q] + (1 - beta2) * gRef[q] ** 2;
      ref[q] -= at * m[q] / (Math.sqrt(v[q]) + epsHat);
    }
  }
  for (let q = 0; q < P; q++) assert.ok(Math.abs(w[q] - ref[q]) <= 1e-12 * (1 + Math.abs(ref[q])), `component ${q}`);
});

Deno.test("ADAM's step is invariant under rescaling a component's gradient (up to ε)", () => {
  // The property Remark 11.29 rests on: each component is scaled individually.
  const a = Float64Array.of(1, 1), b = Float64Array.of(1, 1);
  const A = new Adam(2), B = new Adam(2);
  for (let t = 0; t < 20; t++) {
    const g = [Math.cos(t), 0.3 + Math.sin(t)];
    A.step(a, g);
    B.step(b, [1000 * g[0], 0.001 * g[1]]);
  }
  assert.ok(Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-6);
});
