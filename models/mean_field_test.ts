import assert from "node:assert/strict";
import { MeanFieldNetwork, trainFlow } from "./mean_field.ts";
import { integrate } from "../numerics/ode.ts";
import { relu, softplus } from "./activation.ts";
import { createRng } from "../numerics/random.ts";
import { centralGradient } from "../numerics/finite_differences.ts";

Deno.test("mean-field velocity is −m times the gradient of F_m (central differences, smooth σ)", () => {
  const rng = createRng("mean-field-velocity");
  const m = 4, d = 3, n = 5;
  const net = new MeanFieldNetwork(m, d, softplus);
  const data = {
    d,
    n,
    x: Float64Array.from({ length: n * d }, () => rng.normal()),
    y: Float64Array.from({ length: n }, () => rng.normal()),
  };
  const w = Float64Array.from({ length: net.parameterCount }, () => rng.normal());
  const v = new Float64Array(w.length);
  net.velocity(w, data, v);
  // Central differences: error O(h²·F‴) ≈ 1e-10 here, far below 1e-7.
  const grad = centralGradient((u) => net.loss(u, data), w, 1e-5);
  for (let q = 0; q < w.length; q++) {
    assert.ok(Math.abs(-m * grad[q] - v[q]) < 1e-7, `component ${q}: ${-m * grad[q]} vs ${v[q]}`);
  }
});

Deno.test("velocity's forward pass agrees with loss() to the bit", () => {
  const rng = createRng("mean-field-forward");
  for (const m of [1, 3, 24]) {
    const net = new MeanFieldNetwork(m, 2), n = 9;
    const data = {
      d: 2,
      n,
      x: Float64Array.from({ length: n * 2 }, () => rng.normal()),
      y: Float64Array.from({ length: n }, () => rng.normal()),
    };
    const w = Float64Array.from({ length: net.parameterCount }, () => rng.normal());
    assert.equal(net.velocity(w, data, new Float64Array(w.length)), net.loss(w, data));
  }
});

Deno.test("trainFlow: F recorded at t = 0, every·h, 2·every·h, …, T; RK4 states match an adaptive integration", () => {
  const rng = createRng("mean-field-train-flow");
  const m = 3, d = 2, n = 4, h = 0.01, steps = 20, every = 5;
  const net = new MeanFieldNetwork(m, d, softplus);
  const data = {
    d,
    n,
    x: Float64Array.from({ length: n * d }, () => rng.normal()),
    y: Float64Array.from({ length: n }, () => rng.normal()),
  };
  const w0 = Float64Array.from({ length: net.parameterCount }, () => rng.normal());
  const c = trainFlow(net, data, w0, h, steps, every);
  assert.deepEqual(c.times, [0, 5, 10, 15, 20].map((s) => s * h));
  // The reference: dw/dt = velocity(w) by the adaptive extrapolation integrator (tolerance 1e-12).
  const field = (_t: number, w: Float64Array) => {
    const v = new Float64Array(w.length);
    net.velocity(w, data, v);
    return v;
  };
  const ref = integrate(field, 0, w0, c.times.slice(1), { rtol: 1e-12, atol: 1e-12 });
  const states = [w0, ...ref.states];
  // RK4 with h = 0.01 over T = 0.2: global error O(h⁴)·‖∂⁵w‖ ≈ 1e-8·O(1), far below 1e-6; a wrong stage or weight
  // makes the scheme first or second order (error ≈ 1e-2·O(1)).
  c.losses.forEach((f, k) => {
    const want = net.loss(states[k], data);
    assert.ok(Math.abs(f - want) <= 1e-6 * (1 + want), `t = ${c.times[k]}: ${f} vs ${want}`);
  });
  c.w.forEach((v, q) => assert.ok(Math.abs(v - ref.states[3][q]) <= 1e-6, `w[${q}]: ${v} vs ${ref.states[3][q]}`));
  assert.equal(c.losses[0], net.loss(w0, data));
  assert.ok(c.losses[4] < c.losses[0], "the flow decreases F");
  // every > steps: only t = 0 is recorded (and the final state is still T's).
  const only = trainFlow(net, data, w0, h, steps, 50);
  assert.deepEqual(only.times, [0]);
  assert.deepEqual(only.w, c.w);
});

Deno.test("velocity's hand-written ReLU, d = 2 path agrees with the general path to the bit", () => {
  const rng = createRng("mean-field-relu-path");
  // A copy of ReLU is not `relu`, so it takes the general path.
  const general = { ...relu };
  for (const [m, scale] of [[1, 1], [3, 1 / Math.sqrt(3)], [24, 1 / 24], [64, 1 / 64]]) {
    const n = 11;
    const data = {
      d: 2,
      n,
      x: Float64Array.from({ length: n * 2 }, () => rng.normal()),
      y: Float64Array.from({ length: n }, () => rng.normal()),
    };
    // Some particles with a = 0, b = 0: z = 0 exactly, where σ′ jumps.
    const w = Float64Array.from({ length: m * 4 }, (_, q) => (q % 12 < 3 ? 0 : rng.normal()));
    const fast = new Float64Array(w.length), slow = new Float64Array(w.length);
    const f = new MeanFieldNetwork(m, 2, relu, scale).velocity(w, data, fast);
    const s = new MeanFieldNetwork(m, 2, general, scale).velocity(w, data, slow);
    assert.ok(Object.is(f, s), `m = ${m}: F ${f} vs ${s}`);
    fast.forEach((v, q) => assert.ok(Object.is(v, slow[q]), `m = ${m}, component ${q}: ${v} vs ${slow[q]}`));
  }
});
