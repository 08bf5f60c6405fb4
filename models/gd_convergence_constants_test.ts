import assert from "node:assert/strict";
import { certifiedSineConstants, sampledConstants } from "./gd_convergence_constants.ts";
import { SinePerturbedLinear } from "./sine_perturbed_linear.ts";
import { Matrix } from "../numerics/linalg.ts";
import { createRng } from "../numerics/random.ts";

Deno.test("certifiedSineConstants: the linear model's constants, and (11.4.3)'s r and bound", () => {
  const model = new SinePerturbedLinear([Float64Array.of(3, 4)], Matrix.eye(2), 0);
  const k = certifiedSineConstants(model, [0, 0], [2]);
  assert.ok(Math.abs(k.lambdaMin - 25) < 1e-12 && Math.abs(k.lambdaMax - 25) < 1e-12);
  assert.ok(k.lambdaMin <= 25 && 25 <= k.lambdaMax); // widened outwards
  assert.equal(k.l, 0);
  assert.ok(k.u >= 5 && k.u - 5 < 1e-12);
  assert.equal(k.f0, 4);
  assert.ok(Math.abs(k.r - (2 * k.u * 2) / k.lambdaMin) < 1e-15);
});

Deno.test("sampledConstants never exceeds the sine model's certified U and L", () => {
  const rng = createRng(4);
  const model = new SinePerturbedLinear([Float64Array.of(0.6, -0.3), Float64Array.of(0.2, 0.9)], Matrix.eye(2), 0.4);
  const w0 = Float64Array.of(0.5, -1), y = Float64Array.of(0, 1);
  const certified = certifiedSineConstants(model, w0, y), sampled = sampledConstants(rng, model, w0, y);
  assert.ok(sampled.u <= certified.u && sampled.l <= certified.l && sampled.l > 0);
  assert.equal(sampled.f0, certified.f0);
});

Deno.test("convergence constants: r and the bound of (11.4.3) with m = 2, the slack on U and L, the sampled λ's", () => {
  const model = new SinePerturbedLinear([Float64Array.of(0.6, -0.3), Float64Array.of(0.2, 0.9)], Matrix.eye(2), 0.4);
  const w0 = Float64Array.of(0.5, -1), y = Float64Array.of(0, 1), m = 2, n = 2;
  const k = certifiedSineConstants(model, w0, y);
  const slack = 1 + 8 * (n + 2) * Number.EPSILON;
  assert.equal(k.u, model.gradientBound() * slack);
  assert.equal(k.l, model.lipschitzBound() * slack);
  const out = model.outputs(w0), f0 = (out[0] - y[0]) ** 2 + (out[1] - y[1]) ** 2;
  assert.ok(Math.abs(k.f0 - f0) < 1e-15);
  assert.ok(Math.abs(k.r - (2 * Math.sqrt(m) * k.u * Math.sqrt(f0)) / k.lambdaMin) < 1e-13 * k.r);
  assert.ok(Math.abs(k.lBound - k.lambdaMin ** 2 / (12 * m ** 1.5 * k.u ** 2 * Math.sqrt(f0))) < 1e-13 * k.lBound);
  // The Gram matrix's eigenvalues, enclosed: [λ_min, λ_max] contains those of JJᵀ (computed here by hand for 2×2).
  const j = model.jacobian(w0);
  const a = j[0][0] ** 2 + j[0][1] ** 2, c = j[1][0] ** 2 + j[1][1] ** 2, b = j[0][0] * j[1][0] + j[0][1] * j[1][1];
  const mid = (a + c) / 2, rad = Math.sqrt(((a - c) / 2) ** 2 + b * b);
  assert.ok(k.lambdaMin <= mid - rad && mid - rad - k.lambdaMin < 1e-12);
  assert.ok(k.lambdaMax >= mid + rad && k.lambdaMax - mid - rad < 1e-12);
  // The sampled constants: the same λ's (not enclosed), f₀, r and bound from the sampled U.
  const s = sampledConstants(createRng(6), model, w0, y);
  assert.ok(Math.abs(s.lambdaMin - (mid - rad)) < 1e-12 && Math.abs(s.lambdaMax - (mid + rad)) < 1e-12);
  assert.ok(s.u >= Math.max(Math.hypot(...j[0]), Math.hypot(...j[1])));
  assert.ok(Math.abs(s.r - (2 * Math.sqrt(m) * s.u * Math.sqrt(f0)) / s.lambdaMin) < 1e-13 * s.r);
  assert.ok(Math.abs(s.lBound - s.lambdaMin ** 2 / (12 * m ** 1.5 * s.u ** 2 * Math.sqrt(f0))) < 1e-13 * s.lBound);
  // A linear model (β = 0) has L = 0 and U = max‖xᵢ‖ exactly when sampled.
  const lin = {
    beta: 0,
    outputs: (w: ArrayLike<number>) => Float64Array.of(3 * w[0] + 4 * w[1]),
    jacobian: () => [Float64Array.of(3, 4)],
  };
  const sl = sampledConstants(createRng(1), lin, Float64Array.of(0, 0), Float64Array.of(1));
  assert.deepEqual([sl.u, sl.l, sl.f0, sl.lambdaMin], [5, 0, 1, 25]);
});
