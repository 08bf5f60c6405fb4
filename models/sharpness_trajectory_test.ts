import assert from "node:assert/strict";
import { type HessianVector, trainWithSharpness } from "./sharpness_trajectory.ts";
import { TwoLayerTanh } from "./two_layer_tanh.ts";
import { symmetricEigen } from "../numerics/linalg.ts";
import { matrixFromProducts } from "../numerics/finite_differences.ts";

const net = new TwoLayerTanh(2, 1), data = { d: 1, x: Float64Array.of(1, -1), y: Float64Array.of(0.5, 0) };
const theta0 = Float64Array.of(0.3, -0.2, 0, 0, 0.5, 0.1, 0);
const hvp: HessianVector = (n, t, d, a, o) => n.hessianVector(t, d, a, o);

/** The top eigenvalue of the Hessian assembled column by column from Hessian-vector products. */
function topEigenvalue(theta: Float64Array): number {
  const h = matrixFromProducts(theta.length, (e, col) => net.hessianVector(theta, data, e, col));
  return symmetricEigen(h.add(h.transpose()).mul(0.5)).values[0];
}

Deno.test("trainWithSharpness: the losses of plain GD at every step, the sharpness of the full Hessian every `every` steps", () => {
  const eta = 0.1, steps = 12, every = 4;
  const tr = trainWithSharpness({ net, data, theta0, eta, steps, start: new Float64Array(7).fill(1) }, hvp, every, 7);
  // GD by hand: θ ← θ − η∇L, the loss recorded before each step and after the last.
  const theta = Float64Array.from(theta0), g = new Float64Array(7), losses: number[] = [], thetas: Float64Array[] = [];
  for (let s = 0; s <= steps; s++) {
    losses.push(net.gradient(theta, data, g));
    thetas.push(Float64Array.from(theta));
    if (s < steps) { for (let q = 0; q < 7; q++) theta[q] -= eta * g[q]; }
  }
  assert.deepEqual(tr.losses, losses);
  assert.deepEqual(tr.sharpSteps, [0, 4, 8, 12]);
  // Lanczos with as many steps as parameters: the top eigenvalue to rounding.
  tr.sharpSteps.forEach((s, k) => {
    const want = topEigenvalue(thetas[s]);
    assert.ok(Math.abs(tr.sharpness[k] - want) < 1e-9 * Math.abs(want), `step ${s}: ${tr.sharpness[k]} vs ${want}`);
  });
  assert.ok(tr.maxRelResidual >= 0 && tr.maxRelResidual < 1e-6);
});

Deno.test("trainWithSharpness: a wrong Hessian-vector product changes the sharpness; divergence throws", () => {
  const run = { net, data, theta0, eta: 0.1, steps: 4, start: new Float64Array(7).fill(1) };
  const right = trainWithSharpness(run, hvp, 2, 7);
  const doubled = trainWithSharpness(
    run,
    (n, t, d, a, o) => {
      n.hessianVector(t, d, a, o);
      for (let q = 0; q < o.length; q++) o[q] *= 2;
    },
    2,
    7,
  );
  assert.deepEqual(doubled.losses, right.losses);
  doubled.sharpness.forEach((v, k) => assert.ok(Math.abs(v - 2 * right.sharpness[k]) < 1e-9 * Math.abs(v)));
  // Sharpness at step 0 only; the huge step overflows θ afterwards.
  assert.throws(() => trainWithSharpness({ ...run, eta: 1e300, steps: 6 }, hvp, 100, 3), /GD diverged at step/);
});
