import assert from "node:assert/strict";
import { dot } from "../numerics/linalg.ts";
import {
  angleTo,
  exponentialLoss,
  gappedSeparableData,
  gradientFlow,
  logisticMarginLoss,
  type MarginLoss,
  offsetDriftRate,
  predictedOffset,
  riskGradient,
  separatesStrictly,
} from "./linear_classifier.ts";
import { createRng } from "../numerics/random.ts";
import { maxMarginSvm } from "../numerics/svm.ts";

Deno.test("linear_classifier: each loss's derivative is the derivative of its value (central differences)", () => {
  for (const loss of [exponentialLoss, logisticMarginLoss]) {
    for (const z of [-3, -1, -0.2, 0.7, 2, 5]) {
      const h = 1e-5, fd = (loss.value(z + h) - loss.value(z - h)) / (2 * h);
      assert.ok(Math.abs(loss.derivative(z) - fd) < 1e-6 * Math.max(1, Math.abs(fd)), `${loss.name} at ${z}`);
    }
  }
  assert.equal(exponentialLoss.value(1), Math.exp(-1));
});

const data3 = { d: 2, x: Float64Array.of(1, 2, -0.5, 1, 2, -1), y: Float64Array.of(1, -1, 1) };
const risk = (loss: MarginLoss, w: number[]) =>
  [0, 1, 2].reduce((s, i) => s + loss.value(data3.y[i] * (w[0] * data3.x[2 * i] + w[1] * data3.x[2 * i + 1])), 0) / 3;

Deno.test("linear_classifier: riskGradient is the gradient of R = (1/n)Σℓ(yᵢwᵀxᵢ) (central differences)", () => {
  for (const loss of [exponentialLoss, logisticMarginLoss]) {
    for (const w of [[0.3, -0.4], [1, 2], [-2, 0.5]]) {
      const g = riskGradient(loss, data3, w), h = 1e-6;
      for (let k = 0; k < 2; k++) {
        const p = [...w], m = [...w];
        p[k] += h;
        m[k] -= h;
        const fd = (risk(loss, p) - risk(loss, m)) / (2 * h);
        assert.ok(Math.abs(g[k] - fd) < 1e-7 * Math.max(1, Math.abs(fd)), `${loss.name} ${w} [${k}]: ${g[k]} vs ${fd}`);
      }
    }
  }
});

Deno.test("linear_classifier: gradientFlow against closed forms (one point, exponential and logistic)", () => {
  const one = { d: 1, x: Float64Array.of(1), y: Float64Array.of(1) };
  const times = [0.5, 3, 40];
  // Exponential: w′ = e^{−w}, w(0) = 0, so w(t) = log(1 + t).
  const e = gradientFlow(exponentialLoss, one, Float64Array.of(0), times);
  times.forEach((t, k) => assert.ok(Math.abs(e.states[k][0] - Math.log1p(t)) < 1e-8, `${t}: ${e.states[k][0]}`));
  // Logistic: w′ = 1/(1 + e^w), w(0) = 0, so w + e^w = 1 + t.
  const l = gradientFlow(logisticMarginLoss, one, Float64Array.of(0), times);
  times.forEach((t, k) => {
    const w = l.states[k][0];
    assert.ok(Math.abs(w + Math.exp(w) - 1 - t) < 1e-8 * (1 + t), `${t}: ${w}`);
  });
  // x = 2, y = −1 from w(0) = 1: R = e^{2w}, w′ = −2e^{2w}, so e^{−2w} = e^{−2} + 4t.
  const neg = gradientFlow(
    exponentialLoss,
    { d: 1, x: Float64Array.of(2), y: Float64Array.of(-1) },
    Float64Array.of(1),
    [2],
  );
  assert.ok(Math.abs(neg.states[0][0] + 0.5 * Math.log(Math.exp(-2) + 8)) < 1e-8);
});

