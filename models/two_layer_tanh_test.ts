import assert from "node:assert/strict";
import { TwoLayerTanh } from "./two_layer_tanh.ts";
import { lanczosTop } from "../numerics/lanczos.ts";
import { symmetricEigen } from "../numerics/linalg.ts";
import { createRng } from "../numerics/random.ts";
import { centralGradient, matrixFromProducts } from "../numerics/finite_differences.ts";

function setup() {
  const rng = createRng("tanh-net");
  const net = new TwoLayerTanh(5, 3), n = 7;
  const data = {
    d: 3,
    x: Float64Array.from({ length: n * 3 }, () => rng.normal()),
    y: Float64Array.from({ length: n }, () => rng.normal()),
  };
  const theta = Float64Array.from({ length: net.parameterCount }, () => rng.normal());
  return { rng, net, data, theta };
}

Deno.test("gradient matches central differences of the loss", () => {
  const { net, data, theta } = setup();
  const g = new Float64Array(theta.length);
  net.gradient(theta, data, g);
  // Central differences: truncation O(h²·L‴) ≈ 1e-12, rounding O(ε·L/h) ≈ 1e-10.
  const fd = centralGradient((w) => net.loss(w, data), theta, 1e-6);
  for (let q = 0; q < theta.length; q++) {
    assert.ok(Math.abs(fd[q] - g[q]) < 1e-7, `component ${q}: ${fd[q]} vs ${g[q]}`);
  }
});

Deno.test("Hessian-vector products match central differences of the gradient", () => {
  const { rng, net, data, theta } = setup();
  const P = theta.length, delta = Float64Array.from({ length: P }, () => rng.normal());
  const hv = new Float64Array(P), gp = new Float64Array(P), gm = new Float64Array(P);
  net.hessianVector(theta, data, delta, hv);
  const h = 1e-5;
  net.gradient(theta.map((v, q) => v + h * delta[q]), data, gp);
  net.gradient(theta.map((v, q) => v - h * delta[q]), data, gm);
  for (let q = 0; q < P; q++) {
    const fd = (gp[q] - gm[q]) / (2 * h);
    assert.ok(Math.abs(fd - hv[q]) < 1e-6, `component ${q}: ${fd} vs ${hv[q]}`);
  }
});

Deno.test("Lanczos top eigenvalue equals the top eigenvalue of the assembled Hessian", () => {
  const { rng, net, data, theta } = setup();
  const P = theta.length, H = matrixFromProducts(P, (e, col) => net.hessianVector(theta, data, e, col));
  const exact = symmetricEigen(H).values[0];
  const top = lanczosTop(
    (v, o) => net.hessianVector(theta, data, v, o),
    Float64Array.from({ length: P }, () => rng.normal()),
    P,
  );
  assert.ok(Math.abs(top.value - exact) <= 1e-10 * Math.abs(exact), `${top.value} vs ${exact}`);
  assert.ok(top.residual <= 1e-8 * Math.abs(exact));
});

Deno.test("the forward pass reused across Hessian-vector products follows θ when it changes in place", () => {
  const { rng, net, data, theta } = setup();
  const delta = Float64Array.from({ length: theta.length }, () => rng.normal());
  const hv = new Float64Array(theta.length), fresh = new Float64Array(theta.length);
  net.hessianVector(theta, data, delta, hv); // fills the cache at θ
  theta[0] += 0.5; // GD updates θ in place
  net.hessianVector(theta, data, delta, hv);
  new TwoLayerTanh(5, 3).hessianVector(theta, data, delta, fresh);
  assert.deepEqual(hv, fresh);
  const g = new Float64Array(theta.length);
  assert.equal(net.gradient(theta, data, g), net.loss(theta, data)); // same forward pass as `residuals`
});

Deno.test("two-layer tanh: residuals (1/√h)Σvₖtanh(uₖ·x) − y, the loss, and gradient's returned loss, by hand", () => {
  // h = 4, d = 2, x = (1, −1), (0.5, 2): f = ½Σvₖtanh(uₖ·x).
  const net = new TwoLayerTanh(4, 2), data = { d: 2, x: Float64Array.of(1, -1, 0.5, 2), y: Float64Array.of(0.2, -0.3) };
  const theta = Float64Array.of(1, 0, 0, 1, 1, 1, -2, 0.5, 1, -1, 2, 0.5);
  const f = (x0: number, x1: number) =>
    0.5 * (Math.tanh(x0) - Math.tanh(x1) + 2 * Math.tanh(x0 + x1) + 0.5 * Math.tanh(-2 * x0 + 0.5 * x1));
  const r = net.residuals(theta, data), want = [f(1, -1) - 0.2, f(0.5, 2) + 0.3];
  want.forEach((v, i) => assert.ok(Math.abs(r[i] - v) < 1e-15, `${i}: ${r[i]} vs ${v}`));
  const loss = (want[0] ** 2 + want[1] ** 2) / 4;
  assert.ok(Math.abs(net.loss(theta, data) - loss) < 1e-15);
  assert.equal(net.gradient(theta, data, new Float64Array(12)), net.loss(theta, data));
  assert.equal(net.parameterCount, 12);
});
