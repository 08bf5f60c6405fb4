import assert from "node:assert/strict";
import { MeanFieldNetwork } from "./mean_field.ts";
import { softplus } from "./activation.ts";
import { createRng } from "../numerics/random.ts";

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
  const h = 1e-5;
  for (let q = 0; q < w.length; q++) {
    const wp = Float64Array.from(w), wm = Float64Array.from(w);
    wp[q] += h;
    wm[q] -= h;
    const grad = (net.loss(wp, data) - net.loss(wm, data)) / (2 * h);
    // Central differences: error O(h²·F‴) ≈ 1e-10 here, far below 1e-7.
    assert.ok(Math.abs(-m * grad - v[q]) < 1e-7, `component ${q}: ${-m * grad} vs ${v[q]}`);
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