Deno.test("linear_classifier: predictedOffset by hand (d = 1: w(t) = ½log(1 + 4t) = ½log t + log 2 + o(1))", () => {
  // x = 2, y = 1, n = 1: ŵ = ½ = α·2 so α = ¼; e^{−2w̃} = α gives w̃ = log 2.
  const one = { d: 1, x: Float64Array.of(2), y: Float64Array.of(1) };
  const p = predictedOffset(one, [0.25]);
  assert.deepEqual(p.support, [0]);
  assert.ok(p.offset !== undefined && Math.abs(p.offset[0] - Math.LN2) < 1e-14 && p.condition === 1);
  // With the normalisation ½ instead of 1/n = 1: e^{−2w̃}/2 = ¼, w̃ = ½log 2.
  const half = predictedOffset(one, [0.25], 0.5);
  assert.ok(half.offset !== undefined && Math.abs(half.offset[0] - Math.LN2 / 2) < 1e-14);
  // Two points, n = 2, d = 2: x₁ = (2, 0), y₁ = 1 and x₂ = (0, −1), y₂ = −1, α = (½, ¼):
  // 2w̃₁ = −log(2·½) = 0, w̃₂ = −log(2·¼) = log 2.
  const two = { d: 2, x: Float64Array.of(2, 0, 0, -1), y: Float64Array.of(1, -1) };
  const q = predictedOffset(two, [0.5, 0.25]);
  assert.ok(q.offset !== undefined && Math.abs(q.offset[0]) < 1e-14 && Math.abs(q.offset[1] - Math.LN2) < 1e-14);
  assert.ok(Math.abs(q.condition - 2) < 1e-12);
  // One support vector in ℝ²: no offset (it depends on the trajectory).
  const r = predictedOffset(two, [0.5, 0]);
  assert.deepEqual([r.offset, r.support, r.condition], [undefined, [0], Infinity]);
  // Nearly parallel support vectors: condition ≥ 10⁸, no offset.
  const flat = predictedOffset({ d: 2, x: Float64Array.of(1, 0, 1, 1e-9), y: Float64Array.of(1, 1) }, [0.5, 0.5]);
  assert.ok(flat.offset === undefined && flat.condition >= 1e8);
});

Deno.test("linear_classifier: dot, angleTo, offsetDriftRate and separatesStrictly by hand", () => {
  assert.equal(dot([1, 2, 3], [4, -5, 6]), 12);
  const ex = Float64Array.of(1, 0);
  assert.ok(Math.abs(angleTo(Float64Array.of(1, 1), ex) - Math.PI / 4) < 1e-15);
  assert.ok(Math.abs(angleTo(Float64Array.of(0, 2), ex) - Math.PI / 2) < 1e-15);
  assert.equal(angleTo(Float64Array.of(-3, 0), ex), Math.PI);
  // r(t) = w(t) − ŵ log t moves by (3, 4) between t = 10 and t = 100: drift 5/log 10.
  const states = [Float64Array.of(Math.log(10), 0), Float64Array.of(Math.log(100) + 3, 4)];
  assert.ok(Math.abs(offsetDriftRate(states, [10, 100], ex) - 5 / Math.LN10) < 1e-14);
  // w = (1, 1), x = (1, −1 + δ): the computed margin δ is exact; the rounding bound is γ₂·(2 − δ) ≈ 8.9·10⁻¹⁶.
  const w = [1, 1],
    at = (delta: number, y: number) => separatesStrictly(Float64Array.of(1, -1 + delta), Float64Array.of(y), 2, w);
  assert.equal(at(2 ** -52, 1), false); // margin 2.2·10⁻¹⁶ is within the rounding bound
  assert.equal(at(2 ** -48, 1), true); // 3.6·10⁻¹⁵ is above it
  assert.equal(at(2 ** -48, -1), false); // the wrong side
  assert.equal(separatesStrictly(Float64Array.of(1, 0, 0, 1), Float64Array.of(1, 1), 2, [1, 1]), true);
  assert.equal(separatesStrictly(Float64Array.of(1, 0, 0, 1), Float64Array.of(1, -1), 2, [1, 1]), false);
});

Deno.test("linear_classifier: gappedSeparableData keeps support vectors and margins ≥ gap, max margin ≥ minDistance", () => {
  const rng = createRng("gapped");
  for (const [d, n, gap, minDistance] of [[2, 12, 1, 0], [3, 15, 1.3, 0], [2, 10, 1.1, 0.3]]) {
    const { data, dropped } = gappedSeparableData(rng, d, n, gap, minDistance);
    assert.equal(data.y.length + dropped, n);
    assert.equal(data.x.length, data.y.length * d);
    assert.ok(data.y.every((v) => v === 1 || v === -1));
    if (gap === 1) assert.equal(dropped, 0);
    const svm = maxMarginSvm(data.x, data.y, d);
    assert.ok(svm.margin >= minDistance - 1e-9, `margin ${svm.margin} < ${minDistance}`);
    // Every kept point is a support vector (normalised margin 1) or has normalised margin ≥ gap.
    for (let i = 0; i < data.y.length; i++) {
      const m = data.y[i] * dot(svm.w, data.x.slice(i * d, (i + 1) * d));
      assert.ok(Math.abs(m - 1) < 1e-6 || m >= gap - 1e-9, `point ${i}: normalised margin ${m}, gap ${gap}`);
    }
  }
});
