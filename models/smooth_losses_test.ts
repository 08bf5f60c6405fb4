import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { createRng } from "../numerics/random.ts";
import { EPS, gaussianMatrix, Matrix, matrixWithSingularValues } from "../numerics/linalg.ts";
import { linearRegressionLoss, logisticLoss, quadraticLoss, type SmoothLoss } from "./smooth_losses.ts";

function finiteDifference(l: SmoothLoss, w: Float64Array, h = 1e-6): Float64Array {
  return w.map((_, i) => {
    const p = Float64Array.from(w), m = Float64Array.from(w);
    p[i] += h;
    m[i] -= h;
    return (l.loss(p) - l.loss(m)) / (2 * h);
  });
}

const rng = createRng("smooth-losses");
const x = gaussianMatrix(rng, 6, 4);
const y = Float64Array.from({ length: 6 }, (_, i) => (i % 2 ? 1 : -1));
const w = Float64Array.from({ length: 4 }, () => rng.normal());
const a = matrixWithSingularValues(rng, 4, 4, [3, 2, 1, 0.5]);
const families: SmoothLoss[] = [
  quadraticLoss(a.transpose().mmul(a)),
  linearRegressionLoss(x, Float64Array.from({ length: 6 }, () => rng.normal())),
  logisticLoss(x, y),
];

for (const l of families) {
  Deno.test(`${l.family}: closed-form gradient matches central finite differences (float64)`, () => {
    const g = l.gradient(w), fd = finiteDifference(l, w);
    // Central differences err by O(h²·L‴) + O(ε·|L|/h): 1e-6 relative is generous for h = 1e-6.
    g.forEach((v, i) => assert.ok(Math.abs(v - fd[i]) <= 1e-6 * (1 + Math.abs(v)), `${i}: ${v} vs ${fd[i]}`));
  });
}

Deno.test("logistic regression: gradient matches tfjs autodiff (float32)", () => {
  const l = logisticLoss(x, y);
  const grad = tf.tidy(() => {
    const xt = tf.tensor2d(x.to2DArray()), yt = tf.tensor1d(Array.from(y));
    const f = (wt: tf.Tensor) =>
      tf.sum(tf.softplus(tf.neg(tf.mul(yt, tf.matMul(xt, wt.reshape([4, 1])).reshape([6])))));
    return Array.from(tf.grad(f)(tf.tensor1d(Array.from(w))).dataSync());
  });
  const g = l.gradient(w);
  // float32: relative rounding 2^-24 per operation over ~10 operations per entry.
  g.forEach((v, i) => assert.ok(Math.abs(v - grad[i]) <= 1e-5 * (1 + Math.abs(v)), `${i}: ${v} vs ${grad[i]}`));
});

Deno.test("certified β bounds the observed gradient Lipschitz ratio; a β that is too small is exposed", () => {
  for (const l of families) {
    let worst = 0;
    for (let k = 0; k < 200; k++) {
      const u = Float64Array.from({ length: 4 }, () => 3 * rng.normal());
      const v = Float64Array.from({ length: 4 }, () => 3 * rng.normal());
      const gu = l.gradient(u), gv = l.gradient(v);
      let num = 0, den = 0;
      for (let i = 0; i < 4; i++) {
        num += (gu[i] - gv[i]) ** 2;
        den += (u[i] - v[i]) ** 2;
      }
      worst = Math.max(worst, Math.sqrt(num / den));
    }
    assert.ok(worst <= l.beta, `${l.family}: ${worst} > β = ${l.beta}`);
    if (l.family !== "logistic regression") assert.ok(worst > 0.5 * l.beta, `${l.family}: β far from attained`);
  }
});

Deno.test("β is at least the exact λ_max inflated by the documented 1 + 64·n·ε (A = diag(2, 1), X = diag(1, 3))", () => {
  // λ_max(diag(2, 1)) = 2 and s_max(diag(1, 3))² = 9 exactly; the documented inflation is value·(1 + 64nε) (at least).
  const q = quadraticLoss(new Matrix([[2, 0], [0, 1]]));
  assert.ok(q.beta >= 2 * (1 + 64 * 2 * EPS), `${q.beta}`);
  const l = linearRegressionLoss(new Matrix([[1, 0], [0, 3]]), [0, 0]);
  assert.ok(l.beta >= 9 * (1 + 64 * 2 * EPS), `${l.beta}`);
  // Logistic: a quarter of the same inflated value.
  const g = logisticLoss(new Matrix([[1, 0], [0, 3]]), [1, -1]);
  assert.ok(g.beta >= (9 / 4) * (1 + 64 * 2 * EPS) && g.beta < (9 / 4) * (1 + 1e-10), `${g.beta}`);
});

Deno.test("magnitude: the absolute terms summed in L, by hand (quadratic, linear and logistic regression)", () => {
  // Quadratic ½wᵀAw, A = [[1, −2], [−2, 3]], w = (1, 1): ½(|1| + 2·|−2| + |3|) = 4 (the loss itself is 0).
  const q = quadraticLoss(new Matrix([[1, -2], [-2, 3]]));
  assert.equal(q.magnitude([1, 1]), 4);
  // Linear regression X = diag(1, 3), y = (1, 2), w = (2, 1): r = ±(1, 1), Σ(rᵢ² + yᵢ²) = 2 + 5, and
  // Σ|(XᵀX)ᵢⱼwᵢwⱼ| = 1·4 + 9·1 = 13: 20 in all.
  const l = linearRegressionLoss(new Matrix([[1, 0], [0, 3]]), [1, 2]);
  assert.equal(l.magnitude([2, 1]), 20);
  // Logistic X = diag(1, 3), y = (1, −1), w = (2, 1): margins 2 and −3, Σ(|mᵢ| + ln 2) = 5 + 2 ln 2.
  const g = logisticLoss(new Matrix([[1, 0], [0, 3]]), [1, -1]);
  assert.ok(Math.abs(g.magnitude([2, 1]) - (5 + 2 * Math.LN2)) < 1e-14);
});
