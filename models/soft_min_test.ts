import assert from "node:assert/strict";
import { margins, separableData, softMin, softMinFlow, softMinGradient, softMinWeights } from "./soft_min.ts";
import { createRng } from "../numerics/random.ts";

const data = { d: 2, x: Float64Array.of(1, 0.5, -0.3, 2, 0.7, -1), y: Float64Array.of(1, -1, 1) };

Deno.test("softMinGradient is the gradient of F_β (central differences)", () => {
  const v = [0.4, -0.2], h = 1e-5;
  for (const beta of [0.5, 2, 10]) {
    const g = softMinGradient(beta, data, v);
    for (let k = 0; k < 2; k++) {
      const up = [...v], dn = [...v];
      up[k] += h;
      dn[k] -= h;
      const fd = (softMin(beta, margins(data, up)) - softMin(beta, margins(data, dn))) / (2 * h);
      assert.ok(Math.abs(fd - g[k]) < 1e-8, `β = ${beta}, k = ${k}: ${fd} vs ${g[k]}`);
    }
  }
});

Deno.test("softMin is the printed formula where it does not overflow, and min z for huge β", () => {
  const z = [0.3, -0.1, 2];
  const printed = -Math.log(z.reduce((a, v) => a + Math.exp(-3 * v), 0) / 3) / 3;
  assert.ok(Math.abs(softMin(3, z) - printed) < 1e-15);
  assert.ok(Math.abs(softMin(1e6, z) - (-0.1 + Math.log(3) / 1e6)) < 1e-15);
});

Deno.test("softMinFlow: two orthogonal points with one label, w′ = softmax-weighted sum, symmetric start", () => {
  // x₁ = e₁, x₂ = e₂, y = +1, w₀ = 0: by symmetry w(t) = (s(t), s(t)) with s′ = 1/2, so w(t) = (t/2, t/2).
  const two = { d: 2, x: Float64Array.of(1, 0, 0, 1), y: Float64Array.of(1, 1) };
  const sol = softMinFlow(two, Float64Array.of(0, 0), [4]);
  assert.ok(Math.abs(sol.states[0][0] - 2) < 1e-9 && Math.abs(sol.states[0][1] - 2) < 1e-9);
});

Deno.test("soft_min: margins and weights by hand, an asymmetric flow in closed form, separableData's guarantees", () => {
  assert.deepEqual(Array.from(margins({ d: 2, x: Float64Array.of(1, 0, 0, 2), y: Float64Array.of(1, -1) }, [3, 1])), [
    3,
    -2,
  ]);
  // p ∝ e^{−βz}: β = log 3, z = (0, 1) gives (3/4, 1/4).
  const p = softMinWeights(Math.log(3), [0, 1]);
  assert.ok(Math.abs(p[0] - 0.75) < 1e-15 && Math.abs(p[1] - 0.25) < 1e-15);
  const big = softMinWeights(2, [1000, 1001, 1000]); // shifted by the minimum: no overflow
  assert.ok(Math.abs(big[0] - big[2]) < 1e-15 && Math.abs(big[0] + big[1] + big[2] - 1) < 1e-15 && big[1] < big[0]);
  // z = (0, a): F_β = −(1/β)·log((1 + e^{−βa})/2).
  assert.ok(Math.abs(softMin(2, [0, 1.5]) + Math.log((1 + Math.exp(-3)) / 2) / 2) < 1e-15);
  assert.ok(Math.abs(softMin(2, [1.5, 0]) - softMin(2, [0, 1.5])) < 1e-15);
  // One point x = 2, y = −1 from w₀ = 1: F₁ = −2w, so w′ = −2 and w(t) = 1 − 2t.
  const sol = softMinFlow({ d: 1, x: Float64Array.of(2), y: Float64Array.of(-1) }, Float64Array.of(1), [0.5, 3]);
  assert.ok(Math.abs(sol.states[0][0]) < 1e-10 && Math.abs(sol.states[1][0] + 5) < 1e-9);
  // Two points x = 1, 2 with y = 1 in d = 1: w′ = (e^{−w} + 2e^{−2w})/(e^{−w} + e^{−2w}) = (eʷ + 2)/(eʷ + 1), so
  // t = G(w(t)) with G(w) = ∫₀ʷ (1 − 1/(eˢ + 2))ds = w/2 + ½·log((eʷ + 2)/3) (as ∫ds/(eˢ + 2) = ½(s − log(eˢ + 2))).
  const two = softMinFlow({ d: 1, x: Float64Array.of(1, 2), y: Float64Array.of(1, 1) }, Float64Array.of(0), [2]);
  const w = two.states[0][0];
  assert.ok(Math.abs(w / 2 + 0.5 * Math.log((Math.exp(w) + 2) / 3) - 2) < 1e-9, `${w}`);
  // separableData: unit u, labels ±1, every margin yᵢuᵀxᵢ ≥ γ₀.
  const { data: sep, u } = separableData(createRng("sep"), 40, 3, 0.5);
  assert.ok(Math.abs(Math.hypot(...u) - 1) < 1e-15 && sep.y.every((v) => v === 1 || v === -1));
  const m = margins(sep, u);
  assert.ok(m.every((v) => v >= 0.5 - 1e-12) && Math.min(...m) < 0.6, `${Math.min(...m)}`);
  assert.ok(sep.y.some((v) => v === 1) && sep.y.some((v) => v === -1));
});
