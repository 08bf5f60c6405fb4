import assert from "node:assert/strict";
import { linearisationError, tanhLinearisationError } from "./lazy_relative_error.ts";
import { iidInit, kappaBounds, rowsSpectralNorm, ScaledTwoLayer } from "./scaled_two_layer.ts";
import { kappaSweepData } from "./kappa_sweep.ts";
import { tanh } from "./activation.ts";
import { integrate } from "../numerics/ode.ts";
import { createRng } from "../numerics/random.ts";

const net = new ScaledTwoLayer([Float64Array.of(1, 0), Float64Array.of(0.6, 0.8)], 4, 0.5, tanh);
const w0 = Float64Array.of(0.3, -0.2, 0.5, 0.1, -0.4, 0.6, 0.2, 0.2, 1, -1, 0.5, 0.7);
const y = [1, -1];

Deno.test("linearisationError: both flows against an adaptive integration of w′ = −Dh(w)ᵀ(h(w) − y) and of w̄′", () => {
  const e = linearisationError(net, w0, y, 0.5, 3, 64);
  const jac0 = net.jacobian(w0), normSq = rowsSpectralNorm(jac0) ** 2;
  assert.equal(e.jacobianNormSq, normSq);
  assert.deepEqual(e.times, [0.125, 0.25, 0.5]);
  // The nonlinear flow and the flow of the linearised model h̄(w) = h(w₀) + Dh(w₀)(w − w₀), in the original time T.
  const f0 = net.outputs(w0);
  const field = (_t: number, w: Float64Array) => {
    const f = net.outputs(w), jac = net.jacobian(w), g = new Float64Array(w.length);
    jac.forEach((row, i) => row.forEach((v, k) => (g[k] -= v * (f[i] - y[i]))));
    return g;
  };
  const linField = (_t: number, w: Float64Array) => {
    const h = jac0.map((row, i) => f0[i] + row.reduce((s, v, k) => s + v * (w[k] - w0[k]), 0));
    const g = new Float64Array(w.length);
    jac0.forEach((row, i) => row.forEach((v, k) => (g[k] -= v * (h[i] - y[i]))));
    return g;
  };
  const bigT = e.times.map((t) => t / normSq);
  const opts = { rtol: 1e-12, atol: 1e-13 };
  const nl = integrate(field, 0, w0, bigT, opts).states, lin = integrate(linField, 0, w0, bigT, opts).states;
  const r0 = Math.hypot(f0[0] - y[0], f0[1] - y[1]);
  bigT.forEach((_, j) => {
    const f = net.outputs(nl[j]);
    const h = jac0.map((row, i) => f0[i] + row.reduce((s, v, k) => s + v * (lin[j][k] - w0[k]), 0));
    const want = Math.hypot(f[0] - h[0], f[1] - h[1]) / r0;
    // RK4 at 128 steps over t ≤ 0.5: the error of err is far below 1e-6 of its size (and estimated below).
    assert.ok(Math.abs(e.errors[j] - want) <= 1e-6 * want, `t = ${e.times[j]}: ${e.errors[j]} vs ${want}`);
    assert.ok(e.integrationError[j] >= 0 && e.integrationError[j] <= 1e-6 * want);
  });
  // The Richardson estimate is the difference of the runs at Δ and Δ/2: with 4 steps in all it is visible.
  const rough = linearisationError(net, w0, y, 0.5, 3, 4);
  assert.ok(rough.integrationError[2] > 1e-3 * e.integrationError[2] && rough.integrationError[2] > 0);
  assert.ok(Math.abs(rough.errors[2] - e.errors[2]) <= 16 * rough.integrationError[2] + 1e-12);
});

Deno.test("tanhLinearisationError: the κ sweep's network, κ bracket, and the reported ratios recomputed", () => {
  const o = { tMax: 0.125, count: 3, steps: 32, power: 2 }, width = 8, beta = 0.5;
  const r = tanhLinearisationError(createRng(7), width, beta, o);
  // The same network and w₀ by hand: the sweep data, α = width^{−β}, iid w₀ from the same stream.
  const { xs, y: ys } = kappaSweepData();
  const n2 = new ScaledTwoLayer(xs, width, width ** -beta, tanh), v0 = iidInit(createRng(7), 3, width);
  const b = kappaBounds(n2, v0, ys), e = linearisationError(n2, v0, ys, o.tMax, o.count, o.steps);
  assert.deepEqual([r.kappaLo, r.kappaHi, r.times, r.errors], [b.lower, b.upper, e.times, e.errors]);
  const worst = (k: number) => Math.max(...e.errors.map((err, j) => err / (e.times[j] ** 2 * k)));
  assert.equal(r.worstHi, worst(b.upper));
  assert.equal(r.worstLo, worst(b.lower));
  assert.equal(r.integration, Math.max(...e.errors.map((err, j) => e.integrationError[j] / err)));
  // The slope: 2s₀₁ − s₁₂ from the local exponents, near the t² law.
  const s = (j: number) => Math.log(e.errors[j + 1] / e.errors[j]) / Math.log(e.times[j + 1] / e.times[j]);
  assert.ok(Math.abs(r.slope - (2 * s(0) - s(1))) < 1e-12 && Math.abs(r.slope - 2) < 0.2);
});
